/**
 * Vietnamese text typed before Unicode lives on in old spreadsheets: TCVN3 (the
 * "ABC" fonts .VnTime, .VnArial…) and VNI Windows (VNI-Times…). Both are 8-bit
 * font encodings, so the bytes read as Windows-1252 — or the text pasted into a
 * UTF-8 file — come out as Latin-1 mojibake ("Ph­êng", "Phöôøng" for "Phường").
 * This module recognises that mojibake and turns it back into Unicode.
 */

export type LegacyEncoding = 'tcvn3' | 'vni';

// ---------------------------------------------------------------------------
// TCVN3 (TCVN 5712:1993, VN3): one byte per letter.
// Each row: the legacy characters (as Windows-1252 reads the bytes) and the
// letters they stand for, in byte order: base, huyền, hỏi, ngã, sắc, nặng.
// ---------------------------------------------------------------------------
const TCVN3_ROWS: readonly (readonly [legacy: string, unicode: string])[] = [
  ['µ¶·¸¹', 'àảãáạ'], // a (plain a is ASCII)
  ['¨»¼½¾Æ', 'ăằẳẵắặ'],
  ['©ÇÈÉÊË', 'âầẩẫấậ'],
  ['ÌÎÏÐÑ', 'èẻẽéẹ'],
  ['ªÒÓÔÕÖ', 'êềểễếệ'],
  ['×ØÜÝÞ', 'ìỉĩíị'],
  ['ßáâãä', 'òỏõóọ'],
  ['«åæçèé', 'ôồổỗốộ'],
  ['¬êëìíî', 'ơờởỡớợ'],
  ['ïñòóô', 'ùủũúụ'],
  ['\u00ADõö÷øù', 'ưừửữứự'], // ư is byte 0xAD, the (invisible) soft hyphen
  ['úûüýþ', 'ỳỷỹýỵ'],
  ['®', 'đ'],
  // VN3 has codes for these seven capitals only; capitals with a tone reuse the
  // lowercase codes (the .VnTimeH fonts draw them as capitals).
  ['¡¢£¤¥¦§', 'ĂÂÊÔƠƯĐ'],
];

const TCVN3_TO_UNICODE: ReadonlyMap<string, string> = new Map(
  TCVN3_ROWS.flatMap(([legacy, unicode]) => [...legacy].map((c, i) => [c, [...unicode][i]!] as const)),
);

/** Codes of toned letters: VN3 has no capital for them, so their case is unknown. */
const TCVN3_CASELESS = new Set(
  TCVN3_ROWS.flatMap(([legacy]) => [...legacy]).filter((c) => {
    const u = TCVN3_TO_UNICODE.get(c)!;
    return !'ăâêôơưđĂÂÊÔƠƯĐ'.includes(u);
  }),
);

// ---------------------------------------------------------------------------
// VNI Windows: a base letter followed by a mark character, plus a few letters
// that have a character of their own.
// ---------------------------------------------------------------------------

/** Letters with a character of their own (i with tones, ơ, ư, đ, ỵ). */
const VNI_STANDALONE: Readonly<Record<string, string>> = {
  ô: 'ơ', Ô: 'Ơ', ö: 'ư', Ö: 'Ư', ñ: 'đ', Ñ: 'Đ',
  ì: 'ì', Ì: 'Ì', í: 'í', Í: 'Í', æ: 'ỉ', Æ: 'Ỉ', ó: 'ĩ', Ó: 'Ĩ', ò: 'ị', Ò: 'Ị',
  î: 'ỵ', Î: 'Ỵ',
};

const ACUTE = '\u0301', GRAVE = '\u0300', HOOK = '\u0309', TILDE = '\u0303', DOT = '\u0323';
const CIRCUMFLEX = '\u0302', BREVE = '\u0306';

