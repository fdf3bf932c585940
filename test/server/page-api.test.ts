// What the page reads from the local server besides the file (#18): every page of the
// preview, menus by name, batch progress in the clerk's units, what a download holds,
// and over-long text refused in Vietnamese.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { example } from '../helpers/cli.js';

let server: RunningServer;
/** The ward's example profile, as the page holds it once opened. */
let WARD: { unit: { name: string } };
const logged: string[] = [];
const post = (path: string, body: unknown) => fetch(new URL(path, server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function upload(path: string, name: string, bytes: string | Buffer, fields: Record<string, string> = {}) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', new Blob([bytes]), name);
  return fetch(new URL(path, server.url), { method: 'POST', body: fd });
}

/** Every page of a preview, as the page asks for it. */
async function pages(product: Record<string, unknown>) {
  const res = await post('/api/preview', { profile: WARD, product, pages: 'all' });
  expect(res.status).toBe(200);
  const parts = await res.formData();
  const meta = JSON.parse(String(parts.get('meta')));
  const pngs = await Promise.all((parts.getAll('page') as File[]).map(async (f) => Buffer.from(await f.arrayBuffer())));
  return { meta, pngs };
}

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', log: (m) => logged.push(m) });
  WARD = (await (await upload('/api/profile/load', 'phuong.yaml', readFileSync(example('phuong-binh-thanh.yaml')))).json()).form;
});
afterAll(async () => {
  await server?.close();
  expect(logged).toEqual([]);
});

describe('the preview: every page', () => {
  it('a two-sided leaflet comes as its front and back, each a PNG of the page', async () => {
    const { meta, pngs } = await pages({ product: 'leaflet', guide: 'muc-2', size: 'a5' });
    expect(meta).toMatchObject({ pages: 2, notices: [expect.stringContaining('mặt sau')] });
    expect(meta.batch).toBeUndefined();
    expect(pngs).toHaveLength(2);
    for (const png of pngs) expect((await sharp(png).metadata()).format).toBe('png');
    expect(pngs[0]!.equals(pngs[1]!)).toBe(false);
  });

  it('a handout shows its first class front and back; a sample class before any table', async () => {
    const sample = await pages({ product: 'handout', guide: 'kich-hoat' });
    expect(sample.pngs).toHaveLength(2);
    expect(sample.meta.batch).toEqual({ sample: true, total: 1, unit: 'lớp', first: '6A' });
    const classes = await (await upload('/api/data', 'lop.csv', readFileSync(example('cac-lop-thcs-tan-trung.csv')), { kind: 'classes' })).json();
    const real = await pages({ product: 'handout', guide: 'kich-hoat', dataId: classes.dataId });
    expect(real.pngs).toHaveLength(2);
    expect(real.meta.batch).toMatchObject({ sample: false, total: classes.rows, unit: 'lớp' });
  });

  it('a sticker batch shows its first sheet and says how many sheets the file has', async () => {
    const rows = `Tòa nhà\n${Array.from({ length: 20 }, (_, i) => `Tòa ${i + 1}`).join('\n')}\n`;
    const { dataId } = await (await upload('/api/data', 'toa.csv', rows, { kind: 'blocks' })).json();
    const { meta, pngs } = await pages({ product: 'stickers', sheet: 'a4-2x4', dataId });
    expect(pngs).toHaveLength(1);
    expect(meta.batch).toEqual({ sample: false, total: 3, unit: 'tờ' });
  });

  it('without "pages": "all" the answer is still page 1 as a PNG', async () => {
    const res = await post('/api/preview', { profile: WARD, product: { product: 'leaflet', guide: 'muc-2' } });
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-preview-pages')).toBe('2');
  });
});

