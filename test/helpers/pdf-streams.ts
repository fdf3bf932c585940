import { inflateSync } from 'node:zlib';

/**
 * Every stream of a PDF in file order, cut by its dictionary's /Length and
 * skipped over whole: compressed bytes may hold "\r", "stream" or "\nendstream",
 * so a pattern that looks for the keywords can cut a stream short.
 */
export function pdfStreams(pdf: Buffer): { dict: string; data: Buffer }[] {
  const text = pdf.toString('latin1');
  const out: { dict: string; data: Buffer }[] = [];
  const keyword = />>\s*stream\r?\n/g;
  for (let m = keyword.exec(text); m; m = keyword.exec(text)) {
    const dict = text.slice(text.lastIndexOf(' obj', m.index), m.index);
    const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
    if (!length) throw new Error(`a stream at byte ${m.index} has no direct /Length`);
    const from = m.index + m[0].length;
    out.push({ dict, data: pdf.subarray(from, from + Number(length[1])) });
    keyword.lastIndex = from + Number(length[1]);
  }
  return out;
}

/** The deflated streams, inflated (latin1), in file order. */
export function inflatedStreams(pdf: Buffer): string[] {
  return pdfStreams(pdf)
    .filter((s) => s.dict.includes('/FlateDecode'))
    .map((s) => inflateSync(s.data).toString('latin1'));
}

/** The pages' drawing operators: pdfkit begins each page's stream by flipping the y axis. */
export const pageStreams = (pdf: Buffer): string[] => inflatedStreams(pdf).filter((s) => s.startsWith('1 0 0 -1 0 '));
