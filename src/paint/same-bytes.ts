/**
 * Byte arrays compared by content: `fingerprint` picks out arrays that may be
 * the same, cheaply, and `sameBytes` decides.
 */

/** A number from the length and 64 bytes spread over the data: arrays that differ almost always differ here. */
export function fingerprint(data: Uint8Array): number {
  const n = data.length;
  let h = Math.imul(n, 0x9e3779b1);
  for (let i = 0; i < 64 && n; i++) h = Math.imul(h ^ data[Math.floor((i * n) / 64)]!, 0x01000193);
  return h;
}

export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
