import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

/** Debian's chromium: the browser tests drive it with playwright-core (no browser download). */
export const CHROMIUM = '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** Headless chromium, quiet: no sandbox (containers), no GPU, nothing fetched from the network on its own. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
