import LineBreaker from 'linebreak';
import type { FontId } from './fonts.js';
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
}

export interface BreakStyle {
  size: number;
  font: FontId;
  /** Font for emphasised spans. */
  strongFont: FontId;
}

interface Chunk {
  text: string;
  font: FontId;
}

/**
 * Greedy line breaking at Unicode break opportunities (UAX #14). A word longer
 * than the line is split between characters rather than allowed to overflow.
 */
export function breakLines(rich: RichText, maxWidth: number, style: BreakStyle, m: Measurer): TextLine[] {
  const segments = toSegments(rich, style);
  const lines: Chunk[][] = [];
  const split = new Set<number>();
  let line: Chunk[] = [];
  let lineWidth = 0;
  const widthOf = (chunks: Chunk[]) => chunks.reduce((w, c) => w + m.width(c.text, c.font, style.size), 0);

  for (const seg of segments) {
    const segWidth = widthOf(seg.chunks);
    const visible = widthOf(trimEnd(seg.chunks));
    if (line.length && lineWidth + visible > maxWidth) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    if (!line.length && visible > maxWidth) {
      const parts = splitLongSegment(seg.chunks, maxWidth, style.size, m);
      for (let p = 0; p < parts.length - 1; p++) split.add(lines.length + p);
      lines.push(...parts.slice(0, -1));
      line = parts[parts.length - 1]!;
      lineWidth = widthOf(line);
    } else {
      line.push(...seg.chunks);
      lineWidth += segWidth;
    }
    if (seg.required) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
  }
  if (line.length) lines.push(line);
  return lines.map((chunks, i) => ({ ...positionLine(trimEnd(mergeChunks(chunks)), style.size, m), ...(split.has(i) ? { splitWord: true } : {}) }));
}

type Segment = { chunks: Chunk[]; required: boolean };

// Break opportunities depend only on the text and its fonts, not on the width or
// size: fitting tries many sizes of the same paragraph, so find them once.
const segmentCache = new Map<string, Segment[]>();

function toSegments(rich: RichText, style: BreakStyle): Segment[] {
  const key = `${style.font}|${style.strongFont}|${rich.map((s) => (s.strong ? '*' : '-') + s.text).join('\u0000')}`;
  let segments = segmentCache.get(key);
  if (!segments) {
    if (segmentCache.size > 2_000) segmentCache.clear();
    segments = findSegments(rich, style);
    segmentCache.set(key, segments);
  }
  return segments;
}

function findSegments(rich: RichText, style: BreakStyle): Segment[] {
  const text = rich.map((s) => s.text).join('');
  const fontAt: FontId[] = [];
  for (const span of rich) for (let i = 0; i < span.text.length; i++) fontAt.push(span.strong ? style.strongFont : style.font);

  const segments: Segment[] = [];
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
    segments.push({ chunks: chunks.map((c) => ({ ...c, text: c.text.replace(/[\r\n]+$/, '') })), required: br.required });
    last = br.position;
  }
  return segments;
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
