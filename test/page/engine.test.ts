// The page's engine (src/page/engine.ts), as the page's worker runs it, on
// Node: every question the page asks, every problem it shows next to its field,
// and the same files as the command line from the same form.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayFrom } from '../../src/content/deadline.js';
import { PAPER, POSTER_PAPER } from '../../src/layout/page-sizes.js';
import { createEngine, type Engine, type Result } from '../../src/page/engine.js';
import { example, runCli } from '../helpers/cli.js';
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

/** What the engine logged: only program defects belong there, never a clerk's mistake. */
const logged: string[] = [];
let engine: Engine;
const bytes = (text: string | Buffer) => (typeof text === 'string' ? new TextEncoder().encode(text) : new Uint8Array(text));
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected an answer, got ${JSON.stringify(r.errors)}`);
  return r.value;
};
const errors = <T>(r: Result<T>) => {
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
};

beforeAll(() => {
  // The suite's fixed day (VNEID_PRINT_TODAY); the page passes ?today= the same way.
  engine = createEngine({ today: () => todayFrom(process.env, new Date()), log: (m) => logged.push(m) });
});

describe('the page engine answers the page', () => {
  it('lists the guides, label sheets, poster sizes and picture presets', () => {
    const opts = engine.options();
    expect(opts.guides.map((g) => g.id)).toContain('kich-hoat');
    expect(opts.sheets).toContainEqual(expect.objectContaining({ id: 'a4-2x4' }));
    expect(opts.posterSizes).toContainEqual(expect.objectContaining({ id: 'a2' }));
    expect(opts.imagePresets).toContainEqual(expect.objectContaining({ id: 'social-wide', width: 1200, height: 630 }));
  });

  it('previews page 1 of a leaflet as a small PNG of the page shape', async () => {
    const shot = value(await engine.preview(PROFILE, { product: 'leaflet', guide: 'kich-hoat', size: 'a5' }));
    const meta = await sharp(shot.pngs[0]!).metadata();
    expect(meta.format).toBe('png');
    expect(Math.max(meta.width!, meta.height!)).toBeLessThanOrEqual(900);
    expect(meta.width! / meta.height!).toBeCloseTo(PAPER.a5.width / PAPER.a5.height, 2);
  });

  it('previews every product, stickers and handouts with a sample row before any table, each at its own page shape', async () => {
    for (const [product, page] of [
      [{ product: 'poster', guide: 'muc-1', posterSize: 'a1', landscape: true }, { width: POSTER_PAPER.a1.height, height: POSTER_PAPER.a1.width }],
      [{ product: 'image', guide: 'tien-ich', preset: 'social-wide' }, { width: 1200, height: 630 }],
      [{ product: 'stickers', sheet: 'a4-4xa6' }, PAPER.a4],
      [{ product: 'handout', guide: 'kich-hoat', twoUp: true }, { width: PAPER.a4.height, height: PAPER.a4.width }],
    ] as const) {
      const meta = await sharp(value(await engine.preview(PROFILE, product)).pngs[0]!).metadata();
      expect(meta.width! / meta.height!, product.product).toBeCloseTo(page.width / page.height, 1);
    }
  });

  it('the preview of a two-sided leaflet says it is page 1 of 2 and why; a one-sided picture has no notices', async () => {
    const ward = value(await engine.loadProfile('phuong.yaml', bytes(readFileSync(example('phuong-binh-thanh.yaml'))))).form;
    const shot = value(await engine.preview(ward, { product: 'leaflet', guide: 'muc-2', size: 'a5' }));
    expect(shot.pngs).toHaveLength(2);
    expect(shot.notices).toEqual([expect.stringContaining('mặt sau (trang 2); hãy in hai mặt')]);
    const made = value(await engine.make(ward, { product: 'leaflet', guide: 'muc-2', size: 'a5', format: 'png' }));
    expect(made).toMatchObject({ fileName: 'to-roi-muc-2-a5-hai-mat.zip', type: 'application/zip' });
    expect(made.notices[1]).toContain('to-roi-muc-2-a5-mat-sau.png');
    expect(Object.keys(unzipSync(made.bytes))).toEqual(['to-roi-muc-2-a5.png', 'to-roi-muc-2-a5-mat-sau.png']);
    expect(value(await engine.make(ward, { product: 'image', guide: 'kich-hoat', preset: 'led-portrait', format: 'png' })).notices).toEqual([]);
  });

  it('reports a wrong phone number against its field, with a hint, in Vietnamese', async () => {
    const problems = errors(await engine.preview({ ...PROFILE, contact: { ...PROFILE.contact, phone: '0123' } }, { product: 'leaflet' }));
    expect(problems).toContainEqual(expect.objectContaining({ field: 'contact.phone', message: expect.stringContaining('không phải số điện thoại Việt Nam hợp lệ') }));
  });

  it('maps venue problems back to the form row, and reports every problem at once', async () => {
    const profile = { ...PROFILE, unit: { name: '  ', parent: '' }, deadline: '2026-02-30', venues: [{ name: '', address: '', hours: '' }, { name: '', address: 'chỉ có địa chỉ', hours: '' }] };
    const problems = errors(await engine.preview(profile, { product: 'leaflet' }));
    expect(problems.map((e) => e.field)).toEqual(expect.arrayContaining(['unit.name', 'deadline', 'venues.1.name']));
    expect(problems.every((e) => e.line === undefined)).toBe(true);
  });

  it('refuses what is not the form, a bad guide, an unknown sheet and an oversized profile, each as problems', async () => {
    expect(errors(await engine.preview('x', {}))[0]!.message).toBe('dữ liệu không đúng mẫu');
    expect(errors(await engine.preview(PROFILE, { product: 'leaflet', guide: '../../etc/passwd' }))[0]).toMatchObject({ field: 'guide' });
    expect(errors(await engine.preview(PROFILE, { product: 'stickers', sheet: '/etc/passwd.json' }))[0]).toMatchObject({ field: 'sheet' });
    expect(errors(await engine.preview({ ...PROFILE, rest: { slogan: 'x'.repeat(400_000) } }, { product: 'leaflet' })).length).toBeGreaterThan(0);
  });

  it('a 3,000-character QR link names the field and the allowed length', async () => {
    const rest = { qr: { ios: 'https://apps.apple.com/vn/app/vneid/id1582750372', android: `https://play.google.com/${'x'.repeat(3000)}` } };
    expect(errors(await engine.preview({ ...PROFILE, rest }, { product: 'leaflet' }))).toContainEqual(expect.objectContaining({ field: 'qr.android', message: expect.stringContaining('nhiều nhất 2.331 ký tự') }));
  });

  it.each([
    ['leaflet', { product: 'leaflet', guide: 'kich-hoat', size: 'a5' }, ['leaflet', '--guide', 'kich-hoat'], 'pdf'],
    ['large-print leaflet', { product: 'leaflet', guide: 'muc-2', largePrint: true }, ['leaflet', '--guide', 'muc-2', '--large-print'], 'pdf'],
    ['poster', { product: 'poster', guide: 'dich-vu-cong', posterSize: 'a3', landscape: true }, ['poster', '--guide', 'dich-vu-cong', '--size', 'a3', '--landscape'], 'pdf'],
    ['screen picture', { product: 'image', guide: 'kich-hoat', preset: 'social-wide', format: 'png' }, ['image', '--guide', 'kich-hoat', '--preset', 'social-wide'], 'png'],
  ] as const)('the same %s from the page and the command line, byte for byte, with the same file name', async (_name, product, args, format) => {
    const made = value(await engine.make(PROFILE, { format, ...product }));
    // The profile the page holds, saved as the clerk would save it, given to the command line.
    const dir = mkdtempSync(join(tmpdir(), 'vneid-test-'));
    writeFileSync(join(dir, 'don-vi.yaml'), value(await engine.profileYaml(PROFILE)));
    const r = runCli([args[0], '--unit', 'don-vi.yaml', ...args.slice(1)], { cwd: dir, env: { SOURCE_DATE_EPOCH: '' } });
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(dir)).toContain(made.fileName);
    expect(readFileSync(join(dir, made.fileName)).equals(made.bytes)).toBe(true);
  });

  it('makes a leaflet PDF in memory with its file name', async () => {
    const made = value(await engine.make(PROFILE, { product: 'leaflet', guide: 'kich-hoat', size: 'a4' }));
    expect(made).toMatchObject({ fileName: 'to-roi-kich-hoat-a4.pdf', type: 'application/pdf' });
    const pages = await readPdf(Buffer.from(made.bytes));
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    expect(pages[0]!.text).toContain('Ủy ban nhân dân Phường Tân Định');
    expect(pages[0]!.text).toContain('0907 028 318');
    for (const page of pages) expect(page.width).toBeCloseTo(PAPER.a4.width, 0);
  });

  it('refuses broken, oversized and foreign tables under the upload, writes nothing to disk, and still reads a good one', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'vneid-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect(errors(await engine.loadData('toa-nha.xlsx', bytes('PK\u0003\u0004 this is not a zip at all'), 'blocks'))[0]).toMatchObject({ field: 'data', message: expect.stringContaining('.xlsx bị hỏng') });
      expect(errors(await engine.loadData('toa-nha.csv', bytes('block,address\n"Tòa A,chưa đóng ngoặc\n'), 'blocks'))[0]!.message).toContain('CSV');
      expect(errors(await engine.loadData('lop.csv', bytes('khoi,ghi_chu\n6,Cô Lan\n'), 'classes')).map((e) => e.message).join(' ')).toContain('thiếu cột bắt buộc "Lớp" (class)');
      expect(errors(await engine.loadData('virus.exe', bytes('MZ'), 'blocks'))[0]!.hint).toContain('.xlsx');
      expect(errors(await engine.loadData('lon.csv', bytes(Buffer.alloc(5 * 1024 * 1024 + 10, 'a')), 'blocks'))[0]!.message).toContain('quá lớn');
      const many = 'block\n' + Array.from({ length: 5001 }, (_, i) => `Tòa ${i + 1}`).join('\n') + '\n';
      expect(errors(await engine.loadData('nhieu.csv', bytes(many), 'blocks'))[0]!.message).toContain('5000 dòng');
      expect(value(await engine.loadData('toa-nha.csv', bytes(BLOCKS_CSV), 'blocks'))).toMatchObject({ rows: 3, name: 'toa-nha.csv' });
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('refuses an .xlsx zip bomb under the 5 MB limit before unpacking it', async () => {
    const bomb = await craftZip([{ name: 'xl/worksheets/sheet1.xml', chunk: Buffer.alloc(1 << 20, 0x20), times: 200 }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(errors(await engine.loadData('toa-nha.xlsx', bytes(bomb), 'blocks'))[0]).toMatchObject({ field: 'data', message: expect.stringContaining('giải nén ra nặng 200 MB, quá mức 50 MB') });
  });

  it('refuses a table whose link hides another site, naming its row and column', async () => {
    expect(errors(await engine.loadData('toa-nha.csv', bytes('block,url\nTòa A,https://zalo.me@evil.example/g/a\n'), 'blocks'))[0]).toMatchObject({ field: 'data', line: 2, message: expect.stringMatching(/^cột url: .*evil\.example/) });
  });

  it('makes a sticker batch with progress from the table it was given, and only that one', async () => {
    const a = value(await engine.loadData('toa-nha.csv', bytes(BLOCKS_CSV), 'blocks'));
    const b = value(await engine.loadData('khac.csv', bytes('block\nTòa nhà khác\n'), 'blocks'));
    expect(a.dataId).not.toBe(b.dataId);
    const steps: [number, number, string | undefined][] = [];
    const made = value(await engine.make(PROFILE, { product: 'stickers', sheet: 'a4-2x4', dataId: a.dataId }, (done, total, unit) => steps.push([done, total, unit])));
    expect(made.fileName).toBe('tem-qr-a4-2x4.pdf');
    // Counted in the table's buildings, as the clerk gave them.
    expect(steps.at(-1)).toEqual([3, 3, 'tòa nhà']);
    const text = (await readPdf(Buffer.from(made.bytes))).map((p) => p.text).join(' ');
    expect(text).toContain('Khu nhà ở Bình Lợi');
    expect(text).not.toContain('Tòa nhà khác');
  });

  it('asks for a table before making stickers or handouts', async () => {
    expect(errors(await engine.make(PROFILE, { product: 'handout' }))[0]).toMatchObject({ field: 'data', message: 'chưa chọn bảng các lớp' });
  });

  it('makes handouts for every class of a table', async () => {
    const classes = value(await engine.loadData('cac-lop.csv', bytes(readFileSync(example('cac-lop-thcs-tan-trung.csv'))), 'classes'));
    const made = value(await engine.make(PROFILE, { product: 'handout', dataId: classes.dataId }));
    expect(await readPdf(Buffer.from(made.bytes))).toHaveLength(2 * classes.rows);
  });

  it('saves the profile as YAML and opens it again into the form', async () => {
    const yaml = value(await engine.profileYaml(PROFILE));
    expect(yaml).toContain('name: Ủy ban nhân dân Phường Tân Định');
    const loaded = value(await engine.loadProfile('ho-so-don-vi.yaml', bytes(yaml)));
    expect(loaded.errors).toEqual([]);
    expect(loaded.form).toMatchObject({ unit: PROFILE.unit, contact: PROFILE.contact, deadline: PROFILE.deadline, venues: [PROFILE.venues[0]] });
    // A hand-written profile: its QR links come back untouched, its problems are reported by field.
    const own = value(await engine.loadProfile('phuong.yaml', bytes(readFileSync(example('phuong-binh-thanh.yaml'), 'utf8').replace('"0907028318"', '"0123"'))));
    expect(own.form.unit.name).toBe('Ủy ban nhân dân phường Bình Thạnh');
    expect((own.form.rest as { qr: { ios: string } }).qr.ios).toContain('apps.apple.com');
    expect(own.errors).toContainEqual(expect.objectContaining({ field: 'contact.phone' }));
    expect((await engine.loadProfile('x.yaml', bytes('unit: [oops'))).ok).toBe(false);
  });

  it('refuses a YAML "billion laughs" under the file field', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'unit: { name: *c }', ''].join('\n');
    const problems = errors(await engine.loadProfile('bom.yaml', bytes(bomb)));
    expect(problems[0]!.field).toBe('profileFile');
    expect(problems[0]!.message).toBeTruthy();
  });

  it('a picture chosen as the profile is called what it is, not "over 256 KB"; a profile over 256 KB is', async () => {
    const png = await sharp({ create: { width: 234, height: 234, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png({ compressionLevel: 0 }).toBuffer();
    const problems = errors(await engine.loadProfile('ho-so.yaml', bytes(png)));
    expect(problems[0]).toMatchObject({ field: 'profileFile', message: expect.stringContaining('không phải tệp chữ') });
    expect(JSON.stringify(problems)).not.toContain('256 KB');
    expect(errors(await engine.loadProfile('lon.yaml', bytes(`# ${'x'.repeat(300 * 1024)}\n`)))[0]).toMatchObject({ field: 'profileFile', message: expect.stringContaining('256 KB') });
  });

  it('logged nothing: every problem above was the clerk\'s, none the program\'s', () => {
    expect(logged).toEqual([]);
  });
});
