/**
 * Text pasted from Word, Zalo or Excel carries invisible characters and decomposed
 * Vietnamese; the font and the PDF want plain NFC. Every text the user gives goes
 * through here before it is checked or measured.
 */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g;
const LINE_BREAKS = /\s*[\r\n\u2028\u2029]+\s*/g;

export function cleanText(input: string): string {
  return input
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(ODD_SPACES, ' ')
    .replace(LINE_BREAKS, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Applies cleanText to every string inside a parsed YAML/JSON value. */
export function cleanDeep(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value);
  if (Array.isArray(value)) return value.map(cleanDeep);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.normalize('NFC'), cleanDeep(v)]));
  }
  return value;
}
