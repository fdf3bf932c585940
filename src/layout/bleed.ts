import { cropMarks } from './crop-marks.js';
import type { Item, Page } from './display-list.js';
import { MM } from './page-sizes.js';
import { translateItems } from './translate.js';

/** Room outside the bleed for the crop marks. */
const SLUG = 8 * MM;

/**
 * Readies a page for a print shop: backgrounds that touch the trim edge run out
 * by `bleed`, crop marks sit outside the bleed, and the page records its
 * TrimBox and BleedBox.
 */
export function withBleed(page: Page, bleed: number): Page {
  const off = bleed + SLUG;
  const eps = 0.01;
  const extend = (it: Item): Item => {
    if (it.type !== 'rect' || !it.fill) return it;
    const left = it.x <= eps ? bleed : 0;
    const top = it.y <= eps ? bleed : 0;
    const right = it.x + it.width >= page.width - eps ? bleed : 0;
    const bottom = it.y + it.height >= page.height - eps ? bleed : 0;
    return { ...it, x: it.x - left, y: it.y - top, width: it.width + left + right, height: it.height + top + bottom, radius: undefined };
  };
  return {
    width: page.width + 2 * off,
    height: page.height + 2 * off,
    items: [...translateItems(page.items.map(extend), off, off), ...cropMarks(off, off, page.width, page.height, { offset: bleed + 1 * MM, length: 5 * MM })],
    trimBox: { x: off, y: off, width: page.width, height: page.height },
    bleedBox: { x: off - bleed, y: off - bleed, width: page.width + 2 * bleed, height: page.height + 2 * bleed },
  };
}
