import { plain, type RichText } from '../content/rich-text.js';
import type { Block } from './block.js';
import type { Color, TextItem } from './display-list.js';
import type { FontId } from './fonts.js';
import { breakLines, type TextLine } from './line-break.js';
import type { Measurer } from './measure.js';
import { baselineOffset } from './theme.js';

export interface TextStyle {
  size: number;
  font: FontId;
  /** Font for **emphasis**; defaults to bold. */
  strongFont?: FontId;
  color: Color;
  /** Line height as a multiple of size. */
  leading: number;
  align?: 'left' | 'center' | 'right';
  /** Even out line lengths (for titles), instead of filling each line greedily. */
  balance?: boolean;
  /** Never leave one word alone on the last line (headings); on by default with `balance`. */
  noWidow?: boolean;
}

export interface TextBlock extends Block {
  lines: TextLine[];
  /** Widest line actually set. */
  contentWidth: number;
  /** A word had to be split between letters: the measure is too narrow for this size. */
  splitsWords: boolean;
}

/** A paragraph set in lines of at most `width` points. */
export function textBlock(text: RichText | string, width: number, style: TextStyle, m: Measurer): TextBlock {
  const rich = typeof text === 'string' ? plain(text) : text;
  const lines = breakLines(rich, width, { size: style.size, font: style.font, strongFont: style.strongFont ?? 'bold', noWidow: style.noWidow ?? !!style.balance, balance: !!style.balance }, m);
  const lineHeight = style.size * style.leading;
  const baseline = baselineOffset(style.size, lineHeight);
  return {
    width,
    height: lines.length * lineHeight,
    lines,
    contentWidth: Math.max(0, ...lines.map((l) => l.width)),
    splitsWords: lines.some((l) => l.splitWord),
    place(x, y) {
      const items: TextItem[] = [];
      lines.forEach((line, i) => {
        const shift = style.align === 'center' ? (width - line.width) / 2 : style.align === 'right' ? width - line.width : 0;
        for (const piece of line.pieces) {
          items.push({
            type: 'text',
            x: x + shift + piece.x,
            y: y + i * lineHeight + baseline,
            text: piece.text,
            font: piece.font,
            size: style.size,
            color: style.color,
            width: piece.width,
          });
        }
      });
      return items;
    },
  };
}

/**
 * The largest size (stepping down by 2 %) at which `text` fits in `maxLines`
 * lines without splitting a word, or undefined if even `minSize` does not fit.
 */
export function fitTextBlock(
  text: RichText | string,
  width: number,
  style: TextStyle,
  fit: { maxLines: number; minSize: number },
  m: Measurer,
): TextBlock | undefined {
  for (let size = style.size; size >= fit.minSize - 1e-9; size *= 0.98) {
    const block = textBlock(text, width, { ...style, size }, m);
    if (block.lines.length <= fit.maxLines && !block.splitsWords) return block;
  }
  return undefined;
}