/** Mark characters (lower and upper case) → combining marks, and the bases each may follow. */
const VNI_MARKS: readonly { chars: string; marks: readonly string[]; bases: string }[] = [
  // Tone alone: ù sắc, ø huyền, û hỏi, õ ngã, ï nặng — on a e o u y and on ơ ư (ô ö).
  { chars: 'ùÙ', marks: [ACUTE], bases: 'aeouyAEOUYôöÔÖ' },
  { chars: 'øØ', marks: [GRAVE], bases: 'aeouyAEOUYôöÔÖ' },
  { chars: 'ûÛ', marks: [HOOK], bases: 'aeouyAEOUYôöÔÖ' },
  { chars: 'õÕ', marks: [TILDE], bases: 'aeouyAEOUYôöÔÖ' },
  { chars: 'ïÏ', marks: [DOT], bases: 'aeouyAEOUYôöÔÖ' },
  // Circumflex, alone or with a tone: â, á sắc, à huyền, å hỏi, ã ngã, ä nặng — on a e o.
  { chars: 'âÂ', marks: [CIRCUMFLEX], bases: 'aeoAEO' },
  { chars: 'áÁ', marks: [CIRCUMFLEX, ACUTE], bases: 'aeoAEO' },
  { chars: 'àÀ', marks: [CIRCUMFLEX, GRAVE], bases: 'aeoAEO' },
  { chars: 'åÅ', marks: [CIRCUMFLEX, HOOK], bases: 'aeoAEO' },
  { chars: 'ãÃ', marks: [CIRCUMFLEX, TILDE], bases: 'aeoAEO' },
  { chars: 'äÄ', marks: [CIRCUMFLEX, DOT], bases: 'aeoAEO' },
  // Breve, alone or with a tone: ê, é sắc, è huyền, ú hỏi, ü ngã, ë nặng — on a only.
  { chars: 'êÊ', marks: [BREVE], bases: 'aA' },
  { chars: 'éÉ', marks: [BREVE, ACUTE], bases: 'aA' },
  { chars: 'èÈ', marks: [BREVE, GRAVE], bases: 'aA' },
  { chars: 'úÚ', marks: [BREVE, HOOK], bases: 'aA' },
  { chars: 'üÜ', marks: [BREVE, TILDE], bases: 'aA' },
  { chars: 'ëË', marks: [BREVE, DOT], bases: 'aA' },
];

const VNI_MARK_BY_CHAR: ReadonlyMap<string, { marks: string; bases: string }> = new Map(
  VNI_MARKS.flatMap(({ chars, marks, bases }) => [...chars].map((c) => [c, { marks: marks.join(''), bases }] as const)),
);

/** The combining marks for `base` + `next` if that pair is a VNI letter. */
function vniMarks(base: string | undefined, next: string | undefined): string | undefined {
  if (base === undefined || next === undefined) return undefined;
  const m = VNI_MARK_BY_CHAR.get(next);
  return m && m.bases.includes(base) ? m.marks : undefined;
}

// ---------------------------------------------------------------------------
// Detection
// ---------------------------------------------------------------------------

/** Letters only Unicode Vietnamese has: legacy mojibake never contains them. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9\u0300-\u0303\u0309\u0323]/u;

/**
 * What counts: every character U+00A1–U+00FF and every other non-ASCII letter
 * or combining mark (Œ, š, and the ạ, ư, ờ of real Unicode Vietnamese, which no
 * legacy encoding explains). Legacy text is made of these; so is a fair share
 * of ordinary French/German text, hence the share that fits the encoding matters.
 */
function isCandidate(c: string): boolean {
  const code = c.codePointAt(0)!;
  if (code < 0x80 || code === 0xa0) return false;
  return code <= 0xff || /[\p{L}\p{M}]/u.test(c);
}

