import { describe, expect, it } from 'vitest';
import type { RichText } from '../../src/content/rich-text.js';
import type { TextItem } from '../../src/layout/display-list.js';
import { fitTextBlock, textBlock, type TextStyle } from '../../src/layout/text-block.js';
import { monoMeasurer } from '../helpers/mono.js';

// Plain data: every regular character is half an em (5 pt at 10 pt), bold 0.6 em
// (helpers/mono.ts), so each width below is counted by hand. Lowercase words
// without numbers: no keep-together rule applies (those are in line-break.test.ts).
const m = monoMeasurer();
const STYLE: TextStyle = { size: 10, font: 'regular', color: '#1B1F24', leading: 1.2 };
const SIX = 'mot hai ba bon nam sau'; // 22 characters, 110 pt

const texts = (items: unknown[]) => items as TextItem[];
const lineTexts = (b: ReturnType<typeof textBlock>) => b.lines.map((l) => l.pieces.map((p) => p.text).join(''));

describe('a text block', () => {
  it('sets greedy lines no wider than its measure, and is as tall as its lines', () => {
    const b = textBlock('mot hai ba bon nam', 60, STYLE, m);
    expect(lineTexts(b)).toEqual(['mot hai ba', 'bon nam']);
    expect(b.lines.map((l) => l.width)).toEqual([50, 35]);
    expect([b.width, b.height, b.contentWidth, b.splitsWords]).toEqual([60, 24, 50, false]);
  });

  it('places each line a line height below the one before, on its baseline, in its style', () => {
    const items = texts(textBlock('mot hai ba bon nam', 60, STYLE, m).place(100, 200));
    // Baseline: (12 − 1.265 × 10) / 2 + 10 = 9.675 pt below the line's top.
    expect(items.map((i) => [i.text, i.x, i.y])).toEqual([
      ['mot hai ba', 100, 209.675],
      ['bon nam', 100, 221.675],
    ]);
    expect(items.every((i) => i.type === 'text' && i.size === 10 && i.font === 'regular' && i.color === '#1B1F24')).toBe(true);
    expect(items.map((i) => i.width)).toEqual([50, 35]);
  });

  it('centres or right-aligns each line within its measure', () => {
    const x = (align: 'center' | 'right') => texts(textBlock('mot hai ba bon nam', 60, { ...STYLE, align }, m).place(0, 0)).map((i) => i.x);
    expect(x('center')).toEqual([5, 12.5]);
    expect(x('right')).toEqual([10, 25]);
  });

  it('sets emphasis in the strong font, bold unless the style says otherwise, each piece after the last', () => {
    const rich: RichText = [
      { text: 'mot ', strong: false },
      { text: 'hai', strong: true },
      { text: ' ba', strong: false },
    ];
    const pieces = (style: TextStyle) => textBlock(rich, 200, style, m).lines[0]!.pieces.map((p) => [p.text, p.font, p.x, p.width]);
    expect(pieces(STYLE)).toEqual([
      ['mot ', 'regular', 0, 20],
      ['hai', 'bold', 20, 18],
      [' ba', 'regular', 38, 15],
    ]);
    expect(pieces({ ...STYLE, strongFont: 'extrabold' })[1]).toEqual(['hai', 'extrabold', 20, 19.5]);
  });

  it('splits a word wider than the measure between letters, and says so', () => {
    const b = textBlock('abcdefghij', 30, STYLE, m);
    expect(lineTexts(b)).toEqual(['abcdef', 'ghij']);
    expect(b.splitsWords).toBe(true);
  });

  it('of no text is empty', () => {
    const b = textBlock('', 60, STYLE, m);
    expect([b.lines.length, b.height, b.contentWidth, b.place(0, 0).length]).toEqual([0, 0, 0, 0]);
  });

  it('balanced: the same number of lines, as even as they come, its measure unchanged', () => {
    expect(lineTexts(textBlock(SIX, 100, STYLE, m))).toEqual(['mot hai ba bon nam', 'sau']);
    const b = textBlock(SIX, 100, { ...STYLE, balance: true }, m);
    expect(lineTexts(b)).toEqual(['mot hai ba', 'bon nam sau']);
    expect([b.width, b.contentWidth]).toEqual([100, 55]);
  });

  it('without a widow: a heading takes a word down to keep the last one company', () => {
    expect(lineTexts(textBlock(SIX, 100, { ...STYLE, noWidow: true }, m))).toEqual(['mot hai ba bon', 'nam sau']);
  });
});

describe('fitting a text block', () => {
  const sizeOf = (b: ReturnType<typeof fitTextBlock>) => texts(b!.place(0, 0))[0]!.size;

  it('keeps the style size when the text fits at it', () => {
    expect(sizeOf(fitTextBlock(SIX, 120, STYLE, { maxLines: 1, minSize: 8 }, m))).toBe(10);
  });

  it('steps the size down by 2 % until the lines fit: 22 characters in 100 pt on one line need 9.09 pt or less', () => {
    const b = fitTextBlock(SIX, 100, STYLE, { maxLines: 1, minSize: 8 }, m);
    expect(b!.lines).toHaveLength(1);
    expect(sizeOf(b)).toBeCloseTo(10 * 0.98 ** 5, 9); // 9.039; 10 × 0.98⁴ = 9.224 is too large
  });

  it('steps down rather than split a word', () => {
    // 12 letters at 10 pt are 60 pt: split in 50 pt; whole from 8.33 pt down.
    const b = fitTextBlock('abcdefghijkl', 50, STYLE, { maxLines: 3, minSize: 8 }, m);
    expect(lineTexts(b!)).toEqual(['abcdefghijkl']);
    expect(sizeOf(b)).toBeCloseTo(10 * 0.98 ** 10, 9);
  });

  it('gives up below the smallest size', () => {
    expect(fitTextBlock(SIX, 100, STYLE, { maxLines: 1, minSize: 9.1 }, m)).toBeUndefined();
  });
});
