import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/layout/display-list.js';
import { PAPER } from '../../src/layout/page-sizes.js';
import { twoUp } from '../../src/layout/two-up.js';

const a5 = (fill: `#${string}`): Page => ({ ...PAPER.a5, items: [{ type: 'rect', x: 0, y: 0, width: PAPER.a5.width, height: PAPER.a5.height, fill }] });

describe('two A5 pages on one A4 sheet', () => {
  const sheet = twoUp(a5('#00000a'), a5('#00000b'));

  it('is A4 landscape, the pages side by side and centred, with a dashed cut line between them', () => {
    expect([sheet.width, sheet.height]).toEqual([PAPER.a4.height, PAPER.a4.width]);
    const [paper, left, right, cut] = sheet.items;
    expect(paper).toMatchObject({ type: 'rect', x: 0, y: 0, width: sheet.width, height: sheet.height, fill: '#FFFFFF' });
    // 297 mm hold two 148 mm pages with half a millimetre each side; 210 mm pages fill the height.
    const x0 = (PAPER.a4.height - 2 * PAPER.a5.width) / 2;
    expect(x0 / (72 / 25.4)).toBeCloseTo(0.5, 9);
    expect(left).toMatchObject({ fill: '#00000a', x: x0, y: 0 });
    expect(right).toMatchObject({ fill: '#00000b', x: x0 + PAPER.a5.width, y: 0 });
    expect(cut).toMatchObject({ type: 'line', x1: sheet.width / 2, x2: sheet.width / 2, y1: 0, y2: sheet.height, dash: [4, 3] });
  });
});
