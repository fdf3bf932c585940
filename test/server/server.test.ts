import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAPER, POSTER_PAPER } from '../../src/layout/page-sizes.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { example, ROOT, runCli } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { craftZip } from '../helpers/zip-bomb.js';

const PROFILE = {
  unit: { name: 'Ủy ban nhân dân Phường Tân Định', parent: 'Ban Chỉ đạo Đề án 06 Quận 1' },
  contact: { name: 'Nguyễn Thị Hoa', title: 'Cán bộ tư pháp', phone: '0907028318' },
  deadline: '31/12/2026',
  venues: [
    { name: 'Công an Phường Tân Định', address: '12 Trần Quang Khải', hours: 'Thứ Hai – Thứ Sáu, 7:30–17:00' },
    { name: '', address: '', hours: '' },
  ],
};

const BLOCKS_CSV = 'block,address,url\nChung cư Ngọc Lan – Tòa A,"125 Nơ Trang Long",\nKhu nhà ở Bình Lợi,"48/2 Bình Lợi",https://zalo.me/g/binhloi\nChung cư Mỹ Phước,25 Phan Văn Trị,\n';

let server: RunningServer;
/** What the server logged: only program defects belong there, never a clerk's mistake. */
const logged: string[] = [];
const post = (path: string, body: unknown) => fetch(new URL(path, server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function upload(path: string, name: string, bytes: Buffer | string, fields: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([bytes]), name);
  return fetch(new URL(path, server.url), { method: 'POST', body: fd });
}

describe('serve: the web API', () => {
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
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/options', headers: { Host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    const crossSite = await fetch(new URL('/api/profile/yaml', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' }, body: JSON.stringify({ profile: PROFILE }) });
    expect(crossSite.status).toBe(403);
  });

  it('serves the page and the lists it needs', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('Tên đơn vị');
    const opts = await (await fetch(new URL('/api/options', server.url))).json();
    expect(opts.guides.map((g: { id: string }) => g.id)).toContain('kich-hoat');
    expect(opts.sheets).toContain('a4-2x4');
  });

  it('previews page 1 of a leaflet as a PNG of the page size', async () => {
    const res = await post('/api/preview', { profile: PROFILE, product: { product: 'leaflet', guide: 'kich-hoat', size: 'a5' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const dpi = Number(res.headers.get('x-preview-dpi'));
    const png = Buffer.from(await res.arrayBuffer());
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const meta = await sharp(png).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(Math.round((PAPER.a5.width / 72) * dpi));
    expect(meta.height).toBe(Math.round((PAPER.a5.height / 72) * dpi));
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(900);
  });

  it('previews every product, stickers and handouts with a sample row before any upload, each at its own page shape', async () => {
    for (const [product, page] of [
      [{ product: 'poster', guide: 'muc-1', posterSize: 'a1', landscape: true }, { width: POSTER_PAPER.a1.height, height: POSTER_PAPER.a1.width }],
      [{ product: 'image', guide: 'tien-ich', preset: 'social-wide' }, { width: 1200, height: 630 }],
      [{ product: 'stickers', sheet: 'a4-4xa6' }, PAPER.a4],
      [{ product: 'handout', guide: 'kich-hoat', twoUp: true }, { width: PAPER.a4.height, height: PAPER.a4.width }],
    ] as const) {
      const res = await post('/api/preview', { profile: PROFILE, product });
      expect(res.status, product.product).toBe(200);
      const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
      expect(meta.format).toBe('png');
      // The preview's shape is the product's page shape (portrait or landscape, and its proportions).
      expect(meta.width! / meta.height!, product.product).toBeCloseTo(page.width / page.height, 1);
    }
  });

  it('reports a wrong phone number against its field, with a hint, in Vietnamese', async () => {
    const res = await post('/api/preview', { profile: { ...PROFILE, contact: { ...PROFILE.contact, phone: '0123' } }, product: { product: 'leaflet' } });
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors).toContainEqual(expect.objectContaining({ field: 'contact.phone', message: expect.stringContaining('không phải số điện thoại Việt Nam hợp lệ') }));
  });

  it('maps venue problems back to the form row, and reports every problem at once', async () => {
    const profile = {
      ...PROFILE,
      unit: { name: '  ', parent: '' },
      deadline: '2026-02-30',
      venues: [{ name: '', address: '', hours: '' }, { name: '', address: 'chỉ có địa chỉ', hours: '' }],
    };
    const { errors } = await (await post('/api/preview', { profile, product: { product: 'leaflet' } })).json();
    const fields = errors.map((e: { field?: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['unit.name', 'deadline', 'venues.1.name']));
    expect(errors.every((e: { line?: number }) => e.line === undefined)).toBe(true);
  });

  it('refuses a request that is not the form, a bad guide, and an unknown sheet, as 400', async () => {
    expect((await post('/api/preview', { profile: 'x', product: {} })).status).toBe(400);
    const bad = await post('/api/preview', { profile: PROFILE, product: { product: 'leaflet', guide: '../../etc/passwd' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0]).toMatchObject({ field: 'guide' });
    const sheet = await post('/api/preview', { profile: PROFILE, product: { product: 'stickers', sheet: '/etc/passwd.json' } });
    expect((await sheet.json()).errors[0]).toMatchObject({ field: 'sheet' });
    const huge = await post('/api/preview', { profile: { ...PROFILE, rest: { slogan: 'x'.repeat(400_000) } }, product: { product: 'leaflet' } });
    expect(huge.status).toBe(413);
  });

  it.each([
    ['leaflet', { product: 'leaflet', guide: 'kich-hoat', size: 'a5' }, ['leaflet', '--guide', 'kich-hoat'], 'pdf'],
    ['large-print leaflet', { product: 'leaflet', guide: 'muc-2', largePrint: true }, ['leaflet', '--guide', 'muc-2', '--large-print'], 'pdf'],
    ['poster', { product: 'poster', guide: 'dich-vu-cong', posterSize: 'a3', landscape: true }, ['poster', '--guide', 'dich-vu-cong', '--size', 'a3', '--landscape'], 'pdf'],
    ['screen picture', { product: 'image', guide: 'kich-hoat', preset: 'social-wide', format: 'png' }, ['image', '--guide', 'kich-hoat', '--preset', 'social-wide'], 'png'],
  ] as const)('the same %s from the web page and the command line, byte for byte, with the same file name', async (_name, product, args, format) => {
    const res = await post('/api/generate', { profile: PROFILE, product: { format, ...product } });
    expect(res.status).toBe(200);
    const web = Buffer.from(await res.arrayBuffer());
    const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition')!)![1]!;
    // The profile the page holds, saved as the clerk would save it, given to the command line.
    const dir = mkdtempSync(join(tmpdir(), 'vneid-test-'));
    writeFileSync(join(dir, 'don-vi.yaml'), await (await post('/api/profile/yaml', { profile: PROFILE })).text());
    const r = runCli([args[0], '--unit', 'don-vi.yaml', ...args.slice(1)], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toContain(fileName);
    expect(readFileSync(join(dir, fileName)).equals(web)).toBe(true);
  });

  it('makes a leaflet PDF in memory and sends it with a safe file name', async () => {
    const res = await post('/api/generate', { profile: PROFILE, product: { product: 'leaflet', guide: 'kich-hoat', size: 'a4' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="to-roi-kich-hoat-a4.pdf"');
    const pages = await readPdf(Buffer.from(await res.arrayBuffer()));
    // One side, or both when the guide needs them at A4's 12-pt type.
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(pages[0]!.text).toContain('Ủy ban nhân dân Phường Tân Định');
    expect(pages[0]!.text).toContain('0907 028 318');
    for (const page of pages) expect(page.width).toBeCloseTo(PAPER.a4.width, 0);
  });

  it('rejects a malformed spreadsheet with a message and keeps serving; uploads leave nothing on disk', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'vneid-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      const broken = await upload('/api/data', 'toa-nha.xlsx', Buffer.from('PK\u0003\u0004 this is not a zip at all'), { kind: 'blocks' });
      expect(broken.status).toBe(400);
      const { errors } = await broken.json();
      expect(errors[0]).toMatchObject({ field: 'data', message: expect.stringContaining('.xlsx bị hỏng') });

      const quote = await upload('/api/data', 'toa-nha.csv', 'block,address\n"Tòa A,chưa đóng ngoặc\n', { kind: 'blocks' });
      expect(quote.status).toBe(400);
      expect((await quote.json()).errors[0].message).toContain('CSV');

      const noColumn = await upload('/api/data', 'lop.csv', 'khoi,ghi_chu\n6,Cô Lan\n', { kind: 'classes' });
      expect((await noColumn.json()).errors.map((e: { message: string }) => e.message).join(' ')).toContain('thiếu cột bắt buộc "Lớp" (class)');

      const exe = await upload('/api/data', 'virus.exe', 'MZ', { kind: 'blocks' });
      expect((await exe.json()).errors[0].hint).toContain('.xlsx');

      const big = await upload('/api/data', 'lon.csv', Buffer.alloc(5 * 1024 * 1024 + 10, 'a'), { kind: 'blocks' });
      expect(big.status).toBe(400);
      expect((await big.json()).errors[0].message).toContain('quá lớn');

      const many = 'block\n' + Array.from({ length: 5001 }, (_, i) => `Tòa ${i + 1}`).join('\n') + '\n';
      expect((await (await upload('/api/data', 'nhieu.csv', many, { kind: 'blocks' })).json()).errors[0].message).toContain('5000 dòng');

      // Still answering, and a good file is read.
      const good = await upload('/api/data', 'toa-nha.csv', BLOCKS_CSV, { kind: 'blocks' });
      expect(good.status).toBe(200);
      expect(await good.json()).toMatchObject({ rows: 3, name: 'toa-nha.csv' });
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('makes a sticker batch as a job with progress, each upload private to its id', async () => {
    const a = await (await upload('/api/data', 'toa-nha.csv', BLOCKS_CSV, { kind: 'blocks' })).json();
    const b = await (await upload('/api/data', 'khac.csv', 'block\nTòa nhà của người khác\n', { kind: 'blocks' })).json();
    expect(a.dataId).not.toBe(b.dataId);
    const start = await post('/api/jobs', { profile: PROFILE, product: { product: 'stickers', sheet: 'a4-2x4', dataId: a.dataId } });
    expect(start.status).toBe(202);
    const { id } = await start.json();
    let job: { state: string; done: number; total: number; unit: string; fileName?: string };
    for (;;) {
      job = await (await fetch(new URL(`/api/jobs/${id}`, server.url))).json();
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    // Progress counts the buildings given (3), not the sheets they fill (1).
    expect(job).toMatchObject({ state: 'done', done: 3, total: 3, unit: 'tòa nhà', fileName: 'tem-qr-a4-2x4.pdf' });
    const file = await fetch(new URL(`/api/jobs/${id}/file`, server.url));
    const text = (await readPdf(Buffer.from(await file.arrayBuffer()))).map((p) => p.text).join(' ');
    expect(text).toContain('Khu nhà ở Bình Lợi');
    expect(text).not.toContain('người khác');
  });

  it('tells the clerk to upload a table before making stickers or handouts', async () => {
    const res = await post('/api/jobs', { profile: PROFILE, product: { product: 'handout' } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ field: 'data', message: 'chưa tải lên bảng các lớp' });
  });

  it('makes handouts for every class of an uploaded table', async () => {
    const classes = await (await upload('/api/data', 'cac-lop.csv', readFileSync(example('cac-lop-thcs-tan-trung.csv')), { kind: 'classes' })).json();
    const res = await post('/api/generate', { profile: PROFILE, product: { product: 'handout', dataId: classes.dataId } });
    expect(res.status).toBe(200);
    const pages = await readPdf(Buffer.from(await res.arrayBuffer()));
    // Each class: a front and a back.
    expect(pages).toHaveLength(2 * classes.rows);
  });

  it('saves the profile as YAML and opens it again into the form', async () => {
    const saved = await post('/api/profile/yaml', { profile: PROFILE });
    expect(saved.headers.get('content-disposition')).toContain('ho-so-don-vi.yaml');
    const yaml = await saved.text();
    expect(yaml).toContain('name: Ủy ban nhân dân Phường Tân Định');
    const loaded = await (await upload('/api/profile/load', 'ho-so-don-vi.yaml', yaml)).json();
    expect(loaded.errors).toEqual([]);
    expect(loaded.form).toMatchObject({ unit: PROFILE.unit, contact: PROFILE.contact, deadline: PROFILE.deadline, venues: [PROFILE.venues[0]] });
    // A hand-written profile: its QR links come back untouched, its problems are reported by field.
    const own = await (await upload('/api/profile/load', 'phuong.yaml', readFileSync(example('phuong-binh-thanh.yaml'), 'utf8').replace('"0907028318"', '"0123"'))).json();
    expect(own.form.unit.name).toBe('Ủy ban nhân dân phường Bình Thạnh');
    expect(own.form.rest.qr.ios).toContain('apps.apple.com');
    expect(own.errors).toContainEqual(expect.objectContaining({ field: 'contact.phone' }));
    const notYaml = await upload('/api/profile/load', 'x.yaml', 'unit: [oops');
    expect(notYaml.status).toBe(400);
  });

  it('refuses a YAML "billion laughs" under the file field, and keeps running', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'unit: { name: *c }', ''].join('\n');
    const res = await upload('/api/profile/load', 'bom.yaml', bomb);
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors[0].field).toBe('profileFile');
    expect(errors[0].message).toBeTruthy();
    expect((await fetch(new URL('/api/options', server.url))).status).toBe(200);
  });

  it('answers an unknown address with 404 JSON and keeps running', async () => {
    const res = await fetch(new URL('/api/nothing-here', server.url));
    expect(res.status).toBe(404);
    expect((await fetch(new URL('/api/options', server.url))).status).toBe(200);
  });

  it('answers an unknown page with a Vietnamese 404 page, not Express\'s English', async () => {
    const res = await fetch(new URL('/khong-co-trang-nay', server.url));
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('lang="vi"');
    expect(html).toContain('Không có trang này');
    expect(html).not.toContain('Cannot GET');
  });

  it('answers a multipart body cut short with a Vietnamese 400 on the upload field, and logs nothing', async () => {
    const body = '--XYZ\r\nContent-Disposition: form-data; name="kind"\r\n\r\nblocks\r\n--XYZ\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nblock\r\nA\r\n';
    const head = `POST /api/data HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nContent-Type: multipart/form-data; boundary=XYZ\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`;
    const answer = await new Promise<string>((resolve, reject) => {
      let got = '';
      const socket = connect(server.port, '127.0.0.1', () => socket.end(head + body));
      socket.on('data', (d) => (got += d)).on('close', () => resolve(got)).on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400/);
    const { errors } = JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
    expect(errors[0]).toMatchObject({ field: 'data', message: 'tệp gửi lên bị đứt giữa chừng hoặc không đúng cách' });
    expect(logged).toEqual([]);
  });

  it('refuses an .xlsx zip bomb under the 5 MB limit before unpacking it', async () => {
    const bomb = await craftZip([{ name: 'xl/worksheets/sheet1.xml', chunk: Buffer.alloc(1 << 20, 0x20), times: 200 }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const res = await upload('/api/data', 'toa-nha.xlsx', bomb, { kind: 'blocks' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ field: 'data', message: expect.stringContaining('giải nén ra nặng 200 MB, quá mức 50 MB') });
  });

  it('refuses a table whose link hides another site, naming its row and column', async () => {
    const res = await upload('/api/data', 'toa-nha.csv', 'block,url\nTòa A,https://zalo.me@evil.example/g/a\n', { kind: 'blocks' });
    expect(res.status).toBe(400);
    expect((await res.json()).errors[0]).toMatchObject({ field: 'data', line: 2, message: expect.stringMatching(/^cột url: .*evil\.example/) });
  });

  it('a 3,000-character QR link is a 400 naming the field and the allowed length, not a 500', async () => {
    const rest = { qr: { ios: 'https://apps.apple.com/vn/app/vneid/id1582750372', android: `https://play.google.com/${'x'.repeat(3000)}` } };
    const res = await post('/api/preview', { profile: { ...PROFILE, rest }, product: { product: 'leaflet' } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toContainEqual(expect.objectContaining({ field: 'qr.android', message: expect.stringContaining('nhiều nhất 2.331 ký tự') }));
  });

  it('a picture chosen as the profile is called what it is, not "over 256 KB"', async () => {
    const png = await sharp({ create: { width: 234, height: 234, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png({ compressionLevel: 0 }).toBuffer();
    expect(png.length).toBeLessThan(256 * 1024);
    const res = await upload('/api/profile/load', 'ho-so.yaml', png);
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors[0]).toMatchObject({ field: 'profileFile', message: expect.stringContaining('không phải tệp chữ') });
    expect(JSON.stringify(errors)).not.toContain('256 KB');
  });
});

const CHROMIUM = '/usr/bin/chromium';
const describeBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn('⚠ chromium is not installed: the browser test is skipped');

describeBrowser('serve: the page in a real browser', () => {
  let web: RunningServer;
  let browser: import('playwright-core').Browser;

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    web = await startServer({ port: 0, host: '127.0.0.1', log: () => {} });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
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
      await page.evaluate(() => window.scrollTo(0, 0));
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
    await page.goto(web.url);
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
