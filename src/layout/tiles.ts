import { cropMarks } from './crop-marks.js';
import type { Item, Page } from './display-list.js';
import { MM, POSTER_PAPER } from './page-sizes.js';
import { translateItems } from './translate.js';

export type TileSheet = 'a4' | 'a3';

/** Office printers leave about 5 mm blank at the edges: keep clear of it. */
const MARGIN = 10 * MM;
/** Each sheet repeats this much of its neighbour, for gluing. */
export const OVERLAP = 10 * MM;

export interface TiledPoster {
  pages: Page[];
  rows: number;
  columns: number;
}

/**
 * Splits a large page over sheets an office can print, in the orientation that
 * needs fewer sheets. Each sheet shows its window of the poster with an overlap,
 * crop marks at the window's corners and a label saying where it goes.
 */
export function tilePoster(poster: Page, sheet: TileSheet, label: (row: number, column: number, index: number, total: number) => string, labelItems: (text: string, x: number, y: number, width: number) => Item[]): TiledPoster {
  const portrait = POSTER_PAPER[sheet];
  const options = [portrait, { width: portrait.height, height: portrait.width }].map((s) => {
    const winW = s.width - 2 * MARGIN;
    const winH = s.height - 2 * MARGIN;
    const columns = Math.max(1, Math.ceil((poster.width - OVERLAP) / (winW - OVERLAP)));
    const rows = Math.max(1, Math.ceil((poster.height - OVERLAP) / (winH - OVERLAP)));
    return { s, winW, winH, columns, rows, count: columns * rows };
  });
  const best = options[0]!.count <= options[1]!.count ? options[0]! : options[1]!;
  const pages: Page[] = [];
  for (let r = 0; r < best.rows; r++) {
    for (let col = 0; col < best.columns; col++) {
      const ox = col * (best.winW - OVERLAP);
      const oy = r * (best.winH - OVERLAP);
      const w = Math.min(best.winW, poster.width - ox);
      const h = Math.min(best.winH, poster.height - oy);
      const index = r * best.columns + col + 1;
      pages.push({
        width: best.s.width,
        height: best.s.height,
        items: [
          { type: 'rect', x: 0, y: 0, width: best.s.width, height: best.s.height, fill: '#FFFFFF' },
          { type: 'clip', x: MARGIN, y: MARGIN, width: w, height: h, items: translateItems(poster.items, MARGIN - ox, MARGIN - oy) },
          ...cropMarks(MARGIN, MARGIN, w, h, { offset: 1 * MM, length: 6 * MM }),
          // The label sits in the bottom margin, between the crop marks.
          ...labelItems(label(r + 1, col + 1, index, best.count), MARGIN + 8 * MM, best.s.height - 0.6 * MARGIN, best.s.width - 2 * MARGIN - 16 * MM),
        ],
      });
    }
  }
  return { pages, rows: best.rows, columns: best.columns };
}