interface Score {
  /** Signs only this encoding explains, each in a word that reads as a Vietnamese syllable. */
  strong: number;
  /** Strong signs no European language makes (VNI: circumflex, breve or horn marks). */
  distinctive: number;
  /** Candidate characters that the encoding can explain at all. */
  explained: number;
  /** All candidate characters. */
  candidates: number;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** Vowel groups of Vietnamese syllables, tone marks removed. */
const NUCLEI = [
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi', 'oo', 'ôô',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'ưa', 'ưi', 'ươ', 'ưu', 'uy', 'yê',
  'iêu', 'oai', 'oay', 'oeo', 'uây', 'uôi', 'ươi', 'ươu', 'uya', 'uyê', 'uyu', 'yêu',
];
/** One Vietnamese syllable, tone marks removed: initial consonant, vowel group, final consonant. */
const SYLLABLE = new RegExp(`^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?(?:${NUCLEI.join('|')})(?:ch|ng|nh|[cmnpt])?$`, 'u');

/** Whether a converted word is one Vietnamese syllable (so "Société®" or "goût" don't count). */
function isVietnameseSyllable(word: string): boolean {
  const nfd = word.toLowerCase().normalize('NFD');
  if ((nfd.match(TONE_MARKS)?.length ?? 0) > 1) return false;
  return SYLLABLE.test(nfd.replace(TONE_MARKS, '').normalize('NFC'));
}

/**
 * For each character, whether the word around it (a run of `isWordChar`)
 * reads as a Vietnamese syllable once converted with `convert`.
 */
function syllableMask(chars: readonly string[], isWordChar: (c: string) => boolean, convert: (w: string) => string): boolean[] {
  const mask = new Array<boolean>(chars.length).fill(false);
  for (let i = 0; i < chars.length; ) {
    if (!isWordChar(chars[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && isWordChar(chars[j]!)) j++;
    const ok = isVietnameseSyllable(convert(chars.slice(i, j).join('')));
    mask.fill(ok, i, j);
    i = j;
  }
  return mask;
}

/** ơ and its toned forms in TCVN3 (the letters after ư in "ươ"). */
const TCVN3_O_HORN = '¬êëìíî';
const isLower = (c: string | undefined) => c !== undefined && /\p{Ll}/u.test(c);
const isUpper = (c: string | undefined) => c !== undefined && /\p{Lu}/u.test(c);
const isTcvn3WordChar = (c: string) => /\p{L}/u.test(c) || TCVN3_TO_UNICODE.has(c);
const convertTcvn3Word = (w: string) => [...w].map((c) => TCVN3_TO_UNICODE.get(c) ?? c).join('');

function scoreTcvn3(chars: readonly string[]): Score {
  const s: Score = { strong: 0, distinctive: 0, explained: 0, candidates: 0 };
  const syllable = syllableMask(chars, isTcvn3WordChar, convertTcvn3Word);
  chars.forEach((c, i) => {
    if (!isCandidate(c)) return;
    s.candidates++;
    if (!TCVN3_TO_UNICODE.has(c)) return;
    s.explained++;
    if (!syllable[i]) return;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    const code = c.codePointAt(0)!;
    let sign: boolean;
    if (c === '\u00AD') {
      // ư: strong only in "ươ" (followed by an ơ code); a real soft hyphen
      // ("Über\u00ADsetzung") is never followed by one of those.
      sign = next !== undefined && TCVN3_O_HORN.includes(next);
    } else if (code <= 0xbe || c === '×' || c === '÷') {
      // Symbols (¸ µ © ª « ® × …) inside a word are letters in TCVN3.
      sign = isTcvn3WordChar(prev ?? ' ') || isTcvn3WordChar(next ?? ' ');
    } else if (c !== c.toLowerCase()) {
      // A capital right after a small letter ("ViÖt", "NguyÔn", "ThÞ").
      sign = isLower(prev);
    } else {
      // A small letter inside a word in capitals ("CéNG", "CHñ"): a toned capital.
      sign = isUpper(prev) && (isUpper(next) || isUpper(chars[i - 2]));
    }
    if (sign) s.strong++;
  });
  // Every TCVN3 sign above is one no European text makes inside a syllable.
  s.distinctive = s.strong;
  return s;
}

const isVniWordChar = (c: string) => /\p{L}/u.test(c);
/** Marks that put a circumflex or breve on the letter before (â á à å ã ä / ê é è ú ü ë). */
const VNI_SHAPE_MARKS = 'âáàåãäÂÁÀÅÃÄêéèúüëÊÉÈÚÜË';

function scoreVni(chars: readonly string[]): Score {
  const s: Score = { strong: 0, distinctive: 0, explained: 0, candidates: 0 };
  const syllable = syllableMask(chars, isVniWordChar, convertVniWord);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const next = chars[i + 1];
    if (vniMarks(c, next) !== undefined) {
      // A valid base + mark pair ("aù", "eä", "öø").
      s.explained++;
      s.candidates++;
      if (isCandidate(c)) {
        s.explained++;
        s.candidates++;
      }
      if (syllable[i]) {
        s.strong++;
        // French "où", "goût" make tone pairs; only Vietnamese makes ấ, ằ, ờ, ừ.
        if (VNI_SHAPE_MARKS.includes(next!) || 'ôöÔÖ'.includes(c)) s.distinctive++;
      }
      i++;
      continue;
    }
    if (!isCandidate(c)) continue;
    s.candidates++;
    if (c in VNI_STANDALONE) s.explained++;
  }
  return s;
}

/**
 * Thresholds: at least 3 signs (one of them distinctive), at least 90% of the
 * non-ASCII characters explained (so real Unicode Vietnamese, whose ạ ư ờ are
 * not, is never flagged) and signs in at least a quarter of them.
 */
const MIN_STRONG = 3;
const MIN_DISTINCTIVE = 1;
const MIN_EXPLAINED_SHARE = 0.9;
const MIN_STRONG_SHARE = 0.25;

function passes(s: Score): boolean {
  return (
    s.strong >= MIN_STRONG &&
    s.distinctive >= MIN_DISTINCTIVE &&
    s.explained >= MIN_EXPLAINED_SHARE * s.candidates &&
    s.strong >= MIN_STRONG_SHARE * s.candidates
  );
}

/**
 * Whether either score could pass, counted in one pass over the text: both
 * encodings explain only characters U+00A1–U+00FF, and every sign is explained.
 * Unicode Vietnamese (ạ ư ờ ố: Latin Extended letters, or combining marks, all
 * candidates) fails here at once, without scoring syllables.
 */
function mayPass(text: string): boolean {
  let latin1 = 0;
  let otherCandidates = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0xa1) continue;
    if (code <= 0xff) latin1++;
    // Letters and marks for sure (a lower bound on the other candidates is enough).
    else if ((code >= 0x100 && code <= 0x24f) || (code >= 0x300 && code <= 0x36f) || (code >= 0x1e00 && code <= 0x1eff)) otherCandidates++;
  }
  return latin1 >= MIN_STRONG && latin1 >= MIN_EXPLAINED_SHARE * (latin1 + otherCandidates);
}

