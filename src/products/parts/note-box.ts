import type { RichText } from '../../content/rich-text.js';
import { stack, type Block } from '../../layout/block.js';
import { textBlock } from '../../layout/text-block.js';
import { LEADING } from '../../layout/theme.js';
import type { PartContext } from './part-context.js';

/** The guide's notes in a pale gold box with a bar on the left. */
export function noteBox(notes: RichText[], width: number, scale: number, c: PartContext): Block {
  const { k, m } = c;
  if (!notes.length) return stack([], 0);
  const s = scale * k;
  const pad = 7 * s;
  const bar = 3 * k;
  const inner = stack(
    notes.map((n) => textBlock(n, width - 2 * pad - bar, { size: 10 * s, font: 'regular', strongFont: 'bold', color: c.colors.ink, leading: LEADING.body }, m)),
    3 * s,
  );
  const height = inner.height + 2 * pad;
  return {
    width,
    height,
    place: (x, y) => [
      { type: 'rect', x, y, width, height, fill: c.colors.noteBg },
      { type: 'rect', x, y, width: bar, height, fill: c.colors.noteBar },
      ...inner.place(x + bar + pad, y + pad),
    ],
  };
}
