import { describe, expect, it } from 'vitest';
import { deflateMemo } from '../../src/paint/deflate-memo.js';
import { deflate } from '../../src/paint/pdf-deflate.js';
import { fingerprint } from '../../src/paint/same-bytes.js';

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
  it('give deflate’s bytes, and deflate a stream that comes again only until it is remembered', () => {
    const { memo, calls } = counting();
    const a = bytes(5000, 1);
    const b = bytes(5000, 2);
    for (let i = 0; i < 5; i++) {
      // A fresh copy each time, as each document makes its own.
      expect(Buffer.from(memo(Uint8Array.from(a))).equals(Buffer.from(deflate(a)))).toBe(true);
      expect(Buffer.from(memo(Uint8Array.from(b))).equals(Buffer.from(deflate(b)))).toBe(true);
    }
    // Seen once, then remembered on the second coming: two deflates each, not five.
    expect(calls.length).toBe(4);
  });

  it('never give a remembered stream for one that differs where the fingerprint does not look', () => {
    const { memo, calls } = counting();
    const a = bytes(4096, 3);
    const b = Uint8Array.from(a);
    // Byte 1 lies between the sampled bytes 0 and 64.
    b[1] = a[1]! ^ 0xff;
    expect(fingerprint(b)).toBe(fingerprint(a));
    for (let i = 0; i < 3; i++) memo(a);
    expect(Buffer.from(memo(b)).equals(Buffer.from(deflate(b)))).toBe(true);
    expect(Buffer.from(memo(a)).equals(Buffer.from(deflate(a)))).toBe(true);
    expect(calls.length).toBe(3);
  });
});
