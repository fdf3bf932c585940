import type { FontId, FontSet } from '../../src/layout/fonts.js';
import type { Measurer } from '../../src/layout/measure.js';

/** Advance of every character, in ems, by font: a typewriter face, so widths are plain arithmetic. */
export const EM: Record<FontId, number> = { regular: 0.5, semibold: 0.55, bold: 0.6, extrabold: 0.65 };

/** A measurer for layout tests on plain data: no font file, each character EM[font] wide. */
export function monoMeasurer(): Measurer & { calls: number } {
  const m = {
    fonts: {} as FontSet,
    calls: 0,
    width(text: string, font: FontId, size: number) {
      m.calls++;
      return [...text].length * EM[font] * size;
    },
  };
  return m;
}
