// One product, many front ends: what the web page sends is what the command
// line writes, byte for byte, for every product, from the same unit and table.
// Both run in this process: the page engine's prepare() (src/page, what the
// page's worker runs) and the CLI's command functions; test/browser/ checks
// that the built page makes these bytes in chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handoutCommand } from '../../src/cli/commands/handout.js';
import { imageCommand } from '../../src/cli/commands/image.js';
import { leafletCommand } from '../../src/cli/commands/leaflet.js';
import { posterCommand } from '../../src/cli/commands/poster.js';
import { stickersCommand } from '../../src/cli/commands/stickers.js';
import { sourceDate } from '../../src/export/source-date.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { DataStore } from '../../src/page/data-store.js';
import { prepare, preview, productFormSchema, type Context, type Made } from '../../src/page/products.js';
import { example, tempDir } from '../helpers/cli.js';

const WARD = example('phuong-binh-thanh.yaml');
const SCHOOL = example('truong-thcs-tan-trung.yaml');
const BLOCKS = example('toa-nha-phuong-13.csv');
const CLASSES = 'class,teacher,phone,zalo,students\n6A1,Cô Nguyễn Thị Hoa,0907028318,https://zalo.me/g/thcstantrung6a1,5\n6A2,Thầy Trần Văn Bình,0912345678,,3\n';

let ward: Context;
let school: Context;
let dir: string;
const saved = process.env.SOURCE_DATE_EPOCH;

/** The web page's request, with the form's defaults filled in as the server fills them. */
const make = (c: Context, product: Record<string, unknown>): Promise<Made> => prepare(productFormSchema.parse(product), c)();
const context = (unit: UnitContext): Context => ({ ...unit, data: new DataStore(), date: sourceDate() });

beforeAll(async () => {
  // A fixed date for every PDF, read by both front ends as SOURCE_DATE_EPOCH.
  process.env.SOURCE_DATE_EPOCH = '1700000000';
  ward = context(await loadUnit(WARD));
  school = context(await loadUnit(SCHOOL));
  dir = tempDir();
  // The commands tell the user what they made; here nobody reads it.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterAll(() => {
  vi.restoreAllMocks();
  if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = saved;
});

const file = (...path: string[]) => readFileSync(join(dir, ...path));

