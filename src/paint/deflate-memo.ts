/**
 * Deflated streams remembered by their content, for the process. The documents
 * of a batch embed the same font subsets, ToUnicode maps and QR codes again and
 * again, and a print room's file repeats each class's pages (sharedGlyphs makes
 * them the same bytes): of the streams of a hundred class handouts and their
 * print room, 80 % of the bytes had been deflated before. The latest streams
 * are kept, up to a bound; a remembered stream is reused only when every byte
 * is the same.
 */
interface Kept {
  data: Uint8Array;
  deflated: Uint8Array;
}

/** Bytes held at most, deflated and not: old streams go first. */
const HELD = 8 << 20;

/** `key` picks out streams that may be the same (a test makes all look alike). */
export function deflateMemo(deflate: (data: Uint8Array) => Uint8Array, key: (data: Uint8Array) => number = fingerprint): (data: Uint8Array) => Uint8Array {
  const kept = new Map<number, Kept>();
  let held = 0;
  return (data) => {
    const id = key(data);
    const hit = kept.get(id);
    if (hit && sameBytes(hit.data, data)) {
      // The most recently used last, so the oldest go first.
      kept.delete(id);
      kept.set(id, hit);
      return hit.deflated;
    }
    const deflated = deflate(data);
    // A stream that only looks like one kept (the same fingerprint) does not take its place.
    if (!hit) {
      kept.set(id, { data, deflated });
      held += data.length + deflated.length;
      for (const [old, k] of kept) {
        if (held <= HELD) break;
        kept.delete(old);
        held -= k.data.length + k.deflated.length;
      }
    }
    return deflated;
  };
}

/** A hash of every byte, four at a time: pages that differ in a single glyph of a name (a sticker sheet's) must not look alike. */
export function fingerprint(data: Uint8Array): number {
  const n = data.length;
  const view = new DataView(data.buffer, data.byteOffset, n);
  let h = Math.imul(n, 0x9e3779b1);
  let i = 0;
  for (; i + 4 <= n; i += 4) h = Math.imul(h ^ view.getInt32(i, true), 0x01000193) ^ (h >>> 15);
  for (; i < n; i++) h = Math.imul(h ^ data[i]!, 0x01000193) ^ (h >>> 15);
  return h;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
