import type * as fontkit from 'fontkit';

/**
 * TrueType subsets for pdfkit, written from parts kept per process.
 *
 * pdfkit embeds each face of each PDF as a subset that fontkit encodes from
 * scratch: every glyph decoded again and every table, the hinting programs
 * byte by byte, pushed through its generic struct encoder. A batch of a hundred
 * class handouts did that four hundred times (1.6 s of 8.6 s). Here each glyph's
 * bytes and metrics are read once per process, the tables that do not depend on
 * the glyphs (head, cvt, prep, fpgm) are the font file's own, and a subset is
 * assembled by concatenation. The bytes are exactly fontkit's: the same
 * tables in the same order, glyphs in the order pdfkit met them, compound glyphs'
 * components appended as fontkit appends them (test/font-subset.test.ts compares).
 */

interface Subset {
  glyphs: number[];
  mapping: Record<number, number>;
  includeGlyph(glyph: number | { id: number }): number;
  encode(): Uint8Array;
}

interface GlyphPart {
  bytes: Uint8Array;
  /** Compound glyphs: each component's glyph id and where it is written in `bytes`. */
  components: { glyphID: number; pos: number }[];
  advance: number;
  bearing: number;
}

interface TableEntry {
  tag: string;
  bytes?: Uint8Array;
}

interface FontParts {
  glyphs: Map<number, GlyphPart>;
  /** The directory's first 12 bytes (tag, table count, search fields): the same for every subset. */
  header: Uint8Array;
  tables: TableEntry[];
  shortLoca: boolean;
}

type FontkitInternals = fontkit.Font & {
  loca: { version: number; offsets: number[] };
  hmtx: { metrics: LazyArray<{ advance: number; bearing: number }>; bearings: LazyArray<number> };
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  _variationProcessor?: unknown;
  directory: { tables: Record<string, unknown> };
};

interface LazyArray<T> {
  length: number;
  get(i: number): T | undefined;
}

const patched = new WeakSet<fontkit.Font>();

/**
 * Makes the subsets pdfkit asks `font` for encode from parts kept per process.
 * Fonts this does not cover (CFF outlines, variable fonts, an unexpected table
 * layout) keep fontkit's own encoder.
 */
export function fastSubsets(font: fontkit.Font): void {
  if (patched.has(font)) return;
  patched.add(font);
  const f = font as FontkitInternals;
  if (f.directory.tables['CFF '] || f._variationProcessor || !f.directory.tables.glyf) return;
  const create = font.createSubset.bind(font) as unknown as () => Subset;
  const parts = readParts(f);
  if (!parts) return;
  font.createSubset = (() => {
    const subset = create();
    subset.encode = () => encodeSubset(f, parts, subset);
    return subset;
  }) as unknown as typeof font.createSubset;
}

/** The tables fontkit writes into a subset, in its order; the three hinting tables only when the font has them. */
const SUBSET_TABLES = ['head', 'hhea', 'loca', 'maxp', 'cvt ', 'prep', 'glyf', 'hmtx', 'fpgm'];

/**
 * The subset's fixed parts, from the font file's own tables: fontkit decodes head,
 * hhea, maxp, cvt, prep and fpgm and encodes them back unchanged (but for the two
 * counts patched in encodeSubset), so their bytes are the file's.
 */
function readParts(font: FontkitInternals): FontParts | undefined {
  const entries = font.directory.tables as Record<string, { offset: number; length: number } | undefined>;
  const tables: TableEntry[] = [];
  for (const tag of SUBSET_TABLES) {
    const entry = entries[tag];
    if (!entry) {
      if (['cvt ', 'prep', 'fpgm'].includes(tag)) continue;
      return undefined;
    }
    if (tag === 'loca' || tag === 'glyf' || tag === 'hmtx') tables.push({ tag });
    else {
      const stream = font._getTableStream(tag);
      tables.push({ tag, bytes: Uint8Array.from(stream.readBuffer(entry.length)) });
    }
  }
  // fontkit's Directory: the tag 'true', the table count and the binary-search fields of the spec.
  const header = Buffer.alloc(12);
  const exponent = Math.floor(Math.log2(tables.length));
  header.write('true', 0, 'latin1');
  header.writeUInt16BE(tables.length, 4);
  header.writeUInt16BE(2 ** exponent * 16, 6);
  header.writeUInt16BE(exponent, 8);
  header.writeUInt16BE(tables.length * 16 - 2 ** exponent * 16, 10);
  return { glyphs: new Map(), header, tables, shortLoca: font.loca.version === 0 };
}

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;

