import LineBreaker from 'linebreak';
import type { FontId } from './fonts.js';
import { FREE, keepLevels } from './keep-together.js';
import type { Measurer } from './measure.js';
import type { RichText } from '../content/rich-text.js';

/** A run of one font on one line, positioned from the line's start. */
export interface LinePiece {
  text: string;
  font: FontId;
  x: number;
  width: number;
}

export interface TextLine {
  pieces: LinePiece[];
  width: number;
  /** A word too long for the line was split here, between letters: fit should avoid it. */
  splitWord?: boolean;
  /** The line ends inside a group kept together (keep-together.ts), wider than the line: balance should avoid it. */
  brokeGroup?: boolean;
}

export interface BreakStyle {
  size: number;
  font: FontId;
  /** Font for emphasised spans. */
  strongFont: FontId;
  /** Never leave one word alone on the last line (for headings; body text fills its lines). */
  noWidow?: boolean;
}

interface Chunk {
  text: string;
  font: FontId;
}

/** Segments [s, e) set side by side, or `part` of segment s, a word split between letters. */
interface Placed {
  s: number;
  e: number;
  part: Chunk[] | undefined;
}
interface Line {
  placed: Placed[];
  width: number;
  splitWord?: boolean;
}

/**
 * Greedy line breaking at Unicode break opportunities (UAX #14), keeping
 * together what Vietnamese readers read as one (keep-together.ts): a group goes
 * to the next line whole if it fits there, and is broken inside, at its weakest
 * joints first, only when it is wider than a line. A word longer than the line
 * is split between characters rather than allowed to overflow.
 */
export function breakLines(rich: RichText, maxWidth: number, style: BreakStyle, m: Measurer): TextLine[] {
  const { segments, keep } = toParagraph(rich, style);
  const widthOf = (chunks: Chunk[]) => {
    let w = 0;
    for (const c of chunks) w += m.width(c.text, c.font, style.size);
    return w;
  };
  const lines: Line[] = [];
  let line: Line = { placed: [], width: 0 };
  const endLine = () => {
    lines.push(line);
    line = { placed: [], width: 0 };
  };

  // Places segments [a, b), breaking only at joints kept less than `level`.
  const place = (a: number, b: number, level: number): void => {
    for (let s = a; s < b; ) {
      let e = s + 1;
      while (e < b && keep[e - 1]! >= level) e++;
      placeGroup(s, e, level);
      s = e;
    }
  };
  const placeGroup = (s: number, e: number, level: number): void => {
    let width = 0;
    for (let i = s; i < e - 1; i++) width += widthOf(segments[i]!.chunks);
    const last = segments[e - 1]!;
    const visible = width + widthOf(last.visible);
    if (visible > maxWidth && e - s > 1) return place(s, e, level + 1);
    if (line.placed.length && line.width + visible > maxWidth) endLine();
    if (visible > maxWidth) {
      const parts = splitLongSegment(last.chunks, maxWidth, style.size, m);
      for (const part of parts.slice(0, -1)) lines.push({ placed: [{ s, e, part }], width: 0, splitWord: true });
      const rest = parts[parts.length - 1]!;
      line = { placed: [{ s, e, part: rest }], width: widthOf(rest) };
    } else {
      line.placed.push({ s, e, part: undefined });
      line.width += width + widthOf(last.chunks);
    }
    if (last.required) endLine();
  };

  place(0, segments.length, 1);
  if (line.placed.length) lines.push(line);
  if (style.noWidow) avoidWidow(lines, segments, maxWidth, widthOf);
  return lines.map((l, n) => {
    const chunks: Chunk[] = [];
    for (const p of l.placed) {
      if (p.part) chunks.push(...p.part);
      else for (let i = p.s; i < p.e; i++) chunks.push(...segments[i]!.chunks);
    }
    const end = l.placed[l.placed.length - 1];
    const brokeGroup = n < lines.length - 1 && !!end && !end.part && keep[end.e - 1]! > FREE;
    return { ...positionLine(trimEnd(mergeChunks(chunks)), style.size, m), ...(l.splitWord ? { splitWord: true } : {}), ...(brokeGroup ? { brokeGroup } : {}) };
  });
}

/**
 * A heading whose last line holds a single word looks unfinished: the last
 * group of the line before goes down to keep it company, if it fits there.
 */
