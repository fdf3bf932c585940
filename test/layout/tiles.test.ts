import { describe, expect, it } from 'vitest';
import type { Item, Page } from '../../src/layout/display-list.js';
import { MM, POSTER_PAPER } from '../../src/layout/page-sizes.js';
import { OVERLAP, tilePoster } from '../../src/layout/tiles.js';

const poster = (width: number, height: number): Page => ({ width, height, items: [{ type: 'rect', x: 0, y: 0, width, height, fill: '#C8102E' }] });
const label = (row: number, column: number, index: number, total: number) => `Tờ ${index}/${total} · hàng ${row}, cột ${column}`;
const labelItems = (text: string, x: number, y: number, width: number): Item[] => [{ type: 'text', x, y, text, font: 'regular', size: 9, color: '#000000', width }];
/** The poster's window each sheet shows: where it starts on the poster and how large it is. */
const windows = (pages: Page[]) =>
  pages.map((p) => {
    const clip = p.items.find((i) => i.type === 'clip')!;
    if (clip.type !== 'clip') throw new Error('no clip');
    const art = clip.items[0]!;
    if (art.type !== 'rect') throw new Error('no poster');
    return { x: clip.x - art.x, y: clip.y - art.y, width: clip.width, height: clip.height };
  });

describe('a poster over office sheets', () => {
  it('A2 over A4: 8 sheets (the fewer of either way round), each labelled, in reading order', () => {
    const { pages, rows, columns } = tilePoster(poster(POSTER_PAPER.a2.width, POSTER_PAPER.a2.height), 'a4', label, labelItems);
    // 420 × 594 mm in windows overlapping by 10 mm: upright 190 × 277 mm windows take
    // ⌈410/180⌉ × ⌈584/267⌉ = 3 × 3 sheets; sideways 277 × 190 mm, ⌈410/267⌉ × ⌈584/180⌉ = 2 × 4.
    expect([pages.length, rows, columns]).toEqual([8, 4, 2]);
    expect([pages[0]!.width, pages[0]!.height]).toEqual([POSTER_PAPER.a4.height, POSTER_PAPER.a4.width]);
    expect(pages.map((p) => p.items.find((i) => i.type === 'text')).map((t) => t?.type === 'text' && t.text)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `Tờ ${i}/8 · hàng ${Math.ceil(i / 2)}, cột ${2 - (i % 2)}`),
    );
  });

  it('covers the whole poster, each sheet repeating 10 mm of its neighbours, 10 mm inside the sheet edge', () => {
    const { width, height } = POSTER_PAPER.a2;
    const { pages } = tilePoster(poster(width, height), 'a4', label, labelItems);
    const w = windows(pages);
    expect(w[0]).toMatchObject({ x: 0, y: 0 });
    expect(w[0]!.x + w[0]!.width - w[1]!.x).toBeCloseTo(OVERLAP, 9);
    expect(w[0]!.y + w[0]!.height - w[2]!.y).toBeCloseTo(OVERLAP, 9);
    expect(w[7]!.x + w[7]!.width).toBeCloseTo(width, 9);
    expect(w[7]!.y + w[7]!.height).toBeCloseTo(height, 9);
    for (const p of pages) {
      const clip = p.items.find((i) => i.type === 'clip')!;
      expect(clip).toMatchObject({ x: 10 * MM, y: 10 * MM });
    }
  });

  it('a poster smaller than a sheet is one sheet', () => {
    expect(tilePoster(poster(100, 100), 'a3', label, labelItems).pages).toHaveLength(1);
  });
});
