import { describe, expect, it } from 'vitest';
import { keepLevels, WITH_NUMBER } from '../../src/layout/keep-together.js';

/** The keep level at the break before the word starting at `word`'s first occurrence. */
const levelBefore = (text: string, word: string) => keepLevels(text, [text.indexOf(word)])[0];

describe('a count keeps its whole unit', () => {
  it.each([
    ['Đặt passcode 6 chữ số', 'số'],
    ['Chọn 2 câu hỏi bảo mật', 'hỏi'],
    ['Mật khẩu dài 8–20 ký tự', 'tự'],
    ['Lớp có 42 học sinh', 'sinh'],
  ])('%s: no break before "%s"', (text, word) => {
    expect(levelBefore(text, word)).toBe(WITH_NUMBER);
  });

  it('keeps only the unit: the word after it breaks freely', () => {
    expect(levelBefore('Đặt passcode 6 chữ số mới', 'mới')).toBe(0);
    // "chữ" alone is the unit when "số" does not follow.
    expect(levelBefore('Viết 6 chữ cái', 'cái')).toBe(0);
  });
});
