/**
 * Where Vietnamese print text should not break, beyond what UAX #14 forbids.
 * Readers are often elderly: "Phường / 13", "ĐT 0907 028 / 318" or "7:30– / 17:00"
 * make them put a number together across two lines, or misread it.
 *
 * Every rule marks a stretch of the text; a break opportunity inside it gets that
 * rule's level. The line breaker keeps a group together while it fits on a line,
 * and breaks inside it, weakest joints first, only when it does not.
 */

/** An ordinary break opportunity. */
export const FREE = 0;
/** A dash and what it introduces ("– Tòa B"), a place and its kind ("phường Bình Thạnh"). */
const PHRASE = 1;
/** One name or word: "Ngọc Lan", "Wi-Fi". */
const NAME = 2;
/** A number and its label or unit: "Phường 13", "Tòa A", "ĐT 0907…", "6 chữ số". */
export const WITH_NUMBER = 3;
/** Inside one number: a phone number's groups, a time or number range, a document number. */
export const IN_NUMBER = 4;

// Letters are spelled out for the Latin script, the only one Vietnamese needs and the
// font draws: Unicode property classes took 20–40 ms to compile in every process.
const LETTERS = String.raw`A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0300-\u036F`;
const UPPER = 'A-ZÀ-ÖØ-ÞĂĐĨŨƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ';
const LOWER = 'a-zß-öø-ÿăđĩũơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ';
const MARKS = String.raw`\u0300-\u036F`;
const LETTER = `[${LETTERS}]`;
const NOT_IN_WORD = String.raw`(?<![${LETTERS}\d])`;
const NOT_BEFORE_WORD = String.raw`(?![${LETTERS}\d])`;
const SPACE = String.raw`[ \u00a0]`;
/** En dash, em dash, hyphen: written as escapes, as every character outside ASCII in a String.raw, so the bundle stays ASCII (V8 then keeps its source at one byte a character: 3 MB less in the startup snapshot). */
const DASHES = String.raw`\u2013\u2014-`;
/** A number as printed: "13", "31/3/2027", "7:30", "7h30", "1.000", "6A1". */
const NUMBER = String.raw`\d+(?:[.,:/h]\d+)*(?:[${UPPER}]\d*)?`;
/** A count or house number, or a range of them: "6", "48/2", "8–20" (not a time, nor a code like "06"). */
const COUNT = String.raw`[1-9]\d*(?:[./]\d+)*(?:${SPACE}*[${DASHES}]${SPACE}*\d+)?`;
/** Where a count starts: not inside a number, nor a phone number's last group. */
const COUNT_START = String.raw`(?<![${LETTERS}\d.,:/${DASHES}]|\d${SPACE})`;
/** A capitalised word: "Ngọc", "Tòa", "B" (not "VNeID", not ALL CAPS). */
const CAPITALISED = String.raw`[${UPPER}][${LOWER}${MARKS}]*${NOT_BEFORE_WORD}`;
/** A code that names a block, a lot or a class: "A", "B2", "Đ". */
const CODE = String.raw`[A-Z\u0110]\d{0,3}${NOT_BEFORE_WORD}`;

/** Both cases of each label's first letter ("[Ss]ố"): labels start sentences too. */
const anyCase = (words: string[]) => words.map((w) => `[${w[0]!.toUpperCase()}${w[0]!}]${w.slice(1)}`).join('|');
/** Labels of more than one word before a number; "cập nhật" dates every print's content stamp. */
const LONG_LABELS = anyCase(['số điện thoại', 'điện thoại', 'đường dây nóng', 'tổng đài', 'hỗ trợ', 'liên hệ', 'đề án', 'khu phố', 'tổ dân phố', 'cập nhật']);
/** One-word labels of a phone number. */
const PHONE_WORDS = 'ĐT|SĐT|[Hh]otline|Tel|Zalo';
/** Kinds of places before their names. */
const PLACES = anyCase(['phường', 'quận', 'huyện', 'xã', 'tỉnh', 'thành phố', 'thị xã', 'thị trấn', 'đường', 'khu phố', 'ấp', 'thôn']);
/** Words whose number names one thing rather than counts: "mức 2 dùng được" is not two of "dùng". */
const NAMING = anyCase(['mức', 'số', 'phường', 'quận', 'huyện', 'xã', 'tòa', 'lô', 'bước', 'lớp', 'ngày', 'tháng', 'năm', 'tầng', 'phòng', 'khu', 'tổ', 'ấp', 'thôn', 'xóm', 'khóm', 'hẻm', 'ngõ', 'kiệt', 'căn', 'cổng', 'quầy', 'án', 'đường']);

