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
  const pad = o.compact ? 0 : 1.4 * u;
  // Keep in step with STEP_SIZE in campaign.ts, which sets the floor from it.
  const size = 3.6 * u * scale;
  const disc = size * (o.compact ? 1.5 : 1.8);
  const tile = (step: GuideStep, n: number, tileW: number) => {
    const text = textBlock(step.title, tileW - 2 * pad - disc - 1.5 * u, { size, font: 'bold', strongFont: 'extrabold', color: c.colors.ink, leading: LEADING.heading, noWidow: true }, c.m);
    return { block: numberedItem(n, text, { disc, numberSize: size * 1.25, gap: 1.5 * u, width: tileW - 2 * pad }, c), splits: text.splitsWords };
  };
  const rows: Block[] = [];
  let splits = false;
  for (let r = 0; r < steps.length; r += columns) {
    // A last row with fewer steps spreads them over the full width: no empty cell.
    const inRow = steps.slice(r, r + columns);
    const tileW = (width - gap * (inRow.length - 1)) / inRow.length;
    const tiles = inRow.map((step, i) => tile(step, r + i + 1, tileW));
    splits ||= tiles.some((t) => t.splits);
    const h = Math.max(...tiles.map((t) => t.block.height)) + 2 * pad;
    rows.push(
      row(
        tiles.map(({ block: b }): Block => ({
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
  return splits ? { ...grid, height: Infinity } : grid;
}
