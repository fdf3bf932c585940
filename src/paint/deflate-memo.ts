import { fingerprint, sameBytes } from './same-bytes.js';

/**
 * Deflated streams remembered by their content, for the process. The documents
 * of a batch embed the same font subsets, ToUnicode maps and QR codes again and
 * again, and a print room's file repeats a class's pages for every copy: of a
 * hundred class handouts, 83 % of the bytes were a stream deflated before. A
 * stream is remembered only once it has come twice, so pages that never repeat
 * (a sticker sheet's) are not held; a remembered stream is reused only when
 * every byte is the same.
 */
interface Kept {
  data: Uint8Array;
  deflated: Uint8Array;
}

/** Bytes held at most, deflated and not: old streams go first. */
const HELD = 8 << 20;
/** Fingerprints of streams seen once, at most. */
const SEEN = 20_000;

export function deflateMemo(deflate: (data: Uint8Array) => Uint8Array): (data: Uint8Array) => Uint8Array {
  const seen = new Set<number>();
  const kept = new Map<number, Kept>();
  let held = 0;
  return (data) => {
    const key = fingerprint(data);
    const hit = kept.get(key);
    if (hit && sameBytes(hit.data, data)) {
      // The most recently used last, so the oldest go first.
      kept.delete(key);
      kept.set(key, hit);
      return hit.deflated;
    }
    const deflated = deflate(data);
    if (!hit && seen.has(key)) {
      kept.set(key, { data, deflated });
      held += data.length + deflated.length;
      for (const [old, k] of kept) {
        if (held <= HELD) break;
        kept.delete(old);
        held -= k.data.length + k.deflated.length;
      }
    } else if (!hit) {
      if (seen.size >= SEEN) seen.clear();
      seen.add(key);
    }
    return deflated;
  };
}
