import type { Item } from './display-list.js';

/**
 * A measured piece of a page that can be placed anywhere: layout parts build
 * blocks, compositions stack them, and only at the end are they given a position.
 */
export interface Block {
  width: number;
  height: number;
  place(x: number, y: number): Item[];
}

/** Blocks one under another, left-aligned, with a gap between them. */
export function stack(blocks: Block[], gap: number): Block {
  const shown = blocks.filter((b) => b.height > 0);
  const height = shown.reduce((h, b) => h + b.height, 0) + gap * Math.max(0, shown.length - 1);
  return {
    width: Math.max(0, ...shown.map((b) => b.width)),
    height,
    place(x, y) {
      const items: Item[] = [];
      for (const b of shown) {
        items.push(...b.place(x, y));
        y += b.height + gap;
      }
      return items;
    },
  };
}

/** Blocks side by side, top-aligned (or centred vertically), with a gap. */
export function row(blocks: Block[], gap: number, align: 'top' | 'middle' = 'top'): Block {
  const height = Math.max(0, ...blocks.map((b) => b.height));
  const width = blocks.reduce((w, b) => w + b.width, 0) + gap * Math.max(0, blocks.length - 1);
  return {
    width,
    height,
    place(x, y) {
      const items: Item[] = [];
      for (const b of blocks) {
        const dy = align === 'middle' ? (height - b.height) / 2 : 0;
        items.push(...b.place(x, y + dy));
        x += b.width + gap;
      }
      return items;
    },
  };
}

/** A block in the middle of a wider space (never pushed left of it). */
export function centred(b: Block, width: number): Block {
  return { width, height: b.height, place: (x, y) => b.place(x + Math.max(0, (width - b.width) / 2), y) };
}

/** A block with room on its left and right. */
export function padX(b: Block, pad: number): Block {
  return { width: b.width + 2 * pad, height: b.height, place: (x, y) => b.place(x + pad, y) };
}

/**
 * A block drawn once and placed as one drawing (a group) wherever it goes: a
 * part every sticker of a batch shares is written once into a PDF, as a form.
 */
export function drawnOnce<T extends Block>(block: T): T {
  let items: Item[] | undefined;
  return {
    ...block,
    place(x, y) {
      items ??= block.place(0, 0);
      return items.length ? [{ type: 'group', x, y, width: block.width, height: block.height, items }] : [];
    },
  };
}
