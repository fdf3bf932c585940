import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/layout/display-list.js';
import { translateItems } from '../../src/layout/translate.js';

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
});
