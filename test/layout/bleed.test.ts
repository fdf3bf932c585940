import { describe, expect, it } from 'vitest';
import { withBleed } from '../../src/layout/bleed.js';
import type { Page } from '../../src/layout/display-list.js';
import { MM } from '../../src/layout/page-sizes.js';

const page: Page = {
  width: 100,
  height: 200,
  items: [
    { type: 'rect', x: 0, y: 0, width: 100, height: 40, fill: '#C8102E', radius: 4 }, // a band across the top
    { type: 'rect', x: 10, y: 60, width: 80, height: 20, fill: '#FFF7D6' }, // a box inside
    { type: 'rect', x: 0, y: 190, width: 100, height: 10, stroke: '#000000' }, // a frame, not a fill
    { type: 'text', x: 10, y: 100, text: 'a', font: 'regular', size: 10, color: '#000000', width: 5 },
  ],
};

describe('a page ready for a print shop', () => {
  const bleed = 3 * MM;
  const printed = withBleed(page, bleed);
  const off = bleed + 8 * MM; // the bleed, and room for the marks

  it('is larger by the bleed and the marks on each side, and records where to trim and how far colour runs', () => {
    expect([printed.width, printed.height]).toEqual([100 + 2 * off, 200 + 2 * off]);
    expect(printed.trimBox).toEqual({ x: off, y: off, width: 100, height: 200 });
    expect(printed.bleedBox).toEqual({ x: off - bleed, y: off - bleed, width: 100 + 2 * bleed, height: 200 + 2 * bleed });
  });

  it('runs a fill that touches the trim out to the bleed on those sides, square-cornered; everything else only moves', () => {
    const [band, box, frame, text] = printed.items;
    expect(band).toMatchObject({ x: off - bleed, y: off - bleed, width: 100 + 2 * bleed, height: 40 + bleed, radius: undefined });
    expect(box).toMatchObject({ x: off + 10, y: off + 60, width: 80, height: 20 });
    expect(frame).toMatchObject({ x: off, y: off + 190, width: 100, height: 10 });
    expect(text).toMatchObject({ x: off + 10, y: off + 100 });
  });

  it('adds crop marks at the trim corners, outside the bleed', () => {
    const marks = printed.items.slice(page.items.length);
    expect(marks).toHaveLength(8);
    for (const l of marks) {
      if (l.type !== 'line') throw new Error('a crop mark is a line');
      const outside = (x: number, y: number) => x <= off - bleed + 1e-9 || x >= off + 100 + bleed - 1e-9 || y <= off - bleed + 1e-9 || y >= off + 200 + bleed - 1e-9;
      expect(outside(l.x1, l.y1) && outside(l.x2, l.y2)).toBe(true);
    }
  });
});