/** Units of two syllables after a count, read as one word: "6 chữ số", never "6 chữ / số". */
const UNIT_PAIRS = [
  ['chữ', 'số'],
  ['câu', 'hỏi'],
  ['ký', 'tự'],
  ['học', 'sinh'],
  ['tòa', 'nhà'],
  ['ngày', 'làm việc'],
];
const UNIT_FIRST = UNIT_PAIRS.map(([first, rest]) => `${first}(?=${SPACE}+${rest}${NOT_BEFORE_WORD})`).join('|');

/** Where a rule can start: a number (or "+"), a capital letter, or a dash. Rules are tried only there. */
type Anchor = 'number' | 'capital' | 'dash';

/**
 * A rule matches, at its anchor, the stretch to keep whole up to where the next
 * part starts (most end in a lookahead for it); a rule that looks back for a label
 * captures it (the only group) and keeps it too.
 */
interface Rule {
  level: number;
  at: Anchor;
  pattern: RegExp;
  looksBack: boolean;
}
const rule = (level: number, at: Anchor, source: string, looksBack = false): Rule => ({ level, at, pattern: new RegExp(source, 'uy'), looksBack });

const RULES: Rule[] = [
  // Number groups read as one: "0907 028 318", "028 3841 1234", "1900 1234", "+84 907 028 318".
  rule(IN_NUMBER, 'number', String.raw`(?<![\d${LETTERS}])(?:\+\d{1,3}|\d{2,4})(?:${SPACE}\d{2,4})+(?!\d)`),
  // Ranges: "7:30–11:30", "7:30 – 11:30", "8–20". UAX #14 allows a break after the dash.
  rule(IN_NUMBER, 'number', String.raw`${NOT_IN_WORD}${NUMBER}${SPACE}*[${DASHES}]${SPACE}*(?=\d)`),
  // Document numbers: "26/2023/QH15", "69/2024/NĐ-CP", "566/UBND" (UAX #14 breaks after "/" and "-").
  rule(IN_NUMBER, 'number', String.raw`${NOT_IN_WORD}\d+(?:/[${UPPER}${MARKS}\d]+(?:-[${UPPER}${MARKS}\d]+)*)+`),

  // A label with the number after it: "Phường 13", "mức 2", "ngày 31/3/2027", "ĐT 0907…",
  // "Hỗ trợ: 0907…", "lớp 6A1", "(Quận 1)". A known label keeps any number; any short
  // word keeps a short plain one: not a year or a phone number ("Luật Căn cước / 2023"),
  // nor a time or a date, which read on their own ("thêm ca tối / 18:30–19:30").
  rule(WITH_NUMBER, 'number', String.raw`(?<=${NOT_IN_WORD}((?:${LONG_LABELS}|${NAMING}|${PHONE_WORDS}):?${SPACE}+))`, true),
  rule(WITH_NUMBER, 'number', String.raw`(?<=${NOT_IN_WORD}(${LETTER}{1,7}:?${SPACE}+))(?=\d{1,3}(?!\d|[.,:/h]\d))`, true),
  // ...and with a code after it: "Tòa A", "Lô C", "Block B2".
  rule(WITH_NUMBER, 'capital', String.raw`(?<=${NOT_IN_WORD}(${LETTER}{1,7}${SPACE}+))(?=${CODE})`, true),
  // A count with the word after it (the whole unit when it has two syllables), so it never
  // ends a line bare: "6 chữ số", "2 câu hỏi", "8–20 ký tự"; after a word, only a lowercase
  // word, and not after a naming word.
  rule(WITH_NUMBER, 'number', String.raw`${COUNT_START}(?<=${LETTER}${SPACE}+)(?<!${NOT_IN_WORD}(?:${NAMING})${SPACE}+)${COUNT}${SPACE}+(?:(?:${UNIT_FIRST})${SPACE}+)?(?=[${LOWER}])`),
  // ...and a house number at the start of an address: "125 Nơ Trang Long".
  rule(WITH_NUMBER, 'number', String.raw`${COUNT_START}(?<!${LETTER}${SPACE}+)${COUNT}${SPACE}+(?=${LETTER})`),

  // A hyphenated word is one word: "Wi-Fi" (a range or a document number is ruled above).
  rule(NAME, 'dash', String.raw`(?<=[${LETTERS}\d])-(?=[${LETTERS}\d])`),
  // A dash stays with what it introduces: "Ngọc Lan / – Tòa B", never "– / Tòa B".
  rule(PHRASE, 'dash', String.raw`(?:[\u2013\u2014]|(?<=${SPACE})-)${SPACE}*(?=[${LETTERS}\d])`),
  // Names are runs of capitalised syllables: "Ngọc Lan", "Bình Thạnh", "Thứ Hai"...
  rule(NAME, 'capital', String.raw`${NOT_IN_WORD}${CAPITALISED}${SPACE}+(?=${CAPITALISED})`),
  // ...and a place keeps the word saying what it is: "phường Bình Thạnh", "đường Nơ Trang Long".
  rule(PHRASE, 'capital', String.raw`(?<=${NOT_IN_WORD}(${PLACES})${SPACE}+)(?=${CAPITALISED})`, true),
];
const RULES_AT: Record<Anchor, Rule[]> = { number: [], capital: [], dash: [] };
for (const r of RULES) RULES_AT[r.at].push(r);

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

