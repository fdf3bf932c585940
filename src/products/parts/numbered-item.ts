import type { Block } from '../../layout/block.js';
import type { PartContext } from './part-context.js';

/**
 * A step number in a red disc with its content beside it; content shorter than
 * the disc is centred on it, longer content starts at its top.
 */
export function numberedItem(n: number, content: Block, o: { disc: number; numberSize: number; gap: number; width: number }, c: PartContext): Block {
  const { disc, numberSize, gap, width } = o;
  return {
    width,
    height: Math.max(disc, content.height),
    place(x, y) {
      const text = String(n);
      const w = c.m.width(text, 'extrabold', numberSize);
      return [
        { type: 'circle', cx: x + disc / 2, cy: y + disc / 2, r: disc / 2, fill: c.colors.primary },
        // Digits stand about 0.72 em tall: this baseline centres them in the disc.
        { type: 'text', x: x + (disc - w) / 2, y: y + disc / 2 + 0.36 * numberSize, text, font: 'extrabold', size: numberSize, color: c.colors.onPrimary, width: w },
        ...content.place(x + disc + gap, y + (content.height < disc ? (disc - content.height) / 2 : 0)),
      ];
    },
  };
}
