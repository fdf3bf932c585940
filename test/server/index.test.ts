import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { ROOT } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';

const BLOCKS_CSV = 'block,address,url\nChung cư Ngọc Lan – Tòa A,"125 Nơ Trang Long",\nKhu nhà ở Bình Lợi,"48/2 Bình Lợi",https://zalo.me/g/binhloi\nChung cư Mỹ Phước,25 Phan Văn Trị,\n';

let server: RunningServer;
/** What the server logged: nothing, ever, for a page that only hands out files. */
const logged: string[] = [];

/** A GET with any Host header (fetch will not send another's). */
function get(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode!);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('serve: the static page on this machine', () => {
  beforeAll(async () => {
    server = await startServer({ port: 0, host: '127.0.0.1', log: (m) => logged.push(m) });
  });
  afterAll(async () => {
    await server?.close();
    expect(logged).toEqual([]);
  });

  it('listens on the loopback interface only and refuses other hosts', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await expect(startServer({ port: 0, host: '0.0.0.0' })).rejects.toThrow(/127\.0\.0\.1/);
    expect(await get('/', 'evil.example:80')).toBe(403);
    expect(await get('/', `localhost:${server.port}`)).toBe(200);
  });

  it('serves the build in dist/web as it is, with the page locked to its own files', async () => {
    const page = await fetch(server.url);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    // The engine's templates come compiled: the page needs no eval.
    expect(page.headers.get('content-security-policy')).not.toMatch(/ 'unsafe-eval'/);
    expect(await page.text()).toBe(readFileSync(join(ROOT, 'dist/web/index.html'), 'utf8'));
    for (const [file, type] of [['app.js', 'text/javascript'], ['engine.js', 'text/javascript'], ['sw.js', 'text/javascript'], ['style.css', 'text/css'], ['manifest.webmanifest', 'application/manifest+json']]) {
      const res = await fetch(new URL(file!, server.url));
      expect(res.status, file).toBe(200);
      expect(res.headers.get('content-type'), file).toContain(type!);
      expect(Buffer.from(await res.arrayBuffer()).equals(readFileSync(join(ROOT, 'dist/web', file!))), file).toBe(true);
    }
  });

  it('has nothing but the build\'s files: no API, no folders, nothing outside, nothing received', async () => {
    for (const path of ['/api/options', '/../package.json', '/%2e%2e/package.json', '/cli/main.js', '/.hidden', '/index.html/x']) expect((await fetch(new URL(path, server.url))).status, path).toBe(404);
    expect((await fetch(new URL('/api/preview', server.url), { method: 'POST', body: '{}' })).status).toBe(405);
  });

  it('answers an unknown page with a Vietnamese 404 page', async () => {
    const res = await fetch(new URL('/khong-co-trang-nay', server.url));
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain('Không có trang này');
  });
});

const describeBrowser = hasChromium ? describe : describe.skip;
if (!hasChromium) console.warn('⚠ chromium is not installed: the browser test is skipped');

