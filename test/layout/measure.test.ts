import type * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import type { FontId, FontSet } from '../../src/layout/fonts.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { createMeasurer } from '../../src/layout/measure.js';

/** A font whose glyphs are 600 units of 1000 wide; "☐" has no glyph (id 0), nor, here, the tab. */
function fakeFonts() {
  const shaped: string[] = [];
  const font = {
    unitsPerEm: 1000,
    layout(text: string) {
      shaped.push(text);
      const chars = [...text];
      return { glyphs: chars.map((c) => ({ id: c === '☐' || c === '\t' ? 0 : 1 })), positions: chars.map(() => ({ xAdvance: 600 })) };
    },
  } as unknown as fontkit.Font;
  const face = (id: FontId) => ({ id, font });
  const fonts = { faces: { regular: face('regular'), semibold: face('semibold'), bold: face('bold'), extrabold: face('extrabold') }, missingGlyphs: () => [] } as FontSet;
  return { fonts, shaped };
}

describe('measuring text', () => {
  it('adds the advances of its glyphs, in points at the size asked', () => {
    const m = createMeasurer(fakeFonts().fonts);
    expect(m.width('xin', 'regular', 10)).toBeCloseTo(18, 9); // 3 × 0.6 em
    expect(m.width('xin chào', 'regular', 20)).toBeCloseTo(96, 9);
    expect(m.width('', 'regular', 10)).toBe(0);
  });

  it('shapes each text once, word by word, whatever the size', () => {
    const { fonts, shaped } = fakeFonts();
    const m = createMeasurer(fonts);
    for (const size of [9, 10, 36]) m.width('xin chào', 'bold', size);
    expect(shaped).toEqual(['xin ', 'chào']);
  });

  it('refuses a character the font cannot draw, quoting the text; blank glyphs between words are not', () => {
    const m = createMeasurer(fakeFonts().fonts);
    expect(() => m.width('Tòa ☐ A', 'regular', 10)).toThrow(UserError);
    expect(() => m.width('Tòa ☐ A', 'regular', 10)).toThrow('đoạn chữ "Tòa ☐ A" có ký tự mà phông chữ không vẽ được');
    expect(m.width('a \tb', 'regular', 10)).toBeCloseTo(24, 9); // "a ", "\t", "b"
    expect(() => m.width('a\tb', 'regular', 10)).toThrow(UserError); // "a\t" is a word
  });
});

describe('measuring with Be Vietnam Pro', () => {
  const m = createMeasurer(loadFonts());

  it('is proportional to the size, and wider in bold', () => {
    const w = m.width('Ủy ban nhân dân phường Bình Thạnh', 'regular', 10);
    expect(w).toBeGreaterThan(100);
    expect(m.width('Ủy ban nhân dân phường Bình Thạnh', 'regular', 25)).toBeCloseTo(2.5 * w, 9);
    expect(m.width('Ủy ban nhân dân phường Bình Thạnh', 'bold', 10)).toBeGreaterThan(w);
  });

  it('draws every Vietnamese letter in every weight, and refuses an emoji', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ';
    for (const font of ['regular', 'semibold', 'bold', 'extrabold'] as const) {
      expect(m.width(letters + letters.toUpperCase(), font, 10), font).toBeGreaterThan(0); // one word: throws if any glyph is missing
    }
    expect(() => m.width('Tòa nhà 🏢', 'regular', 10)).toThrow(UserError);
  });
});
