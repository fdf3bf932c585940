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
  /** Even out line lengths (for titles), instead of filling each line greedily. */
  balance?: boolean;
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
 * is split between characters rather than allowed to overflow. With `balance`,
 * the narrowest measure that needs no extra line, and breaks no more groups kept
 * together (a name, a number with its label), gives the most even lines.
 *
 * The same text, measure and style always break the same way, so each is broken
 * once and kept (a sticker batch sets its reminder and footer on every label,
 * several times while its scale is searched).
 */
export function breakLines(rich: RichText, maxWidth: number, style: BreakStyle, m: Measurer): TextLine[] {
  const p = toParagraph(rich, style, m);
  let bySize = p.set.get(maxWidth);
  if (!bySize) p.set.set(maxWidth, (bySize = new Map()));
  let set = bySize.get(style.size);
  if (!set) {
    set = setLines(p, pickLines(p, maxWidth, style, m), style.size, m);
    remember(m, bySize, style.size, set);
  }
  return set;
}

function pickLines(p: Paragraph, maxWidth: number, style: BreakStyle, m: Measurer): Line[] {
  const first = placeLines(p, maxWidth, style, m);
  const { lines } = first;
  if (!style.balance || lines.length < 2) return lines;
  // Bisect the measure; each trial is only counted, and the last that passed is the answer.
  // A trial within the range of measures an earlier one holds for breaks the same way.
  const tried = [first];
  const limit = brokenGroups(p, lines);
  let best = lines;
  let lo = maxWidth / lines.length;
  let hi = maxWidth;
  for (let i = 0; i < 10; i++) {
    const mid = (lo + hi) / 2;
    let trial = tried.find((t) => t.measure.holds(mid));
    if (!trial) tried.push((trial = placeLines(p, mid, style, m)));
    if (trial.lines.length > lines.length || brokenGroups(p, trial.lines) > limit) lo = mid;
    else {
      hi = mid;
      best = trial.lines;
    }
  }
  return best;
}

/**
 * A measure, and the range of measures that break a paragraph the same way as
 * it does: every width compared with it is noted, and any measure in
 * [need, slack) answers each comparison alike.
 */
class Measure {
  need = -Infinity;
  slack = Infinity;
  constructor(readonly width: number) {}

  /** Whether `x` is wider than the measure. */
  over(x: number): boolean {
    if (x > this.width) {
      if (x < this.slack) this.slack = x;
      return true;
    }
    if (x > this.need) this.need = x;
    return false;
  }

  holds(width: number): boolean {
    return this.need <= width && width < this.slack;
  }
}

/** Which segments go on which line: widths are summed as the lines fill, nothing is set yet. */
function placeLines(p: Paragraph, maxWidth: number, style: BreakStyle, m: Measurer): { lines: Line[]; measure: Measure } {
  const { segments, keep } = p;
  const w = widthsAt(p, style.size, m);
  const measure = new Measure(maxWidth);
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
    for (let i = s; i < e - 1; i++) width += w.chunks(i);
    const last = segments[e - 1]!;
    const visible = width + w.visible(e - 1);
    const tooWide = measure.over(visible);
    if (tooWide && e - s > 1) return place(s, e, level + 1);
    if (line.placed.length && measure.over(line.width + visible)) endLine();
    if (tooWide) {
      const parts = splitLongSegment(last.chunks, measure, style.size, m);
      for (const part of parts.slice(0, -1)) lines.push({ placed: [{ s, e, part }], width: 0, splitWord: true });
      const rest = parts[parts.length - 1]!;
      line = { placed: [{ s, e, part: rest }], width: widthOf(rest, style.size, m) };
    } else {
      line.placed.push({ s, e, part: undefined });
      line.width += width + w.chunks(e - 1);
    }
    if (last.required) endLine();
  };

  place(0, segments.length, 1);
  if (line.placed.length) lines.push(line);
  if (style.noWidow) avoidWidow(lines, segments, measure, w);
  return { lines, measure };
}

