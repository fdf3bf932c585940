/**
 * Byte arrays compared by content: `fingerprint` picks out arrays that may be
 * the same, and `sameBytes` decides.
 */

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

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
