/**
 * Where Vietnamese print text should not break, beyond what UAX #14 forbids.
 * Readers are often elderly: "Phường / 13", "ĐT 0907 028 / 318" or "7:30– / 17:00"
 * make them put a number together across two lines, or misread it.
 *
 * Every rule marks a stretch of the text; a break opportunity strictly inside it
 * gets that rule's level. The line breaker keeps a group together while it fits
 * on a line, and breaks inside it, weakest joints first, only when it does not.
 */

/** An ordinary break opportunity. */
export const FREE = 0;
/** Words read as one: a name ("Ngọc Lan"), a dash and what it introduces ("– Tòa B"). */
export const WORDS = 1;
/** A number and its label or unit: "Phường 13", "Tòa A", "ĐT 0907…", "6 chữ số". */
export const WITH_NUMBER = 2;
/** Inside one number: a phone number's groups, a time or number range. */
export const IN_NUMBER = 3;

const LETTER = String.raw`\p{L}\p{M}*`;
const NOT_IN_WORD = String.raw`(?<![\p{L}\p{M}\d])`;
const SPACE = String.raw`[ \u00a0]`;
/** A number as printed: "13", "31/3/2027", "7:30", "7h30", "1.000", "6A1". */
const NUMBER = String.raw`\d+(?:[.,:/h]\d+)*(?:\p{Lu}\d*)?`;
/** A count or house number, or a range of them: "6", "48/2", "8–20" (not a time, nor a code like "06"). */
const COUNT = String.raw`[1-9]\d*(?:[./]\d+)*(?:${SPACE}*[–—-]${SPACE}*\d+)?`;
/** Where a count starts: not inside a number, nor a phone number's last group. */
const COUNT_START = String.raw`(?<![\p{L}\p{M}\d.,:/–—-]|\d${SPACE})`;
const AFTER_WORD = String.raw`(?<=\p{L}\p{M}*${SPACE}+)`;
const NOT_AFTER_WORD = String.raw`(?<!\p{L}\p{M}*${SPACE}+)`;
/** Both cases of each word's first letter: "[Ss]ố", as labels start a sentence or not. */
const anyCase = (words: string[]) => words.map((w) => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`).join('|');
/** Labels of more than one word before a number ("ĐT", "SĐT", "Hotline", "Phường" are one word). */
const LONG_LABELS = anyCase(['số điện thoại', 'điện thoại', 'đường dây nóng', 'tổng đài', 'hỗ trợ', 'liên hệ', 'đề án', 'khu phố', 'tổ dân phố']);
/** One-word labels of a phone number. */
const PHONE_WORDS = 'ĐT|SĐT|[Hh]otline|Tel|Zalo';
/** A code that names a block, a lot or a class: "A", "B2", "Đ". */
const CODE = String.raw`[A-ZĐ]\d{0,3}(?![\p{L}\p{M}\d])`;
/** Words whose number names one thing rather than counts ("mức 2 dùng được", not a count of "dùng"). */
const NAMING = anyCase(['mức', 'số', 'phường', 'quận', 'huyện', 'xã', 'tòa', 'lô', 'bước', 'lớp', 'ngày', 'tháng', 'năm', 'tầng', 'phòng', 'khu', 'tổ', 'ấp', 'thôn', 'xóm', 'khóm', 'hẻm', 'ngõ', 'kiệt', 'căn', 'cổng', 'quầy', 'án', 'đường']);

type Rule = [level: number, pattern: RegExp];

/**
 * Each pattern matches the stretch to keep whole, up to where the next part
 * starts (most end in a lookahead for it), with the text of a lookbehind named
 * `before`: no break inside that stretch or at its end.
 */
const RULES: Rule[] = [
  // Number groups read as one: "0907 028 318", "028 3841 1234", "1900 1234", "+84 907 028 318".
  [IN_NUMBER, new RegExp(String.raw`(?=[+\d])(?<![\d\p{L}])(?:\+\d{1,3}|\d{2,4})(?:${SPACE}\d{2,4})+(?!\d)`, 'gu')],
  // Ranges: "7:30–11:30", "7:30 – 11:30", "8–20". UAX #14 allows a break after the dash.
  [IN_NUMBER, new RegExp(String.raw`(?=\d)${NOT_IN_WORD}${NUMBER}${SPACE}*[–—-]${SPACE}*(?=\d)`, 'gu')],
  // Document numbers: "26/2023/QH15", "69/2024/NĐ-CP", "566/UBND" (UAX #14 breaks after "/" and "-").
  [IN_NUMBER, new RegExp(String.raw`(?=\d)${NOT_IN_WORD}\d+(?:/[\p{Lu}\p{M}\d]+(?:-[\p{Lu}\p{M}\d]+)*)+`, 'gu')],
  // A label with the number or code after it: "Phường 13", "mức 2", "ngày 31/3/2027",
  // "ĐT 0907…", "Hỗ trợ: 0907…", "Tòa A", "lớp 6A1", "(Quận 1)". Any short word keeps a
  // short number or a code; a long number (a year, a phone) only its known label. Found
  // from the number, looking back for the label (`before`): numbers are rarer than words.
  [WITH_NUMBER, new RegExp(String.raw`(?=[+\d])(?<=${NOT_IN_WORD}(?<before>(?:${LONG_LABELS}|${NAMING}|${PHONE_WORDS}):?${SPACE}+))`, 'gu')],
  [WITH_NUMBER, new RegExp(String.raw`(?=\d{1,3}(?!\d)|${CODE})(?<=${NOT_IN_WORD}(?<before>(?:${LETTER}){1,7}:?${SPACE}+))`, 'gu')],
  // A count with the word after it, so it never ends a line bare: "6 chữ số", "2 câu hỏi",
  // "8–20 ký tự". After a word, only a lowercase word, and not after a naming word.
  [WITH_NUMBER, new RegExp(String.raw`(?=[1-9])${COUNT_START}${AFTER_WORD}(?<!${NOT_IN_WORD}(?:${NAMING})${SPACE}+)${COUNT}${SPACE}+(?=\p{Ll})`, 'gu')],
  // ...and a house number at the start of an address: "125 Nơ Trang Long".
  [WITH_NUMBER, new RegExp(String.raw`(?=[1-9])${COUNT_START}${NOT_AFTER_WORD}${COUNT}${SPACE}+(?=\p{L})`, 'gu')],
  // A hyphenated word is one word: "Wi-Fi" (the dash of a range or code is ruled above).
  [WORDS, new RegExp(String.raw`(?=-)(?<=[\p{L}\p{M}\d])-(?=[\p{L}\d])`, 'gu')],
  // A dash stays with what it introduces: "Ngọc Lan / – Tòa B", never "– / Tòa B".
  [WORDS, new RegExp(String.raw`(?=[–—-])(?:[–—]|(?<=${SPACE})-)${SPACE}*(?=[\p{L}\d])`, 'gu')],
  // Names are runs of capitalised syllables: "Ngọc Lan", "Bình Thạnh", "Thứ Hai" (not ALL CAPS, not "VNeID").
  [WORDS, new RegExp(String.raw`(?=\p{Lu})${NOT_IN_WORD}\p{Lu}\p{M}*(?:\p{Ll}\p{M}*)*${SPACE}+(?=\p{Lu}\p{M}*(?:\p{Ll}\p{M}*)*(?![\p{L}\p{M}\d]))`, 'gu')],
];

/**
 * For each break opportunity at `positions` (offsets into `text`, where a line
 * could start), how strongly the text either side belongs together, from FREE
 * to IN_NUMBER.
 */
export function keepLevels(text: string, positions: readonly number[]): Uint8Array {
  // level[i]: the strongest rule that forbids a break just before text[i].
  const level = new Uint8Array(text.length + 1);
  for (const [rule, pattern] of RULES) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index - (match.groups?.before?.length ?? 0);
      const end = match.index + match[0].length;
      for (let i = start + 1; i <= end; i++) if (level[i]! < rule) level[i] = rule;
    }
  }
  return Uint8Array.from(positions, (p) => level[p] ?? FREE);
}
