// The built page (dist/web) in a real browser, served by nothing but a plain
// static file server: it makes the same PDF as the command line, byte for byte,
// asks for nothing but its own files, and keeps working with the server gone.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTS } from '../../src/products/catalog.js';
import { IMAGE_PRESETS, type ImagePreset } from '../../src/products/screen-image.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { example, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { writeXlsx } from '../helpers/spreadsheet.js';

const WEB = join(ROOT, 'dist/web');
const WARD = example('phuong-binh-thanh.yaml');
const BLOCKS = example('toa-nha-phuong-13.csv');
const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn('⚠ chromium is not installed: the static page test is skipped');

/** Any static host: files by name from dist/web, every request written down. */
function staticHost(log: { method: string; path: string; status: number }[]): Promise<Server> {
  const types: Record<string, string> = { html: 'text/html', js: 'text/javascript', css: 'text/css', webmanifest: 'application/manifest+json', svg: 'image/svg+xml', png: 'image/png' };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = join(WEB, path === '/' ? 'index.html' : path.slice(1));
    const ok = req.method === 'GET' && !path.slice(1).includes('/') && existsSync(file);
    log.push({ method: req.method ?? '', path, status: ok ? 200 : 404 });
    if (!ok) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': types[file.split('.').pop()!] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** The command line's file for the ward (no SOURCE_DATE_EPOCH: the page has none); `out` is the file or folder --out names, `file` what to read there. */
function cliFile(args: string[], out: string, file = out): Buffer {
  const dir = tempDir();
  const r = runCli([args[0]!, '--unit', WARD, ...args.slice(1), '--out', join(dir, out)], { env: { SOURCE_DATE_EPOCH: '' } });
  expect(r.code, r.stderr).toBe(0);
  return readFileSync(join(dir, file));
}

/** Opens the ward's saved profile in the page, as a clerk does, and waits for its preview. */
async function openWard(page: import('playwright-core').Page): Promise<void> {
  // The form is ready once the engine has said which guides there are.
  await page.locator('#guide option').first().waitFor({ state: 'attached' });
  await page.getByTestId('profile-file').setInputFiles(WARD);
  await page.waitForFunction(() => (document.querySelector('[data-testid="preview"]') as HTMLImageElement).src.startsWith('blob:'));
  expect(await page.inputValue('[data-field="unit.name"]')).toBe('Ủy ban nhân dân phường Bình Thạnh');
}

/** Chooses what to make and its table, as a clerk does, and waits until the page says it has read it. */
async function chooseTable(page: import('playwright-core').Page, product: 'handout' | 'stickers', table: string, read: string): Promise<void> {
  await page.selectOption('#product', product);
  await page.setInputFiles('#data-file', table);
  await page.locator('#data-note').filter({ hasText: read }).waitFor();
}

async function download(page: import('playwright-core').Page): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describeBrowser('the static page in chromium', () => {
  const requests: { method: string; path: string; status: number }[] = [];
  let host: Server;
  let url: string;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    host = await staticHost(requests);
    url = `http://127.0.0.1:${(host.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    host?.closeAllConnections();
    if (host?.listening) await new Promise((resolve) => host.close(resolve));
  });

  it('previews in well under a second once the engine is warm', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    await page.goto(url);
    const previews = () => page.evaluate(() => performance.getEntriesByName('vneid:preview').map((e) => e.duration));
    for (const name of ['Ủy ban nhân dân xã A', 'Ủy ban nhân dân xã Bình Minh', 'Ủy ban nhân dân phường Tân Định', 'Ủy ban nhân dân xã Thạnh Nhựt']) {
      const before = (await previews()).length;
      await page.fill('[data-field="unit.name"]', name);
      await page.waitForFunction((n) => performance.getEntriesByName('vneid:preview').length > n, before);
    }
    const [first, ...warm] = await previews();
    const median = warm.sort((a, b) => a - b)[Math.floor(warm.length / 2)]!;
    const start = await page.evaluate(() => performance.getEntriesByName('vneid:engine-start')[0]?.duration ?? NaN);
    console.log(`engine start ${start.toFixed(0)} ms; preview: first ${first!.toFixed(0)} ms, then ${warm.map((d) => d.toFixed(0)).join(', ')} ms`);
    // The goal is 300 ms on this machine; a loaded CI machine gets room.
    expect(median).toBeLessThan(1000);
    await page.close();
  }, 60_000);

  it('reads an Excel table of classes and makes the print room\'s handouts in the page, as the command line does', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'cac-lop.xlsx');
    await writeXlsx(xlsx, [['Lớp', 'GVCN', 'Sĩ số'], ['6A1', 'Cô Nguyễn Thị Hoa', 2], ['6A2', 'Thầy Trần Văn Bình', 1]]);
    const page = await browser.newPage({ acceptDownloads: true, locale: 'vi-VN' });
    await page.goto(`${url}?today=2026-11-28`);
    await openWard(page);
    await chooseTable(page, 'handout', xlsx, 'Đã đọc 2 lớp từ cac-lop.xlsx');
    await page.check('#allCopies');
    const handouts = await download(page);
    expect(handouts.name).toBe('to-phu-huynh-du-so-ban.pdf');
    const r = runCli(['handout', '--unit', WARD, '--data', xlsx, '--guide', 'kich-hoat', '--out', join(dir, 'lop'), '--quiet'], { env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(handouts.bytes.equals(readFileSync(join(dir, 'lop', 'in-tat-ca-cac-lop.pdf')))).toBe(true);
    await page.close();
  }, 60_000);

  it('makes two-up grayscale handouts from a CSV with Vietnamese headers, and stickers from an Excel table, as the command line does', async () => {
    const dir = tempDir();
    const classes = example('cac-lop-thcs-tan-trung.csv');
    expect(readFileSync(classes, 'utf8').split('\n')[0]).toBe('Lớp,GVCN,SĐT,Zalo,Sĩ số');
    const xlsx = join(dir, 'toa-nha.xlsx');
    await writeXlsx(xlsx, [['Tòa nhà', 'Địa chỉ'], ['Chung cư Ngọc Lan – Tòa A', '125 Nơ Trang Long'], ['Chung cư Mỹ Phước', '25 Phan Văn Trị']]);
    const page = await browser.newPage({ acceptDownloads: true, locale: 'vi-VN' });
    await page.goto(`${url}?today=2026-11-28`);
    await openWard(page);
    await chooseTable(page, 'handout', classes, 'lớp từ cac-lop-thcs-tan-trung.csv');
    await page.check('#twoUp');
    await page.check('#grayscale');
    await page.check('#allCopies');
    const handouts = await download(page);
    expect(handouts.bytes.equals(cliFile(['handout', '--data', classes, '--guide', 'kich-hoat', '--two-up', '--grayscale', '--quiet'], 'lop', 'lop/in-tat-ca-cac-lop.pdf'))).toBe(true);
    await chooseTable(page, 'stickers', xlsx, 'Đã đọc 2 tòa nhà từ toa-nha.xlsx');
    const stickers = await download(page);
    expect(stickers.name).toBe('tem-qr-a4-2x4.pdf');
    expect(stickers.bytes.equals(cliFile(['stickers', '--data', xlsx, '--quiet'], 'tem', 'tem/tem-qr-a4-2x4.pdf'))).toBe(true);
    await page.close();
  }, 90_000);

  it('takes the link schemes allowed from its address, as serve --allow-scheme gives them', async () => {
    const table = { name: 'toa-nha.csv', mimeType: 'text/csv', buffer: Buffer.from('block,url\nTòa A,tel:0907028318\n') };
    const page = await browser.newPage({ locale: 'vi-VN' });
    for (const [address, read] of [[url, false], [`${url}?allow-scheme=tel`, true]] as const) {
      await page.goto(address);
      await page.locator('#guide option').first().waitFor({ state: 'attached' });
      await page.selectOption('#product', 'stickers');
      await page.setInputFiles('#data-file', table);
      if (read) await page.locator('#data-note').filter({ hasText: 'Đã đọc 1 tòa nhà' }).waitFor();
      else await page.locator('[data-err="data"]').filter({ hasText: 'tel' }).waitFor();
    }
    await page.close();
  }, 60_000);

  it('makes the A5 leaflet and the sticker PDFs of a saved profile byte for byte as the command line does, asking only for its own files; then works offline', async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: 'vi-VN', serviceWorkers: 'allow' });
    const elsewhere: string[] = [];
    context.on('request', (r) => {
      if (!r.url().startsWith(url) && !/^(blob|data):/.test(r.url())) elsewhere.push(r.url());
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}?today=2026-11-28`);
    await openWard(page);
    const leaflet = await download(page);
    expect(leaflet.name).toBe('to-roi-kich-hoat-a5.pdf');
    const fromCli = cliFile(['leaflet', '--guide', 'kich-hoat', '--size', 'a5'], 'to-roi.pdf');
    expect(leaflet.bytes.length).toBe(fromCli.length);
    expect(leaflet.bytes.equals(fromCli)).toBe(true);

    // The stickers of a table of blocks: every QR code read back in the page (jsQR and ZXing), the same PDF.
    await chooseTable(page, 'stickers', BLOCKS, 'Đã đọc');
    const stickers = await download(page);
    expect(stickers.name).toBe('tem-qr-a4-2x4.pdf');
    expect(stickers.bytes.equals(cliFile(['stickers', '--data', BLOCKS, '--sheet', 'a4-2x4', '--quiet'], 'tem', 'tem/tem-qr-a4-2x4.pdf'))).toBe(true);
    // A picture for social media: drawn by the page's canvas, the size the command line makes, its resolution recorded.
    await page.selectOption('#product', 'image');
    await page.selectOption('#format', 'png');
    const preset = IMAGE_PRESETS[(await page.inputValue('#preset')) as ImagePreset];
    const picture = await download(page);
    expect(picture.name).toMatch(/\.png$/);
    const meta = await sharp(picture.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['png', preset.width, preset.height]);
    expect(meta.density).toBe(PRODUCTS.image.dpi);
    await page.selectOption('#product', 'leaflet');

    // Only the build's own files were asked for, all of them there, from nowhere else.
    const files = new Set(['/', ...readdirSync(WEB).map((f) => `/${f}`)]);
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) {
      expect(r.method).toBe('GET');
      expect(files.has(r.path), r.path).toBe(true);
      expect(r.status, r.path).toBe(200);
    }
    expect(elsewhere).toEqual([]);

    // Offline after the first visit: the service worker has every file; the host goes away.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.waitForFunction(() => caches.keys().then((keys) => keys.some((k) => k.startsWith('vneid-print-'))));
    // The host goes away, and the browser is offline too.
    host.closeAllConnections();
    await new Promise((resolve) => host.close(resolve));
    const served = requests.length;
    await context.setOffline(true);
    await page.reload();
    await openWard(page);
    expect((await download(page)).bytes.equals(fromCli)).toBe(true);
    expect(requests.slice(served)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('works opened from a file (a USB stick): the engine runs in the page, and the PDF is the same', async () => {
    const page = await browser.newPage({ acceptDownloads: true, locale: 'vi-VN' });
    await page.goto(`file://${join(WEB, 'index.html')}?today=2026-11-28`);
    await openWard(page);
    // A page from a file may not start a worker: the engine came in as a script instead.
    expect(await page.evaluate(() => typeof (window as unknown as { vneidEngine?: unknown }).vneidEngine)).toBe('object');
    expect((await download(page)).bytes.equals(cliFile(['leaflet', '--guide', 'kich-hoat', '--size', 'a5'], 'to-roi.pdf'))).toBe(true);
    await page.close();
  }, 60_000);
});
