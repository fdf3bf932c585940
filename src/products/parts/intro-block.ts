import type { RichText } from '../../content/rich-text.js';
import { stack, type Block } from '../../layout/block.js';
import { textBlock } from '../../layout/text-block.js';
import { LEADING } from '../../layout/theme.js';
import type { PartContext } from './part-context.js';

/** The guide's opening paragraphs (what you need, who it is for), before the steps. */
export function introBlock(intro: RichText[], width: number, scale: number, c: PartContext): Block {
  const s = scale * c.k;
  return stack(
    intro.map((p) => textBlock(p, width, { size: 10.5 * s, font: 'semibold', strongFont: 'bold', color: c.colors.ink, leading: LEADING.body }, c.m)),
    3 * s,
  );
}
