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
    run = shaper.shape(word);
    shaper.words.set(word, run);
  }
  return run;
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
