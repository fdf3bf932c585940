import { describe, expect, it } from 'vitest';
import { addNoise } from '../../src/qr/noise.js';
import { Mulberry32 } from '../../src/qr/random.js';

/**
 * The sensor's noise from tables (src/qr/noise.ts) against the plain formula it
 * stands in for, as the camera has always written it: the same bytes, also for
 * the draws at the tables' edges and for levels a hair from a rounding boundary.
 */
const INK = 50;
const SPAN = 160;
const SIGMA = 4;

function plainNoise(light: Float32Array, draws: () => number, ink = INK): Uint8ClampedArray {
  const normal = () => {
    const u = draws() || 1e-12;
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * draws());
  };
  const out = new Uint8ClampedArray(light.length);
  for (let i = 0; i < out.length; i++) out[i] = ink + (SPAN * light[i]!) / 255 + SIGMA * normal();
  return out;
}

/** Pixels where two frames differ (toEqual on a few million bytes takes seconds). */
const differing = (a: Uint8ClampedArray, b: Uint8ClampedArray) => a.reduce((n, v, i) => n + (v === b[i] ? 0 : 1), 0);

/** A generator that hands out the given whole-number draws, in turn. */
const scripted = (ks: number[]) => {
  let i = 0;
  return { next: () => ks[i++ % ks.length]!, uniform: () => ks[i++ % ks.length]! / 4294967296 };
};

describe('sensor noise', () => {
  it('makes the plain formula’s bytes on a hundred frames of every grey', () => {
    const light = Float32Array.from({ length: 126 * 126 }, (_, i) => ((i * 7919) % 25500) / 100);
    for (let seed = 0; seed < 100; seed++) {
      const plain = new Mulberry32(seed);
      expect(differing(addNoise(light, INK, SPAN, SIGMA, new Mulberry32(seed)), plainNoise(light, () => plain.uniform())), `seed ${seed}`).toBe(0);
    }
  });

  it('makes them for draws at the edges of the tables', () => {
    const edges = [0, 1, 2, 4095, 4096, 4097, 8191, 8192, 2 ** 20 - 1, 2 ** 20, 2 ** 31 - 1, 2 ** 31, 2 ** 32 - 4097, 2 ** 32 - 2, 2 ** 32 - 1];
    const ks = edges.flatMap((k1) => edges.flatMap((k2) => [k1, k2]));
    const light = Float32Array.from({ length: ks.length / 2 }, (_, i) => (i * 37) % 256);
    const a = scripted(ks);
    const b = scripted(ks);
    expect(addNoise(light, INK, SPAN, SIGMA, a)).toEqual(plainNoise(light, () => b.uniform()));
  });

  it('makes them for levels a hair from a half, either side', () => {
    const random = new Mulberry32(7);
    const black = new Float32Array(1);
    for (let n = 0; n < 2000; n++) {
      const k1 = random.next();
      const k2 = random.next();
      const deviate = Math.sqrt(-2 * Math.log(k1 / 4294967296 || 1e-12)) * Math.cos((2 * Math.PI * k2) / 4294967296);
      for (const hair of [-1e-3, -1e-5, -1e-6, -1e-8, 0, 1e-8, 1e-6, 1e-5, 1e-3]) {
        // The ink (on a black pixel, the level before noise) that puts the level this close to 100.5.
        const ink = 100.5 + hair - SIGMA * deviate;
        const a = scripted([k1, k2]);
        const b = scripted([k1, k2]);
        expect(addNoise(black, ink, SPAN, SIGMA, a)[0], `${k1} ${k2} ${hair}`).toBe(plainNoise(black, () => b.uniform(), ink)[0]);
      }
    }
  });
});