describe('the web page and the command line make the same bytes', () => {
  it('leaflet PDF', async () => {
    const web = await make(ward, { product: 'leaflet', guide: 'muc-1', size: 'a4' });
    expect(await leafletCommand({ unit: WARD, guide: 'muc-1', size: 'a4', dpi: 200, out: join(dir, web.fileName) })).toBe(0);
    expect(web.fileName).toBe('to-roi-muc-1-a4.pdf');
    expect(file(web.fileName).equals(web.bytes)).toBe(true);
  });

  it('leaflet pictures of both sides: the web page zips the command line\'s two PNG files, and says so', async () => {
    const web = await make(ward, { product: 'leaflet', guide: 'kich-hoat', size: 'a5', format: 'png' });
    expect(web).toMatchObject({ fileName: 'to-roi-kich-hoat-a5-hai-mat.zip', type: 'application/zip' });
    expect(await leafletCommand({ unit: WARD, guide: 'kich-hoat', size: 'a5', format: 'png', dpi: 200, out: join(dir, 'to-roi-kich-hoat-a5.png') })).toBe(0);
    const inside = unzipSync(web.bytes);
    expect(Object.keys(inside)).toEqual(['to-roi-kich-hoat-a5.png', 'to-roi-kich-hoat-a5-mat-sau.png']);
    for (const [name, bytes] of Object.entries(inside)) expect(file(name).equals(Buffer.from(bytes)), name).toBe(true);
    // The layout's notice (two sides), then what the download holds.
    expect(web.notices).toHaveLength(2);
    expect(web.notices[0]).toContain('mặt sau (trang 2)');
    expect(web.notices[1]).toContain('to-roi-kich-hoat-a5-mat-sau.png');
    // The same archive on every run.
    expect((await make(ward, { product: 'leaflet', guide: 'kich-hoat', size: 'a5', format: 'png' })).bytes.equals(web.bytes)).toBe(true);
  });

  it('poster', async () => {
    const web = await make(ward, { product: 'poster', guide: 'dich-vu-cong', posterSize: 'a3', landscape: true });
    expect(await posterCommand({ unit: WARD, guide: 'dich-vu-cong', size: 'a3', landscape: true, bleed: 0, cmyk: false, dpi: 150, out: join(dir, web.fileName) })).toBe(0);
    expect(file(web.fileName).equals(web.bytes)).toBe(true);
  });

  it('screen picture', async () => {
    const web = await make(ward, { product: 'image', guide: 'tien-ich', preset: 'social-square', format: 'png' });
    expect(await imageCommand({ unit: WARD, guide: 'tien-ich', preset: 'social-square', format: 'png', out: join(dir, web.fileName) })).toBe(0);
    expect(file(web.fileName).equals(web.bytes)).toBe(true);
  });

  it('stickers: the web page sends the command line\'s sticker PDF', async () => {
    const { id } = await ward.data.add('blocks', 'toa-nha.csv', readFileSync(BLOCKS), ward.fonts);
    const web = await make(ward, { product: 'stickers', sheet: 'a4-4xa6', dataId: id });
    expect(await stickersCommand({ unit: WARD, data: BLOCKS, sheet: 'a4-4xa6', out: join(dir, 'tem'), png: false, quiet: true })).toBe(0);
    expect(web.fileName).toBe('tem-qr-a4-4xa6.pdf');
    expect(file('tem', web.fileName).equals(web.bytes)).toBe(true);
  });

  it('handouts, every copy: the web page sends the command line\'s print-room PDF', async () => {
    writeFileSync(join(dir, 'lop.csv'), CLASSES);
    const { id } = await school.data.add('classes', 'lop.csv', Buffer.from(CLASSES), school.fonts);
    const web = await make(school, { product: 'handout', guide: 'kich-hoat', twoUp: true, grayscale: true, allCopies: true, dataId: id });
    expect(await handoutCommand({ unit: SCHOOL, data: join(dir, 'lop.csv'), out: join(dir, 'lop'), guide: 'kich-hoat', twoUp: true, grayscale: true, png: false, quiet: true })).toBe(0);
    expect(file('lop', 'in-tat-ca-cac-lop.pdf').equals(web.bytes)).toBe(true);
  });

  it('handouts, one of each class: the print-room PDF the command line makes from a table without pupil counts', async () => {
    const once = CLASSES.replace(/,students|,[53]$/gm, '');
    writeFileSync(join(dir, 'lop-1.csv'), once);
    const { id } = await school.data.add('classes', 'lop.csv', Buffer.from(CLASSES), school.fonts);
    const web = await make(school, { product: 'handout', guide: 'kich-hoat', allCopies: false, dataId: id });
    expect(await handoutCommand({ unit: SCHOOL, data: join(dir, 'lop-1.csv'), out: join(dir, 'lop-1'), guide: 'kich-hoat', twoUp: false, grayscale: false, png: false, quiet: true })).toBe(0);
    expect(file('lop-1', 'in-tat-ca-cac-lop.pdf').equals(web.bytes)).toBe(true);
  });
});

describe('what the web page is told besides the file', () => {
  it('the preview says how many pages there are and the layout\'s notices', async () => {
    const shot = await preview(productFormSchema.parse({ product: 'leaflet', guide: 'muc-2', size: 'a5' }), ward);
    expect(shot.pages).toBe(2);
    expect(shot.notices.join(' ')).toContain('các bước từ bước 4');
  });

  it('a classes table without pupil counts is noted on upload, in the page\'s words', async () => {
    const { warnings } = await school.data.add('classes', 'lop.csv', Buffer.from('class\n6A1\n'), school.fonts);
    expect(warnings).toEqual([expect.stringContaining('"Đủ số bản mỗi lớp"')]);
  });

  it('a table row the batch refuses is shown under the upload, naming the line and the column', async () => {
    const { id } = await ward.data.add('blocks', 'toa.csv', Buffer.from(`block\n${'Chungcưrấtdàikhôngcódấucách'.repeat(3)}\n`), ward.fonts);
    const err = await make(ward, { product: 'stickers', sheet: 'a4-2x4', dataId: id }).catch((e: unknown) => e);
    expect(err).toMatchObject({ problems: [expect.objectContaining({ field: 'data', line: 2, message: expect.stringMatching(/^cột block: .*không vừa nhãn/) })] });
  });
});
