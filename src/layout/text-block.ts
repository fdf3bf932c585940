import { plain, type RichText } from '../content/rich-text.js';
import type { Block } from './block.js';
import type { Color, TextItem } from './display-list.js';
import type { FontId } from './fonts.js';
import { breakLines, type BreakStyle, type TextLine } from './line-break.js';
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
  const breakStyle = { size: style.size, font: style.font, strongFont: style.strongFont ?? 'bold', noWidow: style.noWidow ?? !!style.balance };
  const lines = setLines(rich, width, breakStyle, !!style.balance, m);
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
 * Lines of a paragraph: the same text, measure and style always break the same
 * way, so each is broken once and kept (a sticker batch sets its reminder and
 * footer on every label, several times while its scale is searched).
 */
const setParagraphs = new WeakMap<Measurer, Map<string, TextLine[]>>();

function setLines(rich: RichText, width: number, breakStyle: BreakStyle, balance: boolean, m: Measurer): TextLine[] {
  let memo = setParagraphs.get(m);
  if (!memo) setParagraphs.set(m, (memo = new Map()));
  const text = rich.length === 1 ? `${rich[0]!.strong ? 1 : 0}${rich[0]!.text}` : rich.map((sp) => `${sp.strong ? 1 : 0}${sp.text}`).join('\u0000');
  const key = `${width}|${breakStyle.size}|${breakStyle.font}|${breakStyle.strongFont}|${breakStyle.noWidow}|${balance}|${text}`;
  let lines = memo.get(key);
  if (!lines) {
    lines = breakLines(rich, width, breakStyle, m);
    if (balance && lines.length > 1) {
      // The narrowest measure that needs no extra line, and breaks no more groups kept
      // together (a name, a number with its label), gives the most even lines.
      const broken = (ls: TextLine[]) => ls.reduce((n, l) => n + (l.brokeGroup ? 1 : 0), 0);
      const limit = broken(lines);
      let lo = width / lines.length;
      let hi = width;
      for (let i = 0; i < 10; i++) {
        const mid = (lo + hi) / 2;
        const trial = breakLines(rich, mid, breakStyle, m);
        if (trial.length > lines.length || broken(trial) > limit) lo = mid;
        else hi = mid;
      }
      lines = breakLines(rich, hi, breakStyle, m);
    }
    // Every label of a batch brings a new name: keep the memo from growing without end.
    if (memo.size > 1_000) memo.clear();
    memo.set(key, lines);
  }
  return lines;
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
