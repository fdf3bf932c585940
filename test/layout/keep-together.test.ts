import LineBreaker from 'linebreak';
import { describe, expect, it } from 'vitest';
import { FREE, IN_NUMBER, keepLevels, WITH_NUMBER } from '../../src/layout/keep-together.js';

/** Levels of the rules not exported: a dash or a place with what follows, one name. */
const PHRASE = 1;
const NAME = 2;

/** Each break opportunity UAX #14 finds inside `text` (not its end), as "before|after" and how strongly it is kept. */
function joints(text: string): [string, number][] {
  const positions: number[] = [];
  const breaker = new LineBreaker(text);
  for (let br = breaker.nextBreak(); br; br = breaker.nextBreak()) if (br.position < text.length) positions.push(br.position);
  const levels = keepLevels(text, positions);
  return positions.map((p, i) => [`${text.slice(0, p).trimEnd().split(/\s/).pop()}|${text.slice(p).split(/\s/)[0]}`, levels[i]!]);
}

describe('where Vietnamese print text holds together', () => {
  it('ordinary words break freely', () => {
    expect(joints('mở ứng dụng rồi làm theo')).toEqual([
      ['mở|ứng', FREE],
      ['ứng|dụng', FREE],
      ['dụng|rồi', FREE],
      ['rồi|làm', FREE],
      ['làm|theo', FREE],
    ]);
  });

  it('a phone number is one number: its groups never part', () => {
    expect(joints('gọi 0907 028 318')).toEqual([
      ['gọi|0907', FREE],
      ['0907|028', IN_NUMBER],
      ['028|318', IN_NUMBER],
    ]);
  });

  it('a label keeps its number: "ĐT 0907…", "Phường 13", "mức 2"', () => {
    expect(joints('ĐT 0907 028 318')[0]).toEqual(['ĐT|0907', WITH_NUMBER]);
    expect(joints('Phường 13')).toEqual([['Phường|13', WITH_NUMBER]]);
    expect(joints('tài khoản mức 2 dùng được')).toEqual([
      ['tài|khoản', FREE],
      ['khoản|mức', FREE],
      ['mức|2', WITH_NUMBER],
      // "mức 2" names a level: 2 is not a count of what follows.
      ['2|dùng', FREE],
      ['dùng|được', FREE],
    ]);
  });

  it('the content stamp keeps its date: "Cập nhật 28/11/2026", never "Cập / nhật"', () => {
    expect(joints('theo Luật Căn cước · cập nhật 28/11/2026').slice(-3)).toEqual([
      ['·|cập', FREE],
      ['cập|nhật', WITH_NUMBER],
      ['nhật|28/11/2026', WITH_NUMBER],
    ]);
    expect(joints('Cập nhật 28/11/2026').map(([, level]) => level)).toEqual([WITH_NUMBER, WITH_NUMBER]);
  });

  it('a count keeps its unit: "6 chữ số"', () => {
    expect(joints('passcode 6 chữ số')).toEqual([
      ['passcode|6', FREE],
      ['6|chữ', WITH_NUMBER],
      // A unit of two syllables is one word.
      ['chữ|số', WITH_NUMBER],
    ]);
  });

  it('a range of times reads whole, the dash included', () => {
    expect(joints('từ 7:30–11:30')).toEqual([
      ['từ|7:30–11:30', FREE],
      ['7:30–|11:30', IN_NUMBER],
    ]);
  });

  it('a document number is one number (UAX #14 breaks before its letters); a law may part from it', () => {
    expect(joints('Luật 26/2023/QH15')).toEqual([
      ['Luật|26/2023/QH15', FREE],
      ['26/2023/|QH15', IN_NUMBER],
    ]);
  });

  it('a name holds together, a place keeps its kind, a block its letter', () => {
    expect(joints('phường Bình Thạnh')).toEqual([
      ['phường|Bình', PHRASE],
      ['Bình|Thạnh', NAME],
    ]);
    expect(joints('Chung cư Ngọc Lan – Tòa B')).toEqual([
      ['Chung|cư', FREE],
      ['cư|Ngọc', FREE],
      ['Ngọc|Lan', NAME],
      ['Lan|–', FREE],
      ['–|Tòa', PHRASE],
      ['Tòa|B', WITH_NUMBER],
    ]);
  });

  it('a hyphenated word is one word', () => {
    expect(joints('mạng Wi-Fi')).toEqual([
      ['mạng|Wi-Fi', FREE],
      ['Wi-|Fi', NAME],
    ]);
  });

  it('answers for exactly the positions asked', () => {
    expect(keepLevels('Phường 13', [])).toEqual(new Uint8Array([]));
    expect(keepLevels('Phường 13', [7, 0, 9])).toEqual(new Uint8Array([WITH_NUMBER, FREE, FREE]));
  });
});

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
