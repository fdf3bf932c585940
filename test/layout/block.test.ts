import { describe, expect, it } from 'vitest';
import { centred, padX, row, stack, type Block } from '../../src/layout/block.js';
import type { Item } from '../../src/layout/display-list.js';

/** A block that draws one rectangle where it is placed, named by its colour. */
const box = (width: number, height: number, name = '#000001'): Block => ({
  width,
  height,
  place: (x, y) => [{ type: 'rect', x, y, width, height, fill: name as `#${string}` }],
});
const at = (items: Item[]) => items.map((i) => (i.type === 'rect' ? [i.fill, i.x, i.y] : []));

describe('stack: blocks one under another', () => {
  it('is as tall as its blocks and the gaps between them, as wide as the widest', () => {
    const s = stack([box(10, 20), box(30, 5), box(15, 7)], 4);
    expect([s.width, s.height]).toEqual([30, 20 + 5 + 7 + 2 * 4]);
  });

  it('places each block under the one before, left-aligned, a gap apart', () => {
    const s = stack([box(10, 20, '#00000a'), box(30, 5, '#00000b'), box(15, 7, '#00000c')], 4);
    expect(at(s.place(100, 50))).toEqual([
      ['#00000a', 100, 50],
      ['#00000b', 100, 74],
      ['#00000c', 100, 83],
    ]);
  });

  it('leaves out empty blocks, and their gaps', () => {
    const s = stack([box(10, 20, '#00000a'), box(50, 0, '#00000e'), box(15, 7, '#00000c')], 4);
    expect([s.width, s.height]).toEqual([15, 31]);
    expect(at(s.place(0, 0))).toEqual([
      ['#00000a', 0, 0],
      ['#00000c', 0, 24],
    ]);
  });

  it('of nothing is nothing', () => {
    const s = stack([], 4);
    expect([s.width, s.height, s.place(0, 0)]).toEqual([0, 0, []]);
  });
});

describe('row: blocks side by side', () => {
  it('is as wide as its blocks and the gaps, as tall as the tallest', () => {
    const r = row([box(10, 20), box(30, 5)], 6);
    expect([r.width, r.height]).toEqual([46, 20]);
  });

  it('aligns the tops, or centres each block vertically', () => {
    const blocks = [box(10, 20, '#00000a'), box(30, 6, '#00000b')];
    expect(at(row(blocks, 6).place(5, 5))).toEqual([
      ['#00000a', 5, 5],
      ['#00000b', 21, 5],
    ]);
    expect(at(row(blocks, 6, 'middle').place(5, 5))).toEqual([
      ['#00000a', 5, 5],
      ['#00000b', 21, 12],
    ]);
  });

  it('of nothing is nothing', () => {
    expect([row([], 6).width, row([], 6).height]).toEqual([0, 0]);
  });
});

describe('centred and padded blocks', () => {
  it('centred: in the middle of a wider space, and never pushed left of it', () => {
    expect(at(centred(box(40, 10), 100).place(0, 0))).toEqual([['#000001', 30, 0]]);
    expect(centred(box(40, 10), 100).width).toBe(100);
    expect(at(centred(box(140, 10), 100).place(0, 0))).toEqual([['#000001', 0, 0]]);
  });

  it('padX: room on both sides', () => {
    const p = padX(box(40, 10), 8);
    expect([p.width, p.height]).toEqual([56, 10]);
    expect(at(p.place(2, 3))).toEqual([['#000001', 10, 3]]);
  });
});
