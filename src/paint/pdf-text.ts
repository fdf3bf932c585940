import type * as fontkit from 'fontkit';
import type { Item, Page, TextItem } from '../layout/display-list.js';
import type { FontId, FontSet } from '../layout/fonts.js';
import { shapeWord, splitWords } from '../layout/shaping.js';
import type { Resources } from './page-xobjects.js';
import { num, type PageContent } from './pdf-content.js';

/** What pdfkit keeps for each font of a document (its EmbeddedFont), filled in here as its encode() fills it. */
interface EmbeddedFont {
  id: string;
  font: fontkit.Font;
  /** Font units to pdfkit's thousandths of an em. */
  scale: number;
  subset: { includeGlyph(glyph: number): number };
  widths: number[];
  unicode: number[][];
  ref(): PDFKit.PDFKitReference;
}

interface DocumentFont {
  embedded: EmbeddedFont;
  /** Hex code in this document's subset, by the font's glyph id. */
  codes: string[];
  /** A line's TJ operator, by its text, for lines that have one only. */
  shown: Map<string, string>;
  /** The batch's (sharedGlyphs): lines of its glyphs only, which every document of the batch codes alike. */
  batchShown?: Map<string, string>;
  /** Whether this document met a glyph beyond the batch's: its lines are then kept in `shown`. */
  ownGlyphs: boolean;
}

/**
 * Text written as pdfkit's text(str, x, y, { lineBreak: false, baseline: 'alphabetic' })
 * writes it: the same BT blocks, TJ arrays and kerning, and the same glyphs
 * entered in the same order into pdfkit's subsets and ToUnicode maps. pdfkit
 * measures each string twice more and copies its shaping per document; here the
 * words layout already shaped are read as they are (test/paint/pdf-content.test.ts
 * compares the two for many strings).
 */
export class PdfText {
  private fonts = new Map<FontId, DocumentFont>();

  constructor(
    private pdf: PDFKit.PDFDocument,
    private shared?: SharedGlyphs,
  ) {}

  /** A line of text at its place on a page (or in a form) `height` points high, its font named in `resources`. */
  draw(content: PageContent, resources: Resources, item: TextItem, height: number): void {
    content.color(item.color, false);
    const font = this.font(item.font);
    // pdfkit draws each line of a string at the end of the one before.
    const lines = item.text.split('\n');
    let x = item.x;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line) this.fragment(content, resources, font, line, x, height - item.y, item.size, height);
      if (i < lines.length - 1) x += lineWidth(font.embedded, line, item.size);
    }
  }

  /** The document's pdfkit font for `id`, made (and numbered) where pdfkit would make it: at its first text. */
  private font(id: FontId): DocumentFont {
    let font = this.fonts.get(id);
    if (!font) {
      this.pdf.font(id);
      const shared = this.shared?.faces.get(id);
      font = { embedded: (this.pdf as unknown as { _font: EmbeddedFont })._font, codes: [], shown: new Map(), batchShown: shared?.shown, ownGlyphs: false };
      this.fonts.set(id, font);
      for (const glyph of shared?.glyphs ?? []) if (font.codes[glyph.id] === undefined) this.include(font, glyph);
    }
    return font;
  }

  /** pdfkit's _fragment: one line at (x, y), y measured up from the bottom of the page. */
  private fragment(content: PageContent, resources: Resources, font: DocumentFont, text: string, x: number, y: number, size: number, pageHeight: number): void {
    const { embedded } = font;
    if (resources.fonts[embedded.id] == null) resources.fonts[embedded.id] = embedded.ref();
    content.op(`q\n1 0 0 -1 0 ${num(pageHeight)} cm\nBT\n1 0 0 1 ${num(x)} ${num(y)} Tm\n/${embedded.id} ${num(size)} Tf`);
    const shown = font.batchShown?.get(text) ?? font.shown.get(text);
    if (shown !== undefined) content.op(shown);
    else {
      const ops = glyphOps(font, text, x, y, size, (glyph) => {
        font.ownGlyphs = true;
        return this.include(font, glyph);
      });
      for (const op of ops) content.op(op);
      // A lone TJ (a glyph the font moves brings a text matrix with it): the same operator wherever and at whatever size the line is.
      if (ops.length === 1) {
        const into = font.batchShown && !font.ownGlyphs ? font.batchShown : font.shown;
        if (into.size >= 2_000) into.clear();
        into.set(text, ops[0]!);
      }
    }
    content.op('ET\nQ');
  }

  /** A glyph met for the first time in this document: into the subset, its width and its text recorded, as pdfkit's encode() does. */
  private include(font: DocumentFont, glyph: fontkit.Glyph): string {
    const { embedded } = font;
    const gid = embedded.subset.includeGlyph(glyph.id);
    if (embedded.widths[gid] == null) embedded.widths[gid] = glyph.advanceWidth * embedded.scale;
    if (embedded.unicode[gid] == null) embedded.unicode[gid] = glyph.codePoints;
    const code = `0000${gid.toString(16)}`.slice(-4);
    font.codes[glyph.id] = code;
    return code;
  }
}