describe('menus, progress and downloads in the clerk\'s words', () => {
  it('every choice has a plain Vietnamese name', async () => {
    const opts = await (await fetch(new URL('/api/options', server.url))).json();
    expect(opts.sheetChoices).toContainEqual({ id: 'a4-2x4', title: expect.stringMatching(/^A4 decal, 8 nhãn 99,1 × 67,7 mm/) });
    expect(opts.posterChoices).toContainEqual({ id: 'a2', title: 'A2 (42 × 59,4 cm)' });
    expect(opts.imagePresets).toContainEqual(expect.objectContaining({ id: 'social-square', title: 'Facebook/Zalo vuông 1080 × 1080' }));
    expect(opts.imagePresets).toContainEqual(expect.objectContaining({ id: 'led-portrait', title: 'Màn hình LED dọc 1080 × 1920' }));
  });

  it('a sticker job counts buildings, not sheets, and says how many sheets it made', async () => {
    const rows = `Tòa nhà\n${Array.from({ length: 30 }, (_, i) => `Tòa ${i + 1}`).join('\n')}\n`;
    const { dataId } = await (await upload('/api/data', 'toa.csv', rows, { kind: 'blocks' })).json();
    const { id } = await (await post('/api/jobs', { profile: WARD, product: { product: 'stickers', sheet: 'a4-2x4', dataId } })).json();
    const seen: { done: number; total: number; unit: string }[] = [];
    let job;
    for (;;) {
      job = await (await fetch(new URL(`/api/jobs/${id}`, server.url))).json();
      seen.push({ done: job.done, total: job.total, unit: job.unit });
      if (job.state !== 'running') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(job).toMatchObject({ state: 'done', fileName: 'tem-qr-a4-2x4.pdf', done: 30, total: 30, unit: 'tòa nhà', contents: { count: 4, unit: 'tờ' } });
    for (const s of seen.filter((s) => s.unit)) expect(s).toMatchObject({ total: 30, unit: 'tòa nhà' });
  });

  it('a handout job counts classes; a leaflet says its pages, a zip its pictures', async () => {
    const classes = await (await upload('/api/data', 'lop.csv', readFileSync(example('cac-lop-thcs-tan-trung.csv')), { kind: 'classes' })).json();
    const done = async (product: Record<string, unknown>) => {
      const { id } = await (await post('/api/jobs', { profile: WARD, product })).json();
      for (;;) {
        const job = await (await fetch(new URL(`/api/jobs/${id}`, server.url))).json();
        if (job.state !== 'running') return job;
        await new Promise((r) => setTimeout(r, 30));
      }
    };
    expect(await done({ product: 'handout', guide: 'kich-hoat', dataId: classes.dataId })).toMatchObject({ state: 'done', total: classes.rows, unit: 'lớp', contents: { count: classes.rows, unit: 'tờ' } });
    expect(await done({ product: 'leaflet', guide: 'muc-2', size: 'a5' })).toMatchObject({ state: 'done', unit: '', contents: { count: 2, unit: 'trang' } });
    expect(await done({ product: 'leaflet', guide: 'muc-2', size: 'a5', format: 'png' })).toMatchObject({ contents: { count: 2, unit: 'ảnh' } });
  });
});

describe('text too long', () => {
  it('a name past what the form sends is named by its box, in Vietnamese', async () => {
    const res = await post('/api/preview', { profile: { ...WARD, unit: { name: 'x'.repeat(501) } }, product: { product: 'leaflet' } });
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toEqual([{ field: 'unit.name', message: 'dài quá 500 ký tự', hint: 'rút gọn lại' }]);
  });

  it('a profile file with an over-long entry is refused under the file button, not a 500', async () => {
    const res = await upload('/api/profile/load', 'dai.yaml', `unit:\n  name: ${'a'.repeat(600)}\ncontact:\n  phone: "${'9'.repeat(150)}"\n`);
    expect(res.status).toBe(400);
    const { errors } = await res.json();
    expect(errors).toContainEqual({ field: 'profileFile', message: 'mục unit.name trong tệp dài quá 500 ký tự', hint: expect.stringContaining('120 ký tự') });
    expect(errors).toContainEqual(expect.objectContaining({ field: 'profileFile', message: 'mục contact.phone trong tệp dài quá 100 ký tự' }));
  });
});
