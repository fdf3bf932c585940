import type { GuideStep } from '../../content/guide-markdown.js';
import { row, stack, type Block } from '../../layout/block.js';
import { textBlock } from '../../layout/text-block.js';
import { LEADING } from '../../layout/theme.js';
import { numberedItem } from './numbered-item.js';
import type { PartContext } from './part-context.js';

export interface StepListStyle {
  /** Text scale chosen by the fitting step (1 = the design size). */
  scale: number;
  /** Extra space between steps, from the page's slack. */
  extraGap?: number;
  /** Steps flow down the first column, then the second. */
  columns: 1 | 2;
  /** The number of the first step shown (a back page continues the front's numbering). */
  firstNumber?: number;
}

/** Numbered steps: a large red disc with the number, a bold title, body and bullets. */
export function stepList(steps: GuideStep[], width: number, style: StepListStyle, c: PartContext): Block {
  const gutter = 14 * c.k;
  if (style.columns === 1 || steps.length < 2) return stack(stepBlocks(steps, width, style, c), stepGap(style, c));
  const colW = (width - gutter) / 2;
  const blocks = stepBlocks(steps, colW, style, c);
  // Split where the taller column is shortest, keeping the reading order.
  let best = { split: 1, height: Infinity };
  for (let split = 1; split < blocks.length; split++) {
    const h = Math.max(stack(blocks.slice(0, split), stepGap(style, c)).height, stack(blocks.slice(split), stepGap(style, c)).height);
    if (h < best.height) best = { split, height: h };
  }
  return row([stack(blocks.slice(0, best.split), stepGap(style, c)), stack(blocks.slice(best.split), stepGap(style, c))], gutter);
}

const stepGap = (style: StepListStyle, c: PartContext) => 7 * style.scale * c.k + (style.extraGap ?? 0);

function stepBlocks(steps: GuideStep[], width: number, style: StepListStyle, c: PartContext): Block[] {
  const { k, m } = c;
  const s = style.scale * k;
  const disc = 22 * s;
  const indent = disc + 9 * s;
  const textW = width - indent;
  const body = { size: 10 * s, font: 'regular' as const, strongFont: 'bold' as const, color: c.colors.ink, leading: LEADING.body };
  const bulletIndent = 9 * s;

  return steps.map((step, i): Block => {
    const title = textBlock(step.title, textW, { size: 11.5 * s, font: 'bold', strongFont: 'extrabold', color: c.colors.ink, leading: LEADING.heading, noWidow: true }, m);
    const paragraphs = step.paragraphs.map((p) => textBlock(p, textW, body, m));
    const bullets = step.bullets.map((b) => bulletBlock(textBlock(b, textW - bulletIndent, body, m), bulletIndent, body.size, c));
    const content = stack([title, ...paragraphs, ...bullets], 2.5 * s);
    return numberedItem((style.firstNumber ?? 1) + i, content, { disc, numberSize: 13 * s, gap: indent - disc, width }, c);
  });
}

function bulletBlock(text: Block, indent: number, size: number, c: PartContext): Block {
  return {
    width: text.width + indent,
    height: text.height,
    place(x, y) {
      const r = size * 0.14;
      return [{ type: 'circle', cx: x + indent * 0.35, cy: y + size * 0.78, r, fill: c.colors.primary }, ...text.place(x + indent, y)];
    },
  };
}
