import type * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { shapeWord, shareShaping, splitWords } from '../../src/layout/shaping.js';

/** A stand-in for a fontkit font: every character one glyph of 500 units; counts what it shapes. */
function fakeFont() {
  const shaped: string[] = [];
  const font = {
    unitsPerEm: 1000,
    layout(text: string, ...rest: unknown[]) {
      shaped.push(rest.length ? `${text} +features` : text);
      const chars = [...text];
      return { glyphs: chars.map((c) => ({ id: c.codePointAt(0) })), positions: chars.map(() => ({ xAdvance: 500, yAdvance: 0, xOffset: 0, yOffset: 0 })) };
    },
  };
  return { font: font as unknown as fontkit.Font, shaped };
}

describe('words as pdfkit draws them', () => {
  it.each([
    ['Phường 13', ['Phường ', '13']],
    ['a  b', ['a ', ' ', 'b']],
    ['a\tb ', ['a\t', 'b ']],
    [' đầu', [' ', 'đầu']],
    ['', []],
    ['0907\u00A0028', ['0907\u00A0028']], // a no-break space is not a word end
  ])('%j → %j', (text, words) => {
    expect(splitWords(text)).toEqual(words);
    expect(splitWords(text).join('')).toBe(text);
  });
});

describe('a word shaped once per process', () => {
  it('without sharing, every call shapes again', () => {
    const { font, shaped } = fakeFont();
    shapeWord(font, 'xin');
    shapeWord(font, 'xin');
    expect(shaped).toEqual(['xin', 'xin']);
  });

  it('once shared, layout and pdfkit reuse the same shaping', () => {
    const { font, shaped } = fakeFont();
    shareShaping(font);
    shareShaping(font); // twice is once
    const run = shapeWord(font, 'xin');
    expect(shapeWord(font, 'xin')).toBe(run);
    font.layout('xin'); // pdfkit drawing the word
    expect(shaped).toEqual(['xin']);
  });

  it('gives pdfkit its own copy of the positions, which it scales in place', () => {
    const { font } = fakeFont();
    shareShaping(font);
    const drawn = font.layout('chào');
    drawn.positions[0]!.xAdvance *= 0.01;
    expect(shapeWord(font, 'chào').positions[0]!.xAdvance).toBe(500);
    expect(font.layout('chào').positions[0]!.xAdvance).toBe(500);
  });

  it('passes a call with features straight to fontkit, unshared', () => {
    const { font, shaped } = fakeFont();
    shareShaping(font);
    font.layout('xin', ['liga']);
    font.layout('xin', ['liga']);
    expect(shaped).toEqual(['xin +features', 'xin +features']);
  });
});
