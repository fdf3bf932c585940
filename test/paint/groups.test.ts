import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Item, Page } from '../../src/layout/display-list.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { ungroupItems } from '../../src/layout/translate.js';
import { paintPdf } from '../../src/paint/pdf.js';
import { qrModules } from '../../src/qr/matrix.js';
import { tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { pageStreams } from '../helpers/pdf-streams.js';

/**
 * A group (a part every sticker shares) is written once into a PDF, as a form,
 * and placed wherever it stands: the page must read, link and look exactly as
 * if its items had been placed one by one.
 */

const fonts = loadFonts();
const url = 'https://apps.apple.com/vn/app/vneid/id1582954964';
const part: Item[] = [
  { type: 'rect', x: 0, y: 0, width: 200, height: 24, fill: '#C8102E' },
  { type: 'text', x: 8, y: 17, text: 'Quét mã để cài đặt VNeID', font: 'extrabold', size: 12, color: '#FFFFFF', width: 170 },
  { type: 'qr', x: 8, y: 30, size: 90, modules: qrModules(url), margin: 4, color: '#1B1F24', url, level: 'M' },
];
const grouped: Page = {
  width: 420,
  height: 300,
  items: [
    { type: 'group', x: 10, y: 10, width: 200, height: 130, items: part },
    { type: 'group', x: 215, y: 150, width: 200, height: 130, items: part },
    { type: 'text', x: 20, y: 160, text: 'Tòa nhà số 1', font: 'bold', size: 10, color: '#1B1F24', width: 60 },
  ],
};
const flat: Page = { ...grouped, items: ungroupItems(grouped.items) };

const paint = (page: Page) => paintPdf({ title: 'Tem', author: 'Phường', pages: [page] }, fonts, { date: new Date(0) });


async function links(pdf: Buffer): Promise<{ url: string; rect: number[] }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const annotations = await (await doc.getPage(1)).getAnnotations();
  await doc.destroy();
  return annotations.map((a: { url: string; rect: number[] }) => ({ url: a.url, rect: a.rect.map((v) => Math.round(v * 100) / 100) }));
}

describe('a group in a PDF', () => {
  it('is one form, placed wherever the group stands', async () => {
    const pdf = await paint(grouped);
    const forms = pdf.toString('latin1').match(/\/Subtype \/Form\s*\/BBox \[-/g) ?? [];
    expect(forms).toHaveLength(1);
    const page = pageStreams(pdf)[0]!;
    expect(page.match(/\/Fm1 Do/g)).toHaveLength(2);
    // The code inside it is one form too, named in the group's own resources.
    expect(pdf.toString('latin1').match(/\/Subtype \/Form\s*\/BBox \[0 0 \d+ \d+\]/g)).toHaveLength(1);
  });

  it('reads and links as its items placed one by one', async () => {
    const [a, b] = await Promise.all([paint(grouped), paint(flat)]);
    // The same text in the same order (pdf.js ends no line at the end of a form, so spaces may differ).
    const text = async (pdf: Buffer) => (await readPdf(pdf))[0]!.text.replace(/\s+/g, '');
    expect(await text(a)).toBe(await text(b));
    expect(await text(a)).toContain('QuétmãđểcàiđặtVNeIDQuétmãđểcàiđặtVNeID');
    expect(await links(a)).toEqual(await links(b));
    expect(await links(a)).toHaveLength(2);
  });

  const hasPdftoppm = spawnSync('pdftoppm', ['-v']).status === 0;
  it.skipIf(!hasPdftoppm)('prints as its items placed one by one, to the pixel', async () => {
    const dir = tempDir();
    const pixels = async (page: Page, name: string) => {
      writeFileSync(join(dir, `${name}.pdf`), await paint(page));
      spawnSync('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, `${name}.pdf`), join(dir, name)]);
      return sharp(join(dir, `${name}.png`)).raw().toBuffer();
    };
    const [a, b] = [await pixels(grouped, 'grouped'), await pixels(flat, 'flat')];
    expect(a.length).toBe(b.length);
    expect(a.equals(b)).toBe(true);
  });
});
