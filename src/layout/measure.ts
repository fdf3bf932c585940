import { UserError } from '../errors.js';
import type { FontId, FontSet } from './fonts.js';
import { shapeWord, splitWords } from './shaping.js';

/**
 * Widths come from the same fontkit shaping that pdfkit uses to draw, word by
 * word as pdfkit draws, so what layout measures is what the PDF shows.
 */
export interface Measurer {
  fonts: FontSet;
  /** Advance width of `text` at `size` points: its width at 1 pt times `size` (layout scales the widths it measured once). */
  width(text: string, font: FontId, size: number): number;
}

export function createMeasurer(fonts: FontSet): Measurer {
  const caches = new Map<FontId, Map<string, number>>();
  return {
    fonts,
    width(text, fontId, size) {
      let cache = caches.get(fontId);
      if (!cache) caches.set(fontId, (cache = new Map()));
      let units = cache.get(text);
      if (units === undefined) {
        const face = fonts.faces[fontId].font;
        units = 0;
        for (const word of splitWords(text)) {
          const run = shapeWord(face, word);
          for (let i = 0; i < run.glyphs.length; i++) {
            if (run.glyphs[i]!.id === 0 && word.trim()) throw missingGlyph(text);
            units += run.positions[i]!.xAdvance;
          }
        }
        units /= face.unitsPerEm;
        // A batch brings new names on every label: keep the cache from growing without end.
        if (cache.size > 2_000) cache.clear();
        cache.set(text, units);
      }
      return units * size;
    },
  };
}

function missingGlyph(text: string): UserError {
  return new UserError({
    message: `đoạn chữ "${text.slice(0, 60)}" có ký tự mà phông chữ không vẽ được`,
    hint: 'hãy bỏ ký tự lạ (biểu tượng cảm xúc, ký hiệu đặc biệt) khỏi nội dung',
  });
}
