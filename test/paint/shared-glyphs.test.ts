import { describe, expect, it } from 'vitest';
import type { Page, QrItem, TextItem } from '../../src/layout/display-list.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { paintPdf, type PdfOptions } from '../../src/paint/pdf.js';
import { sharedGlyphs } from '../../src/paint/pdf-text.js';
import { qrModules } from '../../src/qr/matrix.js';
import { inflatedStreams, pageStreams } from '../helpers/pdf-streams.js';

/**
 * A batch's documents (each class's handout, and the print room's file of all
 * classes) embed the batch's glyphs: a page drawn into two of them is the same
 * bytes in both, and so are their font files, so each is deflated once.
 */

const fonts = loadFonts();
const text = (t: string, y: number): TextItem => ({ type: 'text', x: 20, y, text: t, font: 'bold', size: 12, color: '#1B1F24', width: 100 });
const qr = (url: string): QrItem => ({ type: 'qr', x: 20, y: 80, size: 90, modules: qrModules(url), margin: 4, color: '#1B1F24', url, level: 'M' });
const page = (name: string, teacher: string, url: string): Page => ({ width: 300, height: 200, items: [text(`Lớp ${name}`, 30), text(teacher, 50), qr(url)] });

const first = page('6A1', 'Cô Nguyễn Thị Hoa', 'https://zalo.me/g/lop6a1');
const second = page('7A2', 'Thầy Trần Văn Bình', 'https://zalo.me/g/lop7a2');

/** The embedded TrueType files (fontkit writes a subset's version as 'true'). */
const fontFiles = (pdf: Buffer) => inflatedStreams(pdf).filter((s) => s.startsWith('true') || s.startsWith('\0\x01\0\0'));

async function twoDocuments(options: PdfOptions) {
  const alone = await paintPdf({ title: 'Lớp 6A1', author: 'THCS', pages: [first] }, fonts, options);
  const together = await paintPdf({ title: 'Tất cả các lớp', author: 'THCS', pages: [second, first] }, fonts, options);
  return { alone, together };
}

describe('the glyphs of a batch, shared by its documents', () => {
  it('make a page the same operators in every document it is drawn into, and the fonts the same files', async () => {
    const { alone, together } = await twoDocuments({ date: new Date(0), glyphs: sharedGlyphs([first, second], fonts) });
    expect(pageStreams(together)[1]).toBe(pageStreams(alone)[0]);
    expect(fontFiles(alone)).toHaveLength(1);
    expect(fontFiles(together)).toEqual(fontFiles(alone));
    // Each page names its code by its own order: the print room's second class still draws /Qr1.
    expect(pageStreams(together)[1]).toContain('/Qr1 Do');
  });

  it('differ without them: each document numbers its glyphs as it meets them', async () => {
    const { alone, together } = await twoDocuments({ date: new Date(0) });
    expect(pageStreams(together)[1]).not.toBe(pageStreams(alone)[0]);
    expect(fontFiles(together)).not.toEqual(fontFiles(alone));
  });

  it('are the only glyphs whose lines one document hands the next: its own are coded in its own order', async () => {
    const lines = (...t: string[]): Page => ({ width: 300, height: 200, items: t.map((x, i) => text(x, 30 + 20 * i)) });
    const options = (glyphs = sharedGlyphs([first], fonts)) => ({ date: new Date(0), glyphs });
    const batch = options();
    // "Zw" and "wZ" are beyond the batch's glyphs: the first document codes Z before w, a document with "wZ" alone w before Z.
    await paintPdf({ title: 'X', author: 'THCS', pages: [lines('Zw', 'wZ')] }, fonts, batch);
    const after = await paintPdf({ title: 'Y', author: 'THCS', pages: [lines('wZ')] }, fonts, batch);
    const alone = await paintPdf({ title: 'Y', author: 'THCS', pages: [lines('wZ')] }, fonts, options());
    expect(pageStreams(after)).toEqual(pageStreams(alone));
  });

  it('keep every glyph of every page, each once, in the order the pages first draw them', () => {
    const { faces } = sharedGlyphs([first, second, first], fonts);
    const bold = faces.get('bold')!.glyphs;
    expect(new Set(bold.map((g) => g.id)).size).toBe(bold.length);
    const drawn = (t: string) => fonts.faces.bold.font.layout(t).glyphs.map((g) => g.id);
    const expected = [...new Set([...drawn('Lớp 6A1'), ...drawn('Cô Nguyễn Thị Hoa'), ...drawn('Lớp 7A2'), ...drawn('Thầy Trần Văn Bình')])];
    expect(bold.map((g) => g.id)).toEqual(expected);
  });
});