describeBrowser('serve: the page in a real browser', () => {
  let web: RunningServer;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    web = await startServer({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  it('fills the form, previews live, shows field errors, uploads blocks and downloads the stickers PDF', async () => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(web.url);
    const preview = page.locator('#preview');
    const src = () => preview.getAttribute('src');

    await page.fill('[data-field="unit.name"]', 'Ủy ban nhân dân Xã Thạnh Nhựt');
    await page.waitForFunction(() => (document.getElementById('preview') as HTMLImageElement).src.startsWith('blob:'));
    const first = await src();

    // A wrong phone shows under its input, and the preview waits for the fix.
    await page.fill('[data-field="contact.phone"]', '0123');
    await page.locator('[data-err="contact.phone"]').filter({ hasText: 'không phải số điện thoại' }).waitFor();
    await page.fill('[data-field="contact.phone"]', '0907 028 318');
    await page.fill('[data-field="venues.0.name"]', 'Công an Xã Thạnh Nhựt');
    await page.waitForFunction((before) => (document.getElementById('preview') as HTMLImageElement).src !== before, first);
    expect(await page.locator('[data-err="contact.phone"]').textContent()).toBe('');

    await page.selectOption('#product', 'stickers');
    // A table without the block column: the message stays next to the upload.
    await page.setInputFiles('#data-file', { name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from('ten,dia_chi\nTòa A,1 Lê Lợi\n') });
    await page.locator('[data-err="data"]').filter({ hasText: 'thiếu cột bắt buộc "Tòa nhà" (block)' }).waitFor();
    await page.setInputFiles('#data-file', { name: 'toa-nha.csv', mimeType: 'text/csv', buffer: Buffer.from(BLOCKS_CSV) });
    await page.locator('#data-note').filter({ hasText: 'Đã đọc 3 tòa nhà' }).waitFor();

    if (process.env.UPDATE_SCREENSHOT === '1') {
      await page.waitForFunction(() => !document.getElementById('preview')!.classList.contains('stale'));
      await page.screenshot({ path: join(ROOT, 'docs/web-page.png') });
    }

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    expect(download.suggestedFilename()).toBe('tem-qr-a4-2x4.pdf');
    const pdf = readFileSync((await download.path())!);
    const text = (await readPdf(pdf)).map((p) => p.text).join(' ');
    for (const name of ['Chung cư Ngọc Lan – Tòa A', 'Khu nhà ở Bình Lợi', 'Chung cư Mỹ Phước', 'Ủy ban nhân dân Xã Thạnh Nhựt']) expect(text).toContain(name);

    // "Tải hồ sơ về", then "Mở hồ sơ đã lưu" fills the form again.
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('#save-profile')]);
    expect(saved.suggestedFilename()).toBe('ho-so-don-vi.yaml');
    const yaml = readFileSync((await saved.path())!, 'utf8');
    expect(yaml).toContain('Ủy ban nhân dân Xã Thạnh Nhựt');
    await page.fill('[data-field="unit.name"]', '');
    await page.fill('[data-field="venues.0.name"]', '');
    await page.setInputFiles('#profile-file', { name: 'ho-so-don-vi.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    await page.locator('#profile-note').filter({ hasText: 'Đã mở ho-so-don-vi.yaml' }).waitFor();
    expect(await page.inputValue('[data-field="unit.name"]')).toBe('Ủy ban nhân dân Xã Thạnh Nhựt');
    expect(await page.inputValue('[data-field="venues.0.name"]')).toBe('Công an Xã Thạnh Nhựt');
    expect(await page.inputValue('[data-field="contact.phone"]')).toBe('0907 028 318');
    await context.close();
  }, 30_000);

  it('flags a campaign date already past under its field, and shows a loaded impossible date instead of dropping it', async () => {
    const page = await browser.newPage({ locale: 'vi-VN' });
    await page.goto(`${web.url}?today=2026-11-28`);
    await page.fill('[data-field="unit.name"]', 'Ủy ban nhân dân xã Thạnh Nhựt');
    // The suite runs on 28/11/2026 (VNEID_PRINT_TODAY).
    await page.fill('[data-field="deadline"]', '27/11/2026');
    await page.locator('[data-err="deadline"]').filter({ hasText: 'đã qua' }).waitFor();
    await page.fill('[data-field="deadline"]', '31 3 2027');
    await page.waitForFunction(() => document.querySelector('[data-err="deadline"]')!.textContent === '');
    const yaml = 'unit:\n  name: UBND xã A\ndeadline: 2023-02-30\n';
    await page.setInputFiles('#profile-file', { name: 'cu.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
    await page.locator('[data-err="deadline"]').filter({ hasText: 'không phải một ngày có thật' }).waitFor();
    expect(await page.inputValue('[data-field="deadline"]')).toBe('2023-02-30');
    await page.close();
  }, 30_000);
});
