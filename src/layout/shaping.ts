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
const shared = new WeakSet<fontkit.Font>();

/**
 * Shapes each word once per process for every caller of `font.layout`: layout
 * measures a word many times while it tries sizes, and pdfkit shapes the same
 * words again to draw them. Each call gets its own positions, because pdfkit
 * scales them in place.
 */
export function shareShaping(font: fontkit.Font): void {
  if (shared.has(font)) return;
  shared.add(font);
  const shape = font.layout.bind(font) as Layout;
  const cache = new Map<string, fontkit.GlyphRun>();
  font.layout = ((text: string, ...rest: unknown[]) => {
    if (rest.some((r) => r !== undefined)) return (shape as (...a: unknown[]) => fontkit.GlyphRun)(text, ...rest);
    let run = cache.get(text);
    if (!run) {
      // A batch brings new names on every label: keep the cache from growing without end.
      if (cache.size > 5_000) cache.clear();
      run = shape(text);
      cache.set(text, run);
    }
    const copy = Object.create(Object.getPrototypeOf(run) as object) as fontkit.GlyphRun;
    return Object.assign(copy, run, { positions: run.positions.map((p) => ({ ...p })) });
  }) as Layout;
}