/** A glyph's bytes as the file has them, where a compound glyph names its components, and its horizontal metrics. */
function glyphPart(font: FontkitInternals, parts: FontParts, gid: number): GlyphPart {
  let part = parts.glyphs.get(gid);
  if (!part) {
    const start = font.loca.offsets[gid]!;
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const bytes = Uint8Array.from(stream.readBuffer(font.loca.offsets[gid + 1]! - start));
    const view = new DataView(bytes.buffer);
    const components: GlyphPart['components'] = [];
    if (bytes.length >= 10 && view.getInt16(0) < 0) {
      // After the 10-byte header: flags, glyph id, two arguments, then an optional transform.
      let at = 10;
      let flags = MORE_COMPONENTS;
      while (flags & MORE_COMPONENTS) {
        flags = view.getUint16(at);
        components.push({ glyphID: view.getUint16(at + 2), pos: at + 2 });
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        at += flags & WE_HAVE_A_SCALE ? 2 : flags & WE_HAVE_AN_X_AND_Y_SCALE ? 4 : flags & WE_HAVE_A_TWO_BY_TWO ? 8 : 0;
      }
    }
    // As fontkit reads hmtx: glyphs past the last full metric keep its advance and have a bearing of their own.
    const { metrics, bearings } = font.hmtx;
    const last = metrics.length - 1;
    const metric = gid <= last ? metrics.get(gid) : undefined;
    part = {
      bytes,
      components,
      advance: metric ? metric.advance : (metrics.get(last)?.advance ?? 0),
      bearing: metric ? metric.bearing : (bearings.get(gid - metrics.length) ?? 0),
    };
    parts.glyphs.set(gid, part);
  }
  return part;
}

/** fontkit's TTFSubset.encode, from the kept parts. */
function encodeSubset(font: FontkitInternals, parts: FontParts, subset: Subset): Uint8Array {
  const glyf: Uint8Array[] = [];
  const metrics: GlyphPart[] = [];
  // The loop runs over a list that grows: components are appended as they are met.
  for (let i = 0; i < subset.glyphs.length; i++) {
    const part = glyphPart(font, parts, subset.glyphs[i]!);
    let bytes = part.bytes;
    if (part.components.length) {
      bytes = Uint8Array.from(bytes);
      const view = new DataView(bytes.buffer);
      for (const c of part.components) view.setUint16(c.pos, subset.includeGlyph(c.glyphID));
    }
    glyf.push(bytes);
    metrics.push(part);
  }
  const n = glyf.length;
  const loca = Buffer.alloc((n + 1) * (parts.shortLoca ? 2 : 4));
  let offset = 0;
  for (let i = 0; i <= n; i++) {
    if (parts.shortLoca) loca.writeUInt16BE(offset >>> 1, 2 * i);
    else loca.writeUInt32BE(offset, 4 * i);
    offset += glyf[i]?.length ?? 0;
  }
  const hmtx = Buffer.alloc(4 * n);
  metrics.forEach((m, i) => {
    hmtx.writeUInt16BE(m.advance, 4 * i);
    hmtx.writeInt16BE(m.bearing, 4 * i + 2);
  });
  const withCount = (bytes: Uint8Array, at: number) => {
    const copy = Buffer.from(bytes);
    copy.writeUInt16BE(n, at);
    return copy;
  };
  const body = parts.tables.map(({ tag, bytes }) => {
    switch (tag) {
      case 'loca':
        return [loca];
      case 'glyf':
        return glyf;
      case 'hmtx':
        return [hmtx];
      case 'hhea':
        return [withCount(bytes!, 34)]; // numberOfMetrics
      case 'maxp':
        return [withCount(bytes!, 4)]; // numGlyphs
      default:
        return [bytes!];
    }
  });
  const directory = Buffer.alloc(16 * parts.tables.length);
  let at = 12 + directory.length;
  body.forEach((chunks, i) => {
    const length = chunks.reduce((s, c) => s + c.length, 0);
    directory.write(parts.tables[i]!.tag, 16 * i, 'latin1');
    directory.writeUInt32BE(at, 16 * i + 8);
    directory.writeUInt32BE(length, 16 * i + 12);
    at += length;
  });
  return Buffer.concat([parts.header, directory, ...body.flat()]);
}