function anchorAt(text: string, i: number): Anchor | undefined {
  const c = text.charCodeAt(i);
  if (isDigit(c) || c === 0x2b) return i > 0 && isDigit(text.charCodeAt(i - 1)) ? undefined : 'number';
  if (c === 0x2d || c === 0x2013 || c === 0x2014) return 'dash';
  if ((c >= 0x41 && c <= 0x5a) || (c > 0x7f && text[i] !== text[i]!.toLowerCase())) return 'capital';
  return undefined;
}

/**
 * For each break opportunity at `positions` (offsets into `text`, where a line
 * could start), how strongly the text either side belongs together, from FREE
 * to IN_NUMBER.
 */
export function keepLevels(text: string, positions: readonly number[]): Uint8Array {
  // level[i]: the strongest rule against a break just before text[i].
  const level = new Uint8Array(text.length + 1);
  for (let i = 0; i < text.length; i++) {
    const anchor = anchorAt(text, i);
    if (!anchor) continue;
    for (const { level: strength, pattern, looksBack } of RULES_AT[anchor]) {
      pattern.lastIndex = i;
      let start = i;
      if (looksBack) {
        const match = pattern.exec(text);
        if (!match) continue;
        start -= match[1]!.length;
      } else if (!pattern.test(text)) continue;
      // A sticky pattern leaves lastIndex at the end of its match.
      for (let p = start + 1; p <= pattern.lastIndex; p++) if (level[p]! < strength) level[p] = strength;
    }
  }
  const keep = new Uint8Array(positions.length);
  for (let k = 0; k < positions.length; k++) keep[k] = level[positions[k]!]!;
  return keep;
}
