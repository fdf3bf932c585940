import { describe, expect, it } from 'vitest';
import { deflateMemo, fingerprint } from '../../src/paint/deflate-memo.js';
import { deflate } from '../../src/paint/pdf-deflate.js';

function counting() {
  const calls: Uint8Array[] = [];
  const memo = deflateMemo((data) => {
    calls.push(data);
    return deflate(data);
  });
  return { memo, calls };
}

const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed * 7 + (i >> 5)) & 0xff);

describe('streams deflated once per process', () => {
  it('give deflate’s bytes, and deflate a stream that comes again only once', () => {
    const { memo, calls } = counting();
    const a = bytes(5000, 1);
    const b = bytes(5000, 2);
    for (let i = 0; i < 5; i++) {
      // A fresh copy each time, as each document makes its own.
      expect(Buffer.from(memo(Uint8Array.from(a))).equals(Buffer.from(deflate(a)))).toBe(true);
      expect(Buffer.from(memo(Uint8Array.from(b))).equals(Buffer.from(deflate(b)))).toBe(true);
    }
    // Remembered from the first coming: one deflate each, not five.
    expect(calls.length).toBe(2);
  });

  it('never give a remembered stream for another with the same fingerprint', () => {
    const calls: Uint8Array[] = [];
    // Every stream looks alike here, so only the bytes themselves tell them apart.
    const memo = deflateMemo(
      (data) => {
        calls.push(data);
        return deflate(data);
      },
      () => 0,
    );
    const a = bytes(4096, 3);
    const b = Uint8Array.from(a);
    b[1] = a[1]! ^ 0xff;
    for (let i = 0; i < 3; i++) memo(a);
    expect(Buffer.from(memo(b)).equals(Buffer.from(deflate(b)))).toBe(true);
    expect(Buffer.from(memo(a)).equals(Buffer.from(deflate(a)))).toBe(true);
    // a once, then b (which does not take a's place): a is still remembered.
    expect(calls.length).toBe(2);
  });

  it('tell apart pages that differ in one glyph', () => {
    const a = bytes(58_803, 4);
    const b = Uint8Array.from(a);
    b[31_000] = a[31_000]! ^ 1;
    expect(fingerprint(b)).not.toBe(fingerprint(a));
    // Aligned or not, the same bytes give the same fingerprint.
    const shifted = new Uint8Array(a.length + 1).subarray(1);
    shifted.set(a);
    expect(fingerprint(shifted)).toBe(fingerprint(a));
  });
});
