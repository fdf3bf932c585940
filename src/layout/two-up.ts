import type { Page } from './display-list.js';
import { PAPER } from './page-sizes.js';
import { translateItems } from './translate.js';

/**
 * Two A5 pages side by side on one A4 landscape sheet (297 mm holds two 148-mm
 * pages with half a millimetre to spare each side), with a dashed cut line
 * down the middle: how schools print handouts on ordinary paper.
 */
export function twoUp(left: Page, right: Page): Page {
  const width = PAPER.a4.height;
  const height = PAPER.a4.width;
  const x0 = (width - left.width - right.width) / 2;
  const mid = x0 + left.width;
  return {
    width,
    height,
    items: [
      { type: 'rect', x: 0, y: 0, width, height, fill: '#FFFFFF' },
      ...translateItems(left.items, x0, (height - left.height) / 2),
      ...translateItems(right.items, mid, (height - right.height) / 2),
      { type: 'line', x1: mid, y1: 0, x2: mid, y2: height, color: '#9E9E9E', width: 0.5, dash: [4, 3] },
    ],
  };
}
