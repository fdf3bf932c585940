import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/layout/display-list.js';
import { translateItems, ungroupItems } from '../../src/layout/translate.js';

describe('moving items', () => {
  it('moves every kind of item, and what a clip holds, leaving the originals as they were', () => {
    const items: Item[] = [
      { type: 'text', x: 1, y: 2, text: 'a', font: 'regular', size: 10, color: '#000000', width: 5 },
      { type: 'rect', x: 1, y: 2, width: 3, height: 4, fill: '#FFFFFF' },
      { type: 'circle', cx: 5, cy: 6, r: 1, fill: '#000000' },
      { type: 'line', x1: 0, y1: 0, x2: 10, y2: 20, color: '#000000', width: 1 },
      { type: 'qr', x: 7, y: 8, size: 20, modules: [[true]], margin: 4, color: '#000000', url: 'https://a.vn', level: 'M' },
      { type: 'clip', x: 0, y: 0, width: 50, height: 50, items: [{ type: 'rect', x: 10, y: 10, width: 1, height: 1, fill: '#000000' }] },
    ];
    const before = structuredClone(items);
    const moved = translateItems(items, 100, -10);
    expect(items).toEqual(before);
    expect(moved.map((i) => (i.type === 'line' ? [i.x1, i.y1, i.x2, i.y2] : i.type === 'circle' ? [i.cx, i.cy] : [i.x, i.y]))).toEqual([
      [101, -8],
      [101, -8],
      [105, -4],
      [100, -10, 110, 10],
      [107, -2],
      [100, -10],
    ]);
    const inner = moved[5]!.type === 'clip' ? moved[5]!.items[0]! : undefined;
    expect(inner).toMatchObject({ x: 110, y: 0, width: 1 });
  });

  it("moves a group's corner only: its items are measured from that corner", () => {
    const shared: Item[] = [{ type: 'rect', x: 1, y: 2, width: 3, height: 4, fill: '#000000' }];
    const [moved] = translateItems([{ type: 'group', x: 10, y: 20, width: 5, height: 6, items: shared }], 100, 200);
    expect(moved).toMatchObject({ type: 'group', x: 110, y: 220 });
    expect(moved!.type === 'group' && moved!.items).toBe(shared);
  });
});

describe('drawing groups out', () => {
  it('places every group where it stands, inside clips and groups too, keeping the order of drawing', () => {
    const part: Item[] = [
      { type: 'rect', x: 0, y: 0, width: 10, height: 5, fill: '#C8102E' },
      { type: 'group', x: 2, y: 1, width: 3, height: 3, items: [{ type: 'circle', cx: 1, cy: 1, r: 1, fill: '#000000' }] },
    ];
    const items: Item[] = [
      { type: 'group', x: 100, y: 0, width: 10, height: 5, items: part },
      { type: 'line', x1: 0, y1: 0, x2: 1, y2: 1, color: '#000000', width: 1 },
      { type: 'clip', x: 0, y: 0, width: 500, height: 500, items: [{ type: 'group', x: 0, y: 50, width: 10, height: 5, items: part }] },
    ];
    expect(ungroupItems(items)).toEqual([
      { type: 'rect', x: 100, y: 0, width: 10, height: 5, fill: '#C8102E' },
      { type: 'circle', cx: 103, cy: 2, r: 1, fill: '#000000' },
      { type: 'line', x1: 0, y1: 0, x2: 1, y2: 1, color: '#000000', width: 1 },
      {
        type: 'clip',
        x: 0,
        y: 0,
        width: 500,
        height: 500,
        items: [
          { type: 'rect', x: 0, y: 50, width: 10, height: 5, fill: '#C8102E' },
          { type: 'circle', cx: 3, cy: 52, r: 1, fill: '#000000' },
        ],
      },
    ]);
  });

  it('gives back the same list when there is no group', () => {
    const items: Item[] = [{ type: 'rect', x: 1, y: 2, width: 3, height: 4, fill: '#000000' }];
    expect(ungroupItems(items)).toBe(items);
  });
});