/**
 * Which legacy encoding `text` (legacy bytes read as Windows-1252, or mojibake
 * inside a UTF-8 file) is written in, or undefined when there is no strong sign
 * of one. Unicode Vietnamese, ASCII and ordinary Latin-1 text give undefined.
 */
export function detectLegacyVietnamese(text: string): LegacyEncoding | undefined {
  if (!mayPass(text)) return undefined;
  const chars = [...text];
  const tcvn3 = scoreTcvn3(chars);
  const vni = scoreVni(chars);
  const okTcvn3 = passes(tcvn3);
  const okVni = passes(vni);
  if (okTcvn3 && okVni) return tcvn3.strong / tcvn3.candidates >= vni.strong / vni.candidates ? 'tcvn3' : 'vni';
  if (okTcvn3) return 'tcvn3';
  if (okVni) return 'vni';
  return undefined;
}

// ---------------------------------------------------------------------------
// Conversion
// ---------------------------------------------------------------------------

/** Words that already hold Unicode Vietnamese are left alone (a cell fixed by hand). */
function mapWords(text: string, convert: (word: string) => string): string {
  return text.replace(/\S+/gu, (word) => (UNICODE_VIETNAMESE.test(word) ? word : convert(word)));
}

function convertVniWord(word: string): string {
  const chars = [...word];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const marks = vniMarks(c, chars[i + 1]);
    if (marks !== undefined) {
      out += (VNI_STANDALONE[c] ?? c) + marks;
      i++;
    } else {
      out += VNI_STANDALONE[c] ?? c;
    }
  }
  return out;
}