function avoidWidow(lines: Line[], segments: Segment[], maxWidth: number, widthOf: (chunks: Chunk[]) => number): void {
  if (lines.length < 2) return;
  const last = lines[lines.length - 1]!;
  const prev = lines[lines.length - 2]!;
  const only = last.placed[0];
  if (last.placed.length !== 1 || !only || only.part || only.e - only.s !== 1) return;
  const moved = prev.placed[prev.placed.length - 1];
  if (!moved || moved.part || segments[moved.e - 1]!.required) return;
  // ...and not to leave a word alone on the line before instead.
  const left = prev.placed.slice(0, -1).reduce((n, p) => n + p.e - p.s, 0);
  if (left < 2) return;
  let width = widthOf(segments[only.s]!.visible);
  for (let i = moved.s; i < moved.e; i++) width += widthOf(segments[i]!.chunks);
  if (width > maxWidth) return;
  prev.placed.pop();
  last.placed.unshift(moved);
}

type Segment = { chunks: Chunk[]; /** Without the trailing spaces, which may hang past the line's end. */ visible: Chunk[]; required: boolean };
/** A paragraph's segments, and keep[i]: how strongly segments i and i + 1 stay on one line (keep-together.ts). */
interface Paragraph {
  segments: Segment[];
  keep: Uint8Array;
}

// Break opportunities depend only on the text and its fonts, not on the width or
// size: fitting tries many sizes of the same paragraph, so find them once.
const paragraphCache = new Map<string, Paragraph>();

function toParagraph(rich: RichText, style: BreakStyle): Paragraph {
  const key = `${style.font}|${style.strongFont}|${rich.map((s) => (s.strong ? '*' : '-') + s.text).join('\u0000')}`;
  let paragraph = paragraphCache.get(key);
  if (!paragraph) {
    if (paragraphCache.size > 2_000) paragraphCache.clear();
    paragraph = findSegments(rich, style);
    paragraphCache.set(key, paragraph);
  }
  return paragraph;
}

function findSegments(rich: RichText, style: BreakStyle): Paragraph {
  const text = rich.map((s) => s.text).join('');
  const fontAt: FontId[] = [];
  for (const span of rich) for (let i = 0; i < span.text.length; i++) fontAt.push(span.strong ? style.strongFont : style.font);

  const segments: Segment[] = [];
  const ends: number[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  for (let br = breaker.nextBreak(); br; br = breaker.nextBreak()) {
    const chunks: Chunk[] = [];
    for (let i = last; i < br.position; i++) {
      const ch = text[i]!;
      const prev = chunks[chunks.length - 1];
      if (prev && prev.font === fontAt[i]) prev.text += ch;
      else chunks.push({ text: ch, font: fontAt[i]! });
    }
    const trimmed = chunks.map((c) => ({ ...c, text: c.text.replace(/[\r\n]+$/, '') }));
    segments.push({ chunks: trimmed, visible: trimEnd(trimmed), required: br.required });
    ends.push(br.position);
    last = br.position;
  }
  // A required break (a new line in the text) always breaks.
  const keep = keepLevels(text, ends);
  segments.forEach((seg, i) => {
    if (seg.required) keep[i] = FREE;
  });
  return { segments, keep };
}

function splitLongSegment(chunks: Chunk[], maxWidth: number, size: number, m: Measurer): Chunk[][] {
  // Made per call, not once: an Intl object cannot be kept in the startup snapshot.
  const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
  const out: Chunk[][] = [[]];
  let width = 0;
  for (const chunk of chunks) {
    for (const { segment } of graphemes.segment(chunk.text)) {
      const w = m.width(segment, chunk.font, size);
      if (width + w > maxWidth && out[out.length - 1]!.length) {
        out.push([]);
        width = 0;
      }
      out[out.length - 1]!.push({ text: segment, font: chunk.font });
      width += w;
    }
  }
  return out.map(mergeChunks);
}

function mergeChunks(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const prev = out[out.length - 1];
    if (prev && prev.font === c.font) prev.text += c.text;
    else if (c.text) out.push({ ...c });
  }
  return out;
}

function trimEnd(chunks: Chunk[]): Chunk[] {
  const out = chunks.map((c) => ({ ...c }));
  while (out.length) {
    const last = out[out.length - 1]!;
    last.text = last.text.replace(/\s+$/, '');
    if (last.text) break;
    out.pop();
  }
  return out;
}

function positionLine(chunks: Chunk[], size: number, m: Measurer): TextLine {
  let x = 0;
  const pieces = chunks.map((c) => {
    const width = m.width(c.text, c.font, size);
    const piece = { text: c.text, font: c.font, x, width };
    x += width;
    return piece;
  });
  return { pieces, width: x };
}