/**
 * Each face's glyphs that the pages of a batch draw, in the order the pages
 * first draw them (with the text each first stands for). Every document of the
 * batch embeds them all: their subsets are then the same bytes, a page drawn
 * into two of them writes the same operators, and a line's are written once
 * for the batch.
 */
export interface SharedGlyphs {
  faces: Map<FontId, { glyphs: fontkit.Glyph[]; shown: Map<string, string> }>;
}

export function sharedGlyphs(pages: Iterable<Page>, fonts: FontSet): SharedGlyphs {
  const seen = new Map<FontId, Map<number, fontkit.Glyph>>();
  const visit = (items: Item[]) => {
    for (const item of items) {
      if (item.type === 'clip' || item.type === 'group') visit(item.items);
      if (item.type !== 'text') continue;
      let glyphs = seen.get(item.font);
      if (!glyphs) seen.set(item.font, (glyphs = new Map()));
      const font = fonts.faces[item.font].font;
      for (const line of item.text.split('\n')) for (const word of splitWords(line)) for (const glyph of shapeWord(font, word).glyphs) if (!glyphs.has(glyph.id)) glyphs.set(glyph.id, glyph);
    }
  };
  for (const page of pages) visit(page.items);
  return { faces: new Map([...seen].map(([id, glyphs]) => [id, { glyphs: [...glyphs.values()], shown: new Map() }])) };
}

/** pdfkit's TJ arrays for a line, and a text matrix for each glyph the font moves off the baseline (combining marks). */
function glyphOps(font: DocumentFont, text: string, x: number, y: number, size: number, include: (glyph: fontkit.Glyph) => string): string[] {
  const ops: string[] = [];
  const scale = size / 1000;
  const units = font.embedded.scale;
  // Glyphs written since the last cut, and the kerning after the last of them.
  let pending = '';
  let kern = 0;
  let commands: string[] = [];
  let hadOffset = false;
  const cut = () => {
    if (pending) commands.push(`<${pending}> ${num(-kern)}`);
    pending = '';
  };
  const flush = () => {
    cut();
    if (commands.length) ops.push(`[${commands.join(' ')}] TJ`);
    commands = [];
  };
  for (const word of splitWords(text)) {
    const run = shapeWord(font.embedded.font, word);
    for (let i = 0; i < run.glyphs.length; i++) {
      const glyph = run.glyphs[i]!;
      const pos = run.positions[i]!;
      const code = font.codes[glyph.id] ?? include(glyph);
      const advance = pos.xAdvance * units;
      const xOffset = pos.xOffset * units;
      const yOffset = pos.yOffset * units;
      if (xOffset || yOffset) {
        flush();
        ops.push(`1 0 0 1 ${num(x + xOffset * scale)} ${num(y + yOffset * scale)} Tm`);
        pending = code;
        kern = advance - glyph.advanceWidth * units;
        flush();
        hadOffset = true;
      } else {
        if (hadOffset) {
          ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
          hadOffset = false;
        }
        pending += code;
        kern = advance - glyph.advanceWidth * units;
        if (kern !== 0) cut();
      }
      x += advance * scale;
    }
  }
  flush();
  return ops;
}

/** pdfkit's widthOfString(line), rounding included: how far its next line starts to the right. */
function lineWidth(font: EmbeddedFont, line: string, size: number): number {
  let units = 0;
  for (const word of splitWords(line)) {
    let width = 0;
    for (const pos of shapeWord(font.font, word).positions) width += pos.xAdvance * font.scale;
    units += width;
  }
  // Times its horizontal scaling (100 %), as pdfkit computes it.
  return (units * (size / 1000) * 100) / 100;
}
