import type * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { loadFonts, type FontId } from '../../src/layout/fonts.js';
import { numberPieces, shapeWord, shareShaping, splitWords } from '../../src/layout/shaping.js';
import { FONT_FILES } from '../../src/platform/node.js';
import { ownFont } from '../helpers/own-font.js';

/** A stand-in for a fontkit font: every character one glyph of 500 units; counts what it shapes. */
function fakeFont() {
  const shaped: string[] = [];
  const font = {
    unitsPerEm: 1000,
    layout(text: string, ...rest: unknown[]) {
      shaped.push(rest.length ? `${text} +features` : text);
      const chars = [...text];
      return { glyphs: chars.map((c) => ({ id: c.codePointAt(0) })), positions: chars.map(() => ({ xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
    },
  };
  return { font: font as unknown as fontkit.Font, shaped };
}

describe('words as pdfkit draws them', () => {
  it.each([
    ['Phường 13', ['Phường ', '13']],
    ['a  b', ['a ', ' ', 'b']],
    ['a\tb ', ['a\t', 'b ']],
    [' đầu', [' ', 'đầu']],
    ['', []],
    ['0907\u00A0028', ['0907\u00A0028']], // a no-break space is not a word end
  ])('%j → %j', (text, words) => {
    expect(splitWords(text)).toEqual(words);
    expect(splitWords(text).join('')).toBe(text);
  });
});

describe('a word shaped once per process', () => {
  it('without sharing, every call shapes again', () => {
    const { font, shaped } = fakeFont();
    shapeWord(font, 'xin');
    shapeWord(font, 'xin');
    expect(shaped).toEqual(['xin', 'xin']);
  });

  it('once shared, layout and pdfkit reuse the same shaping', () => {
    const { font, shaped } = fakeFont();
    shareShaping(font);
    shareShaping(font); // twice is once
    const run = shapeWord(font, 'xin');
    expect(shapeWord(font, 'xin')).toBe(run);
    font.layout('xin'); // pdfkit drawing the word
    expect(shaped).toEqual(['xin']);
  });

  it('gives pdfkit its own copy of the positions, which it scales in place', () => {
    const { font } = fakeFont();
    shareShaping(font);
    const drawn = font.layout('chào');
    drawn.positions[0]!.xAdvance *= 0.01;
    expect(shapeWord(font, 'chào').positions[0]!.xAdvance).toBe(500);
    expect(font.layout('chào').positions[0]!.xAdvance).toBe(500);
  });

  it('passes a call with features straight to fontkit, unshared', () => {
    const { font, shaped } = fakeFont();
    shareShaping(font);
    font.layout('xin', ['liga']);
    font.layout('xin', ['liga']);
    expect(shaped).toEqual(['xin +features', 'xin +features']);
  });
});

describe('numbers, shaped a character at a time', () => {
  const fonts = loadFonts();
  /** The run as plain numbers: glyphs, their positions and the ink box. */
  const plain = (run: fontkit.GlyphRun) => ({
    glyphs: run.glyphs.map((g) => g.id),
    positions: run.positions.map((p) => [p.xAdvance, p.yAdvance, p.xOffset, p.yOffset]),
    bbox: [run.bbox.minX, run.bbox.minY, run.bbox.maxX, run.bbox.maxY],
    advance: run.advanceWidth,
  });
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const numbers = [...Array.from({ length: 1000 }, (_, i) => String(i)), ...Array.from({ length: 300 }, () => String(Math.floor(random() * 1e7))), '007', '10000'];

  it.each(Object.keys(FONT_FILES) as FontId[])('%s: every number, with and without its space, as fontkit shapes it whole', (id) => {
    // fontkit's own shaping, on a font of its own that nothing has shared.
    const own = ownFont(id);
    // Be Vietnam Pro only kerns them: numbers are set from their characters.
    expect(numberPieces((text: string) => own.layout(text))?.kern.size).toBeGreaterThan(0);
    for (const n of numbers) for (const word of [n, `${n} `]) expect(plain(shapeWord(fonts.faces[id].font, word)), word).toEqual(plain(own.layout(word)));
  });

  /** A stand-in font: one glyph a character, 500 units each, "11" kerned by -100; `change` alters a pair's shaping. */
  const fake =
    (change: (text: string, run: { glyphs: { id: number }[]; positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[] }) => void = () => {}) =>
    (text: string) => {
      const chars = [...text];
      const run = { glyphs: chars.map((c) => ({ id: c.codePointAt(0)! })), positions: chars.map((c, i) => ({ xAdvance: c === '1' && chars[i + 1] === '1' ? 400 : 500, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
      if (text.length === 2) change(text, run);
      return run as unknown as fontkit.GlyphRun;
    };

  it('keep a pair kerning of the font, and nothing else', () => {
    expect(numberPieces(fake())?.kern).toEqual(new Map([['11', -100]]));
    // A pair set as a ligature, a second glyph moved, or kerned on its second glyph: shaped whole.
    expect(numberPieces(fake((t, r) => t === '12' && r.glyphs.splice(0, 2, { id: 0x2461 })))).toBeNull();
    expect(numberPieces(fake((t, r) => t === '34' && (r.positions[1]!.yOffset = 20)))).toBeNull();
    expect(numberPieces(fake((t, r) => t === '56' && (r.positions[1]!.xAdvance = 450)))).toBeNull();
  });
});
