import type * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import type { Color, Item, TextItem } from '../../src/layout/display-list.js';
import { loadFonts, type FontId } from '../../src/layout/fonts.js';
import { toCmyk } from '../../src/paint/colors.js';
import type { Resources } from '../../src/paint/page-xobjects.js';
import { PageContent } from '../../src/paint/pdf-content.js';
import { PdfText } from '../../src/paint/pdf-text.js';
import { FONT_FILES } from '../../src/platform/node.js';
import { ownFont } from '../helpers/own-font.js';
import { seeded } from '../helpers/random.js';

/**
 * The painter writes pages itself: here every item is drawn twice, once with
 * pdfkit's own calls (as pdf.ts drew before) and once by PageContent and PdfText,
 * into uncompressed documents, and the two files must be the same bytes: the
 * content streams, and the font subsets, widths and ToUnicode maps the text fills.
 */

const IDS = Object.keys(FONT_FILES) as FontId[];

function openDoc(fonts: Record<FontId, fontkit.Font>) {
  const pdf = new PDFDocument({ autoFirstPage: false, compress: false, margin: 0, info: { CreationDate: new Date(0) } });
  for (const id of IDS) pdf.registerFont(id, fonts[id] as unknown as string);
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => pdf.on('end', resolve));
  return {
    pdf,
    async bytes() {
      pdf.end();
      await done;
      return Buffer.concat(chunks).toString('latin1');
    },
  };
}

type Page = { width: number; height: number; items: Item[] };

/** What pdf.ts wrote with pdfkit's drawing calls. */
function pdfkitDraw(pdf: PDFKit.PDFDocument, item: Item, cmyk: boolean): void {
  const color = (c: Color) => (cmyk ? toCmyk(c) : c);
  switch (item.type) {
    case 'rect':
      if (item.radius) pdf.roundedRect(item.x, item.y, item.width, item.height, item.radius);
      else pdf.rect(item.x, item.y, item.width, item.height);
      if (item.fill && item.stroke) pdf.lineWidth(item.strokeWidth ?? 1).fillAndStroke(color(item.fill), color(item.stroke));
      else if (item.fill) pdf.fill(color(item.fill));
      else if (item.stroke) pdf.lineWidth(item.strokeWidth ?? 1).stroke(color(item.stroke));
      return;
    case 'circle':
      pdf.circle(item.cx, item.cy, item.r).fill(color(item.fill));
      return;
    case 'line':
      pdf.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width);
      if (item.dash) pdf.dash(item.dash[0], { space: item.dash[1] });
      pdf.stroke(color(item.color)).restore();
      return;
    case 'text':
      pdf.font(item.font).fontSize(item.size).fillColor(color(item.color)).text(item.text, item.x, item.y, { lineBreak: false, baseline: 'alphabetic' });
      return;
    case 'clip':
      pdf.save();
      pdf.rect(item.x, item.y, item.width, item.height).clip();
      for (const inner of item.items) pdfkitDraw(pdf, inner, cmyk);
      pdf.restore();
      return;
    default:
      throw new Error(`not drawn here: ${item.type}`);
  }
}

/** The same items through the painter's own writer, as pdf.ts draws them now. */
function ownDraw(content: PageContent, resources: Resources, text: PdfText, item: Item, height: number): void {
  switch (item.type) {
    case 'text':
      text.draw(content, resources, item, height);
      return;
    case 'clip':
      content.clip(item.x, item.y, item.width, item.height);
      for (const inner of item.items) ownDraw(content, resources, text, inner, height);
      content.op('Q');
      return;
    case 'rect':
    case 'circle':
    case 'line':
      content.shape(item);
      return;
    default:
      throw new Error(`not drawn here: ${item.type}`);
  }
}

async function bothWays(pages: Page[], cmyk = false): Promise<{ pdfkit: string; ours: string }> {
  const reference = openDoc(Object.fromEntries(IDS.map((id) => [id, ownFont(id)])) as Record<FontId, fontkit.Font>);
  for (const page of pages) {
    reference.pdf.addPage({ size: [page.width, page.height], margin: 0 });
    for (const item of page.items) pdfkitDraw(reference.pdf, item, cmyk);
  }
  const faces = loadFonts().faces;
  const own = openDoc(Object.fromEntries(IDS.map((id) => [id, faces[id].font])) as Record<FontId, fontkit.Font>);
  const content = new PageContent(cmyk);
  const text = new PdfText(own.pdf);
  for (const page of pages) {
    own.pdf.addPage({ size: [page.width, page.height], margin: 0 });
    for (const item of page.items) ownDraw(content, own.pdf.page as unknown as Resources, text, item, page.height);
    own.pdf.addContent(content.take());
  }
  return { pdfkit: await reference.bytes(), ours: await own.bytes() };
}

