// What the page reads from its engine besides the file (#18): every page of the
// preview, menus by name, batch progress in the clerk's units, what a download
// holds, and over-long text refused in Vietnamese.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayFrom } from '../../src/content/deadline.js';
import { createEngine, type Engine, type Result } from '../../src/page/engine.js';
import { example } from '../helpers/cli.js';

let engine: Engine;
/** The ward's example profile, as the page holds it once opened. */
let WARD: { unit: { name: string } };
const logged: string[] = [];
const bytes = (text: string | Buffer) => (typeof text === 'string' ? new TextEncoder().encode(text) : new Uint8Array(text));
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`expected an answer, got ${JSON.stringify(r.errors)}`);
  return r.value;
};
const table = async (name: string, text: string | Buffer, kind: 'blocks' | 'classes') => value(await engine.loadData(name, bytes(text), kind));

beforeAll(async () => {
  engine = createEngine({ today: () => todayFrom(process.env, new Date()), log: (m) => logged.push(m) });
  WARD = value(await engine.loadProfile('phuong.yaml', bytes(readFileSync(example('phuong-binh-thanh.yaml'))))).form;
});

describe('the preview: every page', () => {
  it('a two-sided leaflet comes as its front and back, each a PNG of the page', async () => {
    const shot = value(await engine.preview(WARD, { product: 'leaflet', guide: 'muc-2', size: 'a5' }));
    expect(shot.notices).toEqual([expect.stringContaining('mặt sau')]);
    expect(shot.batch).toBeUndefined();
    expect(shot.pngs).toHaveLength(2);
    for (const png of shot.pngs) expect((await sharp(png).metadata()).format).toBe('png');
    expect(Buffer.from(shot.pngs[0]!).equals(Buffer.from(shot.pngs[1]!))).toBe(false);
  });

  it('a handout shows its first class front and back; a sample class before any table', async () => {
    const sample = value(await engine.preview(WARD, { product: 'handout', guide: 'kich-hoat' }));
    expect(sample.pngs).toHaveLength(2);
    expect(sample.batch).toEqual({ sample: true, total: 1, unit: 'lớp', first: '6A' });
    const classes = await table('lop.csv', readFileSync(example('cac-lop-thcs-tan-trung.csv')), 'classes');
    const real = value(await engine.preview(WARD, { product: 'handout', guide: 'kich-hoat', dataId: classes.dataId }));
    expect(real.pngs).toHaveLength(2);
    expect(real.batch).toMatchObject({ sample: false, total: classes.rows, unit: 'lớp' });
  });

  it('a sticker batch shows its first sheet and says how many sheets the file has', async () => {
    const { dataId } = await table('toa.csv', `Tòa nhà\n${Array.from({ length: 20 }, (_, i) => `Tòa ${i + 1}`).join('\n')}\n`, 'blocks');
    const shot = value(await engine.preview(WARD, { product: 'stickers', sheet: 'a4-2x4', dataId }));
    expect(shot.pngs).toHaveLength(1);
    expect(shot.batch).toEqual({ sample: false, total: 3, unit: 'tờ' });
  });
});

describe("menus, progress and downloads in the clerk's words", () => {
  it('every choice has a plain Vietnamese name', () => {
    const opts = engine.options();
    expect(opts.sheets).toContainEqual({ id: 'a4-2x4', title: expect.stringMatching(/^A4 decal, 8 nhãn 99,1 × 67,7 mm/) });
    expect(opts.posterSizes).toContainEqual({ id: 'a2', title: 'A2 (42 × 59,4 cm)' });
    expect(opts.imagePresets).toContainEqual(expect.objectContaining({ id: 'social-square', title: 'Facebook/Zalo vuông 1080 × 1080' }));
    expect(opts.imagePresets).toContainEqual(expect.objectContaining({ id: 'led-portrait', title: 'Màn hình LED dọc 1080 × 1920' }));
  });

  it('a sticker batch counts buildings, not sheets, and says how many sheets it made', async () => {
    const { dataId } = await table('toa.csv', `Tòa nhà\n${Array.from({ length: 30 }, (_, i) => `Tòa ${i + 1}`).join('\n')}\n`, 'blocks');
    const seen: [number, number, string | undefined][] = [];
    const made = value(await engine.make(WARD, { product: 'stickers', sheet: 'a4-2x4', dataId }, (done, total, unit) => seen.push([done, total, unit])));
    expect(made).toMatchObject({ fileName: 'tem-qr-a4-2x4.pdf', contents: { count: 4, unit: 'tờ' } });
    expect(seen.at(-1)).toEqual([30, 30, 'tòa nhà']);
    for (const [, total, unit] of seen.filter(([, , unit]) => unit)) expect([total, unit]).toEqual([30, 'tòa nhà']);
  });

  it('a handout batch counts classes; a leaflet says its pages, a zip its pictures', async () => {
    const classes = await table('lop.csv', readFileSync(example('cac-lop-thcs-tan-trung.csv')), 'classes');
    const seen: (string | undefined)[] = [];
    const handout = value(await engine.make(WARD, { product: 'handout', guide: 'kich-hoat', dataId: classes.dataId }, (_d, _t, unit) => seen.push(unit)));
    expect(handout.contents).toEqual({ count: classes.rows, unit: 'tờ' });
    expect(seen).toContain('lớp');
    expect(value(await engine.make(WARD, { product: 'leaflet', guide: 'muc-2', size: 'a5' })).contents).toEqual({ count: 2, unit: 'trang' });
    expect(value(await engine.make(WARD, { product: 'leaflet', guide: 'muc-2', size: 'a5', format: 'png' })).contents).toEqual({ count: 2, unit: 'ảnh' });
  });
});

describe('text too long', () => {
  it('a name past what the form sends is named by its box, in Vietnamese', async () => {
    const r = await engine.preview({ ...WARD, unit: { name: 'x'.repeat(501) } }, { product: 'leaflet' });
    expect(r.ok ? [] : r.errors).toEqual([{ field: 'unit.name', message: 'dài quá 500 ký tự', hint: 'rút gọn lại' }]);
  });

  it('a profile file with an over-long entry is refused under the file button', async () => {
    const r = await engine.loadProfile('dai.yaml', bytes(`unit:\n  name: ${'a'.repeat(600)}\ncontact:\n  phone: "${'9'.repeat(150)}"\n`));
    const errors = r.ok ? [] : r.errors;
    expect(errors).toContainEqual({ field: 'profileFile', message: 'mục unit.name trong tệp dài quá 500 ký tự', hint: expect.stringContaining('120 ký tự') });
    expect(errors).toContainEqual(expect.objectContaining({ field: 'profileFile', message: 'mục contact.phone trong tệp dài quá 100 ký tự' }));
    expect(logged).toEqual([]);
  });
});
