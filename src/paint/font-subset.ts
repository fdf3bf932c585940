import type * as fontkit from 'fontkit';

/**
 * TrueType subsets for pdfkit, written from parts kept per process.
 *
 * pdfkit embeds each face of each PDF as a subset that fontkit encodes from
 * scratch: every glyph decoded again and every table, the hinting programs
 * byte by byte, pushed through its generic struct encoder. A batch of a hundred
 * class handouts did that four hundred times (1.6 s of 8.6 s). Here each glyph's
 * bytes and metrics are read once per process, the tables that do not depend on
 * the glyphs (head, cvt, prep, fpgm) are taken from one fontkit encoding, and a
 * subset is assembled by concatenation. The bytes are exactly fontkit's: the same
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
  _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array };
  _variationProcessor?: unknown;
  directory: { tables: Record<string, unknown> };
};

type GlyphInternals = fontkit.Glyph & {
  _decode(): { numberOfContours: number; components?: { glyphID: number; pos: number }[] } | null;
  _getMetrics(): { leftBearing: number };
};

const VARIABLE = new Set(['loca', 'glyf', 'hmtx', 'hhea', 'maxp']);
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
  const parts = readParts(f, create);
  if (!parts) return;
  font.createSubset = (() => {
    const subset = create();
    subset.encode = () => encodeSubset(f, parts, subset);
    return subset;
  }) as unknown as typeof font.createSubset;
}

/** Splits fontkit's encoding of the smallest subset (glyph 0) into its tables; undefined if they do not lie end to end as expected. */
function readParts(font: FontkitInternals, create: () => Subset): FontParts | undefined {
  const ref = Buffer.from(create().encode());
  const count = ref.readUInt16BE(4);
  const tables: TableEntry[] = [];
  let expected = 12 + 16 * count;
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const tag = ref.toString('latin1', at, at + 4);
    const offset = ref.readUInt32BE(at + 8);
    const length = ref.readUInt32BE(at + 12);
    if (offset !== expected || ref.readUInt32BE(at + 4) !== 0) return undefined;
    expected += length;
    tables.push({ tag, bytes: VARIABLE.has(tag) && tag !== 'hhea' && tag !== 'maxp' ? undefined : ref.subarray(offset, offset + length) });
  }
  if (expected !== ref.length || !['loca', 'glyf', 'hmtx', 'hhea', 'maxp'].every((t) => tables.some((e) => e.tag === t))) return undefined;
  return { glyphs: new Map(), header: ref.subarray(0, 12), tables, shortLoca: font.loca.version === 0 };
}

function glyphPart(font: FontkitInternals, parts: FontParts, gid: number): GlyphPart {
  let part = parts.glyphs.get(gid);
  if (!part) {
    const glyph = font.getGlyph(gid) as GlyphInternals;
    const glyf = glyph._decode();
    const start = font.loca.offsets[gid]!;
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const bytes = Uint8Array.from(stream.readBuffer(font.loca.offsets[gid + 1]! - start));
    const components = glyf && glyf.numberOfContours < 0 ? (glyf.components ?? []).map((c) => ({ glyphID: c.glyphID, pos: c.pos })) : [];
    part = { bytes, components, advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing };
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