type WordCase = 'upper' | 'title' | 'lower' | 'capOrLower' | 'unknown' | 'none';

/**
 * Case of a TCVN3 word, judged from its letters that do have a case (toned
 * letters don't): "PH¦êNG", "ñY" upper; "Ph\u00ADêng" title; "nh©n" lower;
 * "¸nh" capOrLower (Ánh or ánh); "Hµ", "ë" unknown (Hà or HÀ, ở or Ở).
 */
function tcvn3WordCase(word: string): WordCase {
  let letters = 0;
  let firstCaseless = false;
  let firstUpper = false;
  let lowerSeen = false;
  let upperAfterFirst = false;
  for (const c of word) {
    const u = TCVN3_TO_UNICODE.get(c) ?? c;
    if (!/\p{L}/u.test(u)) continue;
    const caseless = TCVN3_CASELESS.has(c);
    const upper = !caseless && u !== u.toLowerCase();
    if (letters === 0) {
      firstCaseless = caseless;
      firstUpper = upper;
    } else if (upper) upperAfterFirst = true;
    if (!caseless && !upper) lowerSeen = true;
    letters++;
  }
  if (letters === 0) return 'none';
  if (lowerSeen) return firstUpper ? 'title' : firstCaseless ? 'capOrLower' : 'lower';
  return upperAfterFirst ? 'upper' : 'unknown';
}

/**
 * VN3 has no toned capitals: text typed in capitals ("PH¦êNG") or a name
 * starting with one ("¸nh") stores them as small letters. Put the capitals back
 * where the word itself shows it (capitals after its first letter), or where the
 * word cannot tell and the nearest telling words either side, in the same cell,
 * agree: all in capitals → capitals; all Title Case (names, addresses) → capital
 * first letter. Otherwise the letters stay small.
 */
function convertTcvn3Segment(segment: string): string {
  const parts = segment.split(/(\s+)/u);
  const cases = parts.map((p, i): WordCase => (i % 2 === 1 || UNICODE_VIETNAMESE.test(p) ? 'none' : tcvn3WordCase(p)));
  const neighbour = (i: number, step: number): WordCase | undefined => {
    for (let j = i + step; j >= 0 && j < parts.length; j += step) {
      const c = cases[j]!;
      if (c === 'lower' || c === 'upper' || c === 'title') return c;
    }
    return undefined;
  };
  return parts
    .map((word, i) => {
      if (i % 2 === 1 || UNICODE_VIETNAMESE.test(word)) return word;
      const own = cases[i]!;
      let mode: 'small' | 'all' | 'first' = own === 'upper' ? 'all' : 'small';
      if (own === 'unknown' || own === 'capOrLower') {
        const around = [neighbour(i, -1), neighbour(i, 1)].filter((c) => c !== undefined);
        if (around.length > 0 && own === 'unknown' && around.every((c) => c === 'upper')) mode = 'all';
        else if (around.length > 0 && around.every((c) => c === 'upper' || c === 'title')) mode = 'first';
      }
      let firstLetter = true;
      return [...word]
        .map((c) => {
          const u = TCVN3_TO_UNICODE.get(c) ?? c;
          const isFirst = firstLetter && /\p{L}/u.test(u);
          if (isFirst) firstLetter = false;
          const up = TCVN3_CASELESS.has(c) && (mode === 'all' || (mode === 'first' && isFirst));
          return up ? u.toUpperCase() : u;
        })
        .join('');
    })
    .join('');
}

/** `text` in proper (NFC) Unicode, read as `enc`. */
export function convertLegacyVietnamese(text: string, enc: LegacyEncoding): string {
  const out =
    enc === 'vni'
      ? mapWords(text, convertVniWord)
      : // Cells and lines are separate contexts for guessing capitals.
        text
          .split(/([\r\n\t,;|]+)/u)
          .map((seg, i) => (i % 2 === 1 ? seg : convertTcvn3Segment(seg)))
          .join('');
  return out.normalize('NFC');
}