const VOWELS = 'aăâeêioôơuưyAĂÂEÊIOÔƠUƯY';
/** Grave, acute, hook above, tilde, dot below. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** Every vowel with every tone, precomposed as typed text is, and decomposed (the marks then placed by the font's mark positioning). */
const TONED = [...VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')));
const DECOMPOSED = [...VOWELS].flatMap((v) => TONES.slice(1).map((t) => (v + t).normalize('NFD')));
const OTHERS = [...'bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX0123456789.,;:!?()[]-–—"\'/…%&@#+*=<>₫'];
const REAL = ['Ủy ban nhân dân phường Bình Thạnh', 'Tự kích hoạt tài khoản định danh điện tử', 'Cô Nguyễn Thị Hoa', 'Thầy Trần Văn Bình', '0907 028 318', 'https://zalo.me/g/thcstantrung6a1x0', 'AV To Ty Yo fi fl ffi', ''];

function randomText(rand: () => number): string {
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  if (rand() < 0.15) return pick(REAL);
  let s = '';
  const n = 1 + Math.floor(rand() * 24);
  for (let i = 0; i < n; i++) {
    const r = rand();
    s += r < 0.45 ? pick(TONED) : r < 0.55 ? pick(DECOMPOSED) : r < 0.8 ? pick(OTHERS) : r < 0.95 ? ' ' : pick(['\t', '  ', '\n']);
  }
  return s;
}

const hex = (rand: () => number) => `#${Math.floor(rand() * 0x1000000).toString(16).padStart(6, '0').toUpperCase()}` as Color;

function textItems(seed: number, count: number): TextItem[] {
  const rand = seeded(seed);
  return Array.from({ length: count }, () => ({
    type: 'text' as const,
    x: rand() * 500,
    y: rand() * 800,
    text: randomText(rand),
    font: IDS[Math.floor(rand() * IDS.length)]!,
    size: [5.5, 7, 8.25, 9.37, 11, 14.2, 28, 41.13][Math.floor(rand() * 8)]!,
    color: rand() < 0.5 ? '#1B1F24' : hex(rand),
    width: 0,
  }));
}

describe('pages written by the painter itself', () => {
  it('write every character of Vietnamese text as pdfkit text() does, subsets and ToUnicode maps included', async () => {
    const all = [...TONED, ...DECOMPOSED, ...OTHERS].join('');
    const items: TextItem[] = IDS.map((font, i) => ({ type: 'text', x: 10, y: 40 + 30 * i, text: all, font, size: 9, color: '#000000', width: 0 }));
    const { pdfkit, ours } = await bothWays([{ width: 842, height: 595, items }]);
    // The decomposed marks are placed by offsets: the text matrix moves for them.
    expect((pdfkit.match(/ Tm\n/g) ?? []).length).toBeGreaterThan(100);
    expect(ours).toBe(pdfkit);
  });

  it.each([1, 2, 3, 4, 5])('write random strings in random fonts, sizes, colours and places as pdfkit does (seed %i)', async (seed) => {
    const pages = [0, 1, 2].map((p) => ({ width: [419.53, 595.28, 283.46][p]!, height: [595.28, 841.89, 192.76][p]!, items: textItems(seed * 10 + p, 120) }));
    const { pdfkit, ours } = await bothWays(pages);
    expect(ours).toBe(pdfkit);
  });

  it.each([false, true])('write shapes, lines and clips as pdfkit does (CMYK: %s)', async (cmyk) => {
    const rand = seeded(cmyk ? 7 : 8);
    const r = () => Math.round(rand() * 400000) / 1000;
    const shapes = (): Item[] => [
      { type: 'rect', x: r(), y: r(), width: r(), height: r(), fill: hex(rand) },
      { type: 'rect', x: r(), y: r(), width: r(), height: r(), stroke: hex(rand), strokeWidth: 0.75 },
      { type: 'rect', x: r(), y: r(), width: r(), height: r(), stroke: hex(rand) },
      { type: 'rect', x: r(), y: r(), width: r(), height: r(), fill: '#FFFFFF', stroke: hex(rand), strokeWidth: 1.2, radius: 6 },
      { type: 'rect', x: r(), y: r(), width: 10, height: 4, fill: hex(rand), radius: 9 },
      { type: 'rect', x: r(), y: r(), width: r(), height: r() },
      { type: 'circle', cx: r(), cy: r(), r: r() / 20, fill: hex(rand) },
      { type: 'line', x1: r(), y1: r(), x2: r(), y2: r(), color: hex(rand), width: 0.5 },
      { type: 'line', x1: r(), y1: r(), x2: r(), y2: r(), color: '#000000', width: 0.8, dash: [3, 2] },
      { type: 'line', x1: r(), y1: r(), x2: r(), y2: r(), color: hex(rand), width: 1, dash: [4, 0] },
      ...textItems(cmyk ? 11 : 12, 5),
    ];
    const items: Item[] = [...shapes(), { type: 'clip', x: 10.5, y: 20.25, width: 300, height: 200, items: shapes() }, ...shapes()];
    const { pdfkit, ours } = await bothWays([{ width: 595.28, height: 841.89, items }], cmyk);
    expect(ours).toBe(pdfkit);
  });
});
