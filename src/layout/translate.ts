import type { Item } from './display-list.js';

/** Moves every item of a page by (dx, dy). */
export function translateItems(items: Item[], dx: number, dy: number): Item[] {
  return items.map((it): Item => {
    switch (it.type) {
      case 'line':
        return { ...it, x1: it.x1 + dx, y1: it.y1 + dy, x2: it.x2 + dx, y2: it.y2 + dy };
      case 'circle':
        return { ...it, cx: it.cx + dx, cy: it.cy + dy };
      case 'text':
      case 'rect':
      case 'qr':
      case 'image':
        return { ...it, x: it.x + dx, y: it.y + dy };
      case 'clip':
        return { ...it, x: it.x + dx, y: it.y + dy, items: translateItems(it.items, dx, dy) };
      case 'group':
        // A group's items are measured from its corner: only the corner moves.
        return { ...it, x: it.x + dx, y: it.y + dy };
    }
  });
}

/** The items with every group drawn out where it is placed, as if it had never been one. */
export function ungroupItems(items: Item[]): Item[] {
  if (!items.some((it) => it.type === 'group' || it.type === 'clip')) return items;
  return items.flatMap((it): Item[] => {
    if (it.type === 'group') return ungroupItems(translateItems(it.items, it.x, it.y));
    if (it.type === 'clip') return [{ ...it, items: ungroupItems(it.items) }];
    return [it];
  });
}
