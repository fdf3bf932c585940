import type { Item, Page, TextItem } from '../../src/layout/display-list.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { ungroupItems } from '../../src/layout/translate.js';

const fonts = loadFonts();

/** The ink box of a text item, from the real glyph outlines (horizontally, its advance). */
export function inkBox(t: TextItem) {
  const face = fonts.faces[t.font].font;
  const run = face.layout(t.text);
  const s = t.size / face.unitsPerEm;
  return { left: t.x, right: t.x + t.width, top: t.y - run.bbox.maxY * s, bottom: t.y - run.bbox.minY * s };
}

const ungrouped = new WeakMap<Page, Item[]>();

/** A page's items as they are drawn: every group (a part shared by all stickers) drawn out where it is placed. */
export function drawnItems(page: Page): Item[] {
  let items = ungrouped.get(page);
  if (!items) ungrouped.set(page, (items = ungroupItems(page.items)));
  return items;
}

export const texts = (page: Page): TextItem[] => drawnItems(page).filter((i): i is TextItem => i.type === 'text');

/** Pairs of text items whose ink overlaps: each is a collision a reader would see. */
export function overlappingTexts(page: Page): string[] {
  const all = texts(page).map((t) => ({ t, b: inkBox(t) }));
  const eps = 0.01;
  const found: string[] = [];
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const p = all[i]!.b;
      const q = all[j]!.b;
      if (p.left < q.right - eps && q.left < p.right - eps && p.top < q.bottom - eps && q.top < p.bottom - eps) found.push(`"${all[i]!.t.text}" / "${all[j]!.t.text}"`);
    }
  }
  return found;
}

/** Text items whose ink leaves the rectangle [x0, x1] × [y0, y1]. */
export function textOutside(page: Page, x0: number, y0: number, x1: number, y1: number): string[] {
  return texts(page)
    .filter((t) => {
      const b = inkBox(t);
      return b.left < x0 - 0.01 || b.right > x1 + 0.01 || b.top < y0 - 0.01 || b.bottom > y1 + 0.01;
    })
    .map((t) => t.text);
}

/** Text that touches a QR code's square: it would stop the code scanning. */
export function textOnQrCodes(page: Page): string[] {
  const codes = drawnItems(page).filter((i): i is Extract<Item, { type: 'qr' }> => i.type === 'qr');
  return texts(page)
    .filter((t) => {
      const b = inkBox(t);
      return codes.some((q) => !(b.right <= q.x || b.left >= q.x + q.size || b.bottom <= q.y || b.top >= q.y + q.size));
    })
    .map((t) => t.text);
}
