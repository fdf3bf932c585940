import { describe, expect, it } from 'vitest';
import { OFFICIAL_STORE_LINKS } from '../../src/content/profile-schema.js';
import { POSTER_PAPER } from '../../src/layout/page-sizes.js';
import { OVERLAP } from '../../src/layout/tiles.js';
import { layoutPoster } from '../../src/products/poster.js';
import { campaign } from '../helpers/fixtures.js';
import { overlappingTexts, textOnQrCodes, textOutside } from '../helpers/ink.js';

/**
 * Posters as laid out, on plain data. What the command writes is read back in
 * test/e2e/poster.test.ts; every poster's codes are read by a camera-like
 * decoder in test/qr/verify.test.ts.
 */
const STORES = [OFFICIAL_STORE_LINKS.ios, OFFICIAL_STORE_LINKS.android];

describe('posters', () => {
  it.each(['a4', 'a3', 'a2', 'a1', 'a0'] as const)('%s portrait and landscape: real size, no text outside the page, overlapping or on a code', async (size) => {
    const { unit, input } = await campaign();
    for (const landscape of [false, true]) {
      const { doc } = layoutPoster(input, { size, landscape, bleed: 0 }, unit.m);
      const page = doc.pages[0]!;
      const paper = POSTER_PAPER[size];
      expect([page.width, page.height]).toEqual(landscape ? [paper.height, paper.width] : [paper.width, paper.height]);
      expect(textOutside(page, 0, 0, page.width, page.height)).toEqual([]);
      expect(overlappingTexts(page)).toEqual([]);
      expect(textOnQrCodes(page)).toEqual([]);
      expect(page.items.filter((i) => i.type === 'qr').map((q) => q.type === 'qr' && q.url)).toEqual(STORES);
    }
  });

  it('A1 tiled over A4: neighbouring sheets share 10 mm, and the last column ends at the poster\'s edge', async () => {
    const { unit, input } = await campaign();
    const { doc } = layoutPoster(input, { size: 'a1', landscape: false, bleed: 0, tile: 'a4' }, unit.m);
    expect(doc.pages).toHaveLength(15);
    // Where each sheet's window starts on the poster: neighbours share OVERLAP.
    const origin = (i: number) => {
      const clip = doc.pages[i]!.items.find((it) => it.type === 'clip')!;
      const paper = clip.type === 'clip' ? clip.items.find((it) => it.type === 'rect')! : undefined;
      return paper && paper.type === 'rect' ? { x: clip.x - paper.x, y: clip.y - paper.y, w: clip.type === 'clip' ? clip.width : 0, h: clip.type === 'clip' ? clip.height : 0 } : undefined;
    };
    const a = origin(0)!;
    const right = origin(1)!;
    const below = origin(3)!;
    expect(a.x + a.w - right.x).toBeCloseTo(OVERLAP, 3);
    expect(a.y + a.h - below.y).toBeCloseTo(OVERLAP, 3);
    expect(origin(14)!.x + origin(14)!.w).toBeCloseTo(POSTER_PAPER.a1.width, 3);
  });
});
