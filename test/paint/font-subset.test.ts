import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fastSubsets } from '../../src/paint/font-subset.js';
import { FONT_FILES } from '../../src/platform/node.js';
import { seeded } from '../helpers/random.js';

const require = createRequire(import.meta.url);
/**
 * The four faces vneid-print embeds, and two faces with compound glyphs (Be Vietnam
 * Pro has none): Liberation Sans, as pdfjs-dist (a devDependency) ships it.
 */
const FACES = [
  ...Object.values(FONT_FILES).map((f) => `@expo-google-fonts/be-vietnam-pro/${f}`),
  'pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf',
  'pdfjs-dist/standard_fonts/LiberationSans-BoldItalic.ttf',
];

/** A fresh parse of a face, so the assembled and fontkit's own subsets never share a font object. */
const open = (face: string) => fontkit.create(readFileSync(require.resolve(face))) as fontkit.Font;
const isCompound = (font: fontkit.Font, id: number) => ((font.getGlyph(id) as unknown as { _decode(): { numberOfContours: number } | null })._decode()?.numberOfContours ?? 0) < 0;

type Subset = { includeGlyph(g: number): number; encode(): Uint8Array; glyphs: number[] };

describe('font subsets assembled from parts kept per process', () => {
  it.each(FACES)('%s: the same bytes as fontkit, for the glyphs of Vietnamese text and for random glyph sets', (face) => {
    const plain = open(face);
    const fast = open(face);
    fastSubsets(fast);
    // The face is one the parts cover: its subsets are assembled, not fontkit's (else this compares fontkit with itself).
    expect(Object.hasOwn(fast, 'createSubset')).toBe(true);
    const texts = ['Tự kích hoạt tài khoản định danh điện tử tại nhà', 'Ủy ban nhân dân phường Bình Thạnh – 0907 028 318', 'ẮẰẲẴẶ ắằẳẵặ ỐỒỔỖỘ ốồổỗộ ỨỪỬỮỰ ứừửữự Đđ'];
    const sets: number[][] = texts.map((t) => plain.layout(t).glyphs.map((g) => g.id));
    const rand = seeded(face.length);
    for (let k = 0; k < 20; k++) sets.push(Array.from({ length: 1 + Math.floor(rand() * 300) }, () => Math.floor(rand() * plain.numGlyphs)));
    // Liberation's accented letters are compound glyphs: their components are renumbered too.
    if (face.includes('Liberation')) expect(sets.flat().filter((id) => isCompound(plain, id)).length).toBeGreaterThan(20);
    for (const ids of sets) {
      const a = plain.createSubset() as unknown as Subset;
      const b = fast.createSubset() as unknown as Subset;
      for (const id of ids) expect(b.includeGlyph(id)).toBe(a.includeGlyph(id));
      const expected = Buffer.from(a.encode());
      const actual = Buffer.from(b.encode());
      expect(actual.equals(expected)).toBe(true);
      // Components appended while encoding are numbered the same way.
      expect(b.glyphs).toEqual(a.glyphs);
    }
  });
});