/** How many lines end inside a group kept together (all but the last line). */
function brokenGroups(p: Paragraph, lines: Line[]): number {
  let n = 0;
  for (let i = 0; i < lines.length - 1; i++) if (breaksGroup(p, lines[i]!)) n++;
  return n;
}

function breaksGroup(p: Paragraph, line: Line): boolean {
  const end = line.placed[line.placed.length - 1];
  return !!end && !end.part && p.keep[end.e - 1]! > FREE;
}

/** The lines' text, one piece per font, each positioned and measured as it will be drawn. */
function setLines(p: Paragraph, lines: Line[], size: number, m: Measurer): TextLine[] {
  return lines.map((l, n) => {
    const { chunks, ems } = lineText(p, l, m);
    let x = 0;
    const pieces = chunks.map((c, k) => {
      const width = ems[k]! * size;
      const piece = { text: c.text, font: c.font, x, width };
      x += width;
      return piece;
    });
    const brokeGroup = n < lines.length - 1 && breaksGroup(p, l);
    return { pieces, width: x, ...(l.splitWord ? { splitWord: true } : {}), ...(brokeGroup ? { brokeGroup } : {}) };
  });
}

/** A line's text, one chunk per font, and each chunk's width at 1 pt. */
interface LineText {
  chunks: Chunk[];
  ems: number[];
}

/**
 * What a line says. A line holds the segments from its first to its last (a
 * group moved down to keep a widow company is the one next to it), so lines
 * broken at the same segments at another size say the same: that text is kept.
 */
function lineText(p: Paragraph, line: Line, m: Measurer): LineText {
  const first = line.placed[0];
  const last = line.placed[line.placed.length - 1];
  const chunksOf = (placed: Placed) => placed.part ?? p.segments.slice(placed.s, placed.e).flatMap((seg) => seg.chunks);
  if (!first || !last || line.placed.some((placed) => placed.part)) return measuredText(line.placed.flatMap(chunksOf), m);
  const key = first.s * (p.segments.length + 1) + last.e;
  let text = p.lineTexts.get(key);
  if (!text) {
    if (p.lineTexts.size >= MAX_LINE_TEXTS) p.lineTexts.clear();
    text = measuredText(chunksOf({ s: first.s, e: last.e, part: undefined }), m);
    p.lineTexts.set(key, text);
  }
  return text;
}

function measuredText(chunks: Chunk[], m: Measurer): LineText {
  const merged: Chunk[] = [];
  mergeInto(merged, chunks);
  trimEndInPlace(merged);
  return { chunks: merged, ems: merged.map((c) => m.width(c.text, c.font, 1)) };
}

/**
 * A heading whose last line holds a single word looks unfinished: the last
 * group of the line before goes down to keep it company, if it fits there.
 */
function avoidWidow(lines: Line[], segments: Segment[], measure: Measure, w: Widths): void {
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
  let width = w.visible(only.s);
  for (let i = moved.s; i < moved.e; i++) width += w.chunks(i);
  if (measure.over(width)) return;
  prev.placed.pop();
  last.placed.unshift(moved);
}

type Segment = { chunks: Chunk[]; /** Without the trailing spaces, which may hang past the line's end. */ visible: Chunk[]; required: boolean };
/** A paragraph's segments, and keep[i]: how strongly segments i and i + 1 stay on one line (keep-together.ts). */
interface Segmentation {
  segments: Segment[];
  keep: Uint8Array;
}
/** A paragraph as one measurer measures it, and its lines as set so far. */
interface Paragraph extends Segmentation {
  /** Each segment's chunks' widths at 1 pt, with and without its trailing spaces, measured when first needed. */
  chunkEms: (number[] | undefined)[];
  visibleEms: (number[] | undefined)[];
  /** Segment widths at the size last broken (a search tries one size many times). */
  sized?: Widths;
  /** Lines by measure, then by size. */
  set: Map<number, Map<number, TextLine[]>>;
  /** What lines say, by their first and last segment. */
  lineTexts: Map<number, LineText>;
}
/** Line texts a paragraph keeps, at most. */
const MAX_LINE_TEXTS = 256;

