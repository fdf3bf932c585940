import type { GuideStep } from '../../content/guide-markdown.js';
import { row, stack, type Block } from '../../layout/block.js';
import { textBlock } from '../../layout/text-block.js';
import { LEADING } from '../../layout/theme.js';
import { numberedItem } from './numbered-item.js';
import type { PartContext } from './part-context.js';

/**
 * The steps as a grid of large numbered tiles with only their short titles:
 * what a passer-by reads on a poster. `u` is 1 % of the poster's short side.
 */
export function stepTiles(steps: GuideStep[], width: number, columns: number, u: number, scale: number, c: PartContext, o: { compact?: boolean } = {}): Block {
  // Compact: a plain numbered list without tiles, for small square pictures.
  const gap = (o.compact ? 0.8 : 1.6) * u;
  const tileW = (width - gap * (columns - 1)) / columns;
  const pad = o.compact ? 0 : 1.4 * u;
  const size = 3.6 * u * scale;
  const disc = size * (o.compact ? 1.5 : 2.1);
  const tiles = steps.map((step, i) => {
    const text = textBlock(step.title, tileW - 2 * pad - disc - 1.5 * u, { size, font: 'bold', strongFont: 'extrabold', color: c.colors.ink, leading: LEADING.tight }, c.m);
    return { block: numberedItem(i + 1, text, { disc, numberSize: size * 1.25, gap: 1.5 * u, width: tileW - 2 * pad }, c), splits: text.splitsWords };
  });
  const rows: Block[] = [];
  for (let r = 0; r < tiles.length; r += columns) {
    const cells = tiles.slice(r, r + columns).map((t) => t.block);
    const h = Math.max(...cells.map((b) => b.height)) + 2 * pad;
    rows.push(
      row(
        cells.map((b): Block => ({
          width: tileW,
          height: h,
          place: (x, y) => [...(o.compact ? [] : [{ type: 'rect' as const, x, y, width: tileW, height: h, fill: c.colors.tint, radius: 1.2 * u }]), ...b.place(x + pad, y + (h - b.height) / 2)],
        })),
        gap,
      ),
    );
  }
  const grid = stack(rows, gap);
  // A word split between letters means the tiles are too narrow at this size.
  return tiles.some((t) => t.splits) ? { ...grid, height: Infinity } : grid;
}
