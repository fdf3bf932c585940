import type * as fontkit from 'fontkit';

/**
 * pdfkit draws a string word by word (each word with the space or tab after it)
 * and shapes every word on its own. Layout and the SVG painter split text the same
 * way, so all three agree on every width to the font unit.
 */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      words.push(text.slice(last, i + 1));
      last = i + 1;
    }
  }
  if (last < text.length) words.push(text.slice(last));
  return words;
}

type Layout = fontkit.Font['layout'];
interface Shaper {
  /** fontkit's own layout, before shareShaping replaced it. */
  shape: Layout;
  words: Map<string, fontkit.GlyphRun>;
  /** How the font sets numbers, or null when it does more than kern them (numberPieces). */
  numbers?: NumberPieces | null;
}
const shapers = new WeakMap<fontkit.Font, Shaper>();

/**
 * One word as the font shapes it, shaped once per process. The run is shared:
 * read it, never change it.
 */
export function shapeWord(font: fontkit.Font, word: string): fontkit.GlyphRun {
  const shaper = shapers.get(font);
  if (!shaper) return font.layout(word);
  let run = shaper.words.get(word);
  if (!run) {
    // A batch brings new names on every label: keep the cache from growing without end.
    if (shaper.words.size > 3_000) shaper.words.clear();
    run = (NUMBER_WORD.test(word) && numberRun(shaper, word)) || shaper.shape(word);
    shaper.words.set(word, run);
  }
  return run;
}

/**
 * A number, with the space after it, as every label of a batch has its own (a
 * block's number, a house number): fontkit spends ~50 µs on a word whatever its
 * length, and 2,000 of those were a tenth of a 1,000-sticker batch.
 */
const NUMBER_WORD = /^[0-9]+ ?$/;
const NUMBER_CHARS = [...'0123456789 '];

/** How a font sets numbers: each character shaped alone, and how much closer or further each pair is kerned. */
interface NumberPieces {
  one: Map<string, fontkit.GlyphRun>;
  kern: Map<string, number>;
}

/** The number as its characters shaped one by one, set side by side and kerned pair by pair, where the font sets numbers so. */
function numberRun(shaper: Shaper, word: string): fontkit.GlyphRun | undefined {
  if (shaper.numbers === undefined) shaper.numbers = numberPieces(shaper.shape);
  const pieces = shaper.numbers;
  if (!pieces) return undefined;
  const chars = [...word];
  const runs = chars.map((c) => pieces.one.get(c)!);
  const positions = runs.map((r, i) => {
    const p = r.positions[0]!;
    const kern = i + 1 < chars.length ? (pieces.kern.get(chars[i]! + chars[i + 1]!) ?? 0) : 0;
    return { xAdvance: p.xAdvance + kern, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset };
  });
  const first = runs[0]!;
  const run = Object.create(Object.getPrototypeOf(first) as object) as fontkit.GlyphRun;
  return Object.assign(run, first, { glyphs: runs.map((r) => r.glyphs[0]!), positions });
}

/**
 * How the font sets numbers, when each of their characters is one glyph and a
 * pair of them differs from its two glyphs side by side in nothing but the
 * first one's advance: pair kerning, which OpenType applies pair by pair along
 * a word. Null for a font that substitutes, moves or joins them otherwise.
 * test/layout/shaping.test.ts compares numbers in every face we ship with
 * fontkit's own shaping of the whole word.
 */
export function numberPieces(shape: Layout): NumberPieces | null {
  const one = new Map(NUMBER_CHARS.map((c) => [c, shape(c)]));
  if ([...one.values()].some((r) => r.glyphs.length !== 1)) return null;
  const kern = new Map<string, number>();
  for (const a of NUMBER_CHARS) {
    for (const b of NUMBER_CHARS) {
      const pair = shape(a + b);
      const [ra, rb] = [one.get(a)!, one.get(b)!];
      const [pa, pb] = [ra.positions[0]!, rb.positions[0]!];
      const [qa, qb] = pair.positions;
      const same =
        pair.glyphs.length === 2 &&
        pair.glyphs[0]!.id === ra.glyphs[0]!.id &&
        pair.glyphs[1]!.id === rb.glyphs[0]!.id &&
        qa!.yAdvance === pa.yAdvance &&
        qa!.xOffset === pa.xOffset &&
        qa!.yOffset === pa.yOffset &&
        qb!.xAdvance === pb.xAdvance &&
        qb!.yAdvance === pb.yAdvance &&
        qb!.xOffset === pb.xOffset &&
        qb!.yOffset === pb.yOffset;
      if (!same) return null;
      if (qa!.xAdvance !== pa.xAdvance) kern.set(a + b, qa!.xAdvance - pa.xAdvance);
    }
  }
  return { one, kern };
}

/**
 * Makes pdfkit, which calls `font.layout` for every word it draws, reuse the words
 * layout has already shaped. pdfkit scales a run's positions in place, so it gets
 * a copy of them.
 */
export function shareShaping(font: fontkit.Font): void {
  if (shapers.has(font)) return;
  const shape = font.layout.bind(font) as Layout;
  shapers.set(font, { shape, words: new Map() });
  font.layout = ((text: string, ...rest: unknown[]) => {
    if (rest.some((r) => r !== undefined)) return (shape as (...a: unknown[]) => fontkit.GlyphRun)(text, ...rest);
    const run = shapeWord(font, text);
    const copy = Object.create(Object.getPrototypeOf(run) as object) as fontkit.GlyphRun;
    return Object.assign(copy, run, { positions: run.positions.map((p) => ({ ...p })) });
  }) as Layout;
}