/**
 * Widths of a paragraph's segments at one size: a width is linear in the size
 * (Measurer), so each is its width at 1 pt, measured once, times the size.
 */
interface Widths {
  size: number;
  chunks(i: number): number;
  visible(i: number): number;
}

function widthsAt(p: Paragraph, size: number, m: Measurer): Widths {
  if (p.sized?.size === size) return p.sized;
  p.sized = {
    size,
    chunks: (i) => scaled((p.chunkEms[i] ??= emsOf(p.segments[i]!.chunks, m)), size),
    visible: (i) => scaled((p.visibleEms[i] ??= emsOf(p.segments[i]!.visible, m)), size),
  };
  return p.sized;
}

const emsOf = (chunks: Chunk[], m: Measurer) => chunks.map((c) => m.width(c.text, c.font, 1));

/** Chunks side by side at `size`, summed as m.width(chunk, size) would give each. */
function scaled(ems: number[], size: number): number {
  let w = 0;
  for (const u of ems) w += u * size;
  return w;
}

function widthOf(chunks: Chunk[], size: number, m: Measurer): number {
  let w = 0;
  for (const c of chunks) w += m.width(c.text, c.font, size);
  return w;
}

/**
 * Paragraphs as measured, with the lines set so far: fitting tries many sizes of
 * the same paragraph. Kept by measurer (widths are the measurer's), and bounded:
 * a batch brings new names on every label.
 */
interface ParagraphCache {
  /**
   * Paragraphs by style, then by text. A paragraph of one span is found by the
   * span's own string, whose hash the engine keeps: a guide's paragraphs are set
   * on every page of a batch, and joining them into a key each time cost more.
   */
  byStyle: Map<number, Map<string, Paragraph>>;
  paragraphs: number;
  /** Sets of lines kept, over all paragraphs. */
  sets: number;
}
const caches = new WeakMap<Measurer, ParagraphCache>();
const FONT_INDEX: Record<FontId, number> = { regular: 0, semibold: 1, bold: 2, extrabold: 3 };
const MAX_PARAGRAPHS = 500;
const MAX_SETS = 1_000;

function cacheOf(m: Measurer): ParagraphCache {
  let cache = caches.get(m);
  if (!cache) caches.set(m, (cache = { byStyle: new Map(), paragraphs: 0, sets: 0 }));
  return cache;
}

function toParagraph(rich: RichText, style: BreakStyle, m: Measurer): Paragraph {
  const cache = cacheOf(m);
  const only = rich.length === 1 ? rich[0]! : undefined;
  // The style as a number: fonts, flags, and whether the text is one plain or strong span or several.
  const spans = only ? (only.strong ? 1 : 0) : 2;
  const styleKey = ((FONT_INDEX[style.font] * 4 + FONT_INDEX[style.strongFont]) * 4 + (style.noWidow ? 2 : 0) + (style.balance ? 1 : 0)) * 3 + spans;
  const text = only ? only.text : rich.map((span) => `${span.strong ? '*' : '-'}${span.text}`).join('\u0000');
  let byText = cache.byStyle.get(styleKey);
  if (!byText) cache.byStyle.set(styleKey, (byText = new Map()));
  let paragraph = byText.get(text);
  if (!paragraph) {
    if (cache.paragraphs >= MAX_PARAGRAPHS) forget(cache);
    paragraph = { ...segmentsOf(rich, style, `${styleKey}\u0000${text}`), chunkEms: [], visibleEms: [], set: new Map(), lineTexts: new Map() };
    byText.set(text, paragraph);
    cache.paragraphs++;
  }
  return paragraph;
}

