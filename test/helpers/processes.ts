import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './cli.js';

const BIN = join(ROOT, 'dist/cli/main.js');

export interface Run {
  pid: number;
  /** Resolves when the bin has exited, with what it said. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the bin as a user would, in a process group of its own (as a terminal gives it). */
export function start(args: string[], o: { env?: Record<string, string>; uid?: number } = {}): Run {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true, uid: o.uid, gid: o.uid });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return { pid: child.pid!, done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))) };
}

export const run = (args: string[], o?: Parameters<typeof start>[1]) => start(args, o).done;

/** Live processes (zombies are dead) whose command line holds `marker`: a run's --out is unique to it. */
function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false; // gone while we looked
      }
    })
    .map(Number);
}

async function waitFor(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
  }
}

/** Waits for a run to get somewhere; fails at once, with what it said, if it ended first. */
export function reached(cli: Run, what: string, ok: () => boolean): Promise<void> {
  const ended = cli.done.then((r) => Promise.reject(new Error(`the run ended (${r.code}) before ${what}: ${r.stderr}`)));
  return Promise.race([waitFor(what, ok), ended]);
}

/** The bin and the worker it started are both gone (the worker may take a moment to notice). */
export const noneLeft = (marker: string) => waitFor(`no process with ${marker}`, () => processesWith(marker).length === 0, 5_000);

/** Every entry under `dir`, folders too, hidden ones included. */
export function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];
}
export const hidden = (dir: string) => entries(dir).filter((e) => e.split('/').some((part) => part.startsWith('.')));

/** Files a batch is writing into its hidden folder inside `out`. */
export function staged(out: string, ext: string): number {
  return entries(out).filter((e) => e.startsWith('.vneid-print-') && e.endsWith(ext)).length;
}

/** A table of `n` blocks in `dir`. */
export function blocks(dir: string, n: number): string {
  const file = join(dir, 'toa-nha.csv');
  writeFileSync(file, 'block,address\n' + Array.from({ length: n }, (_, i) => `Tòa nhà số ${i + 1},${i + 1} Nơ Trang Long`).join('\n'));
  return file;
}