/**
 * Where a paragraph may break depends on its text and fonts alone, so it is
 * kept for any measurer: the startup snapshot holds the guides' (cli/warm-up.ts).
 */
const segmentations = new Map<string, Segmentation>();
const MAX_SEGMENTATIONS = 2_000;

function segmentsOf(rich: RichText, style: BreakStyle, key: string): Segmentation {
  let found = segmentations.get(key);
  if (!found) {
    // A batch brings new names on every label: keep the cache from growing without end.
    if (segmentations.size >= MAX_SEGMENTATIONS) segmentations.clear();
    found = findSegments(rich, style);
    segmentations.set(key, found);
  }
  return found;
}

function remember(m: Measurer, bySize: Map<number, TextLine[]>, size: number, lines: TextLine[]): void {
  const cache = cacheOf(m);
  if (cache.sets >= MAX_SETS) forget(cache);
  bySize.set(size, lines);
  cache.sets++;
}

function forget(cache: ParagraphCache): void {
  cache.byStyle.clear();
  cache.paragraphs = 0;
  cache.sets = 0;
}

function findSegments(rich: RichText, style: BreakStyle): Segmentation {
  const text = rich.map((s) => s.text).join('');
  // Where each span starts in the text, and its font.
  const starts: number[] = [];
  const fonts: FontId[] = [];
  let at = 0;
  for (const span of rich) {
    starts.push(at);
    fonts.push(span.strong ? style.strongFont : style.font);
    at += span.text.length;
  }
  starts.push(at);

  const segments: Segment[] = [];
  const ends: number[] = [];
  const breaker = new LineBreaker(text);
  let last = 0;
  let span = 0;
  for (let br = breaker.nextBreak(); br; br = breaker.nextBreak()) {
    // The segment's text, one chunk per run of a font.
    const chunks: Chunk[] = [];
    while (starts[span + 1]! <= last && span < fonts.length - 1) span++;
    for (let k = span, from = last; from < br.position; k++) {
      const to = Math.min(br.position, starts[k + 1]!);
      if (to > from) {
        const prev = chunks[chunks.length - 1];
        if (prev && prev.font === fonts[k]) prev.text += text.slice(from, to);
        else chunks.push({ text: text.slice(from, to), font: fonts[k]! });
      }
      from = to;
    }
    for (const c of chunks) if (/[\r\n]$/.test(c.text)) c.text = c.text.replace(/[\r\n]+$/, '');
    const visible = chunks.map((c) => ({ ...c }));
    trimEndInPlace(visible);
    segments.push({ chunks, visible, required: br.required });
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

function splitLongSegment(chunks: Chunk[], measure: Measure, size: number, m: Measurer): Chunk[][] {
  // Made per call, not once: an Intl object cannot be kept in the startup snapshot.
  const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });
  const out: Chunk[][] = [[]];
  let width = 0;
  for (const chunk of chunks) {
    for (const { segment } of graphemes.segment(chunk.text)) {
      const w = m.width(segment, chunk.font, size);
      if (measure.over(width + w) && out[out.length - 1]!.length) {
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
  mergeInto(out, chunks);
  return out;
}

/** Appends `chunks` to `out`, joining runs of one font; empty chunks add nothing. */
function mergeInto(out: Chunk[], chunks: Chunk[]): void {
  for (const c of chunks) {
    const prev = out[out.length - 1];
    if (prev && prev.font === c.font) prev.text += c.text;
    else if (c.text) out.push({ text: c.text, font: c.font });
  }
}

/** Drops the trailing white space of chunks made for this line alone. */
function trimEndInPlace(chunks: Chunk[]): void {
  while (chunks.length) {
    const last = chunks[chunks.length - 1]!;
    last.text = last.text.trimEnd();
    if (last.text) break;
    chunks.pop();
  }
}

