import type { Mulberry32 } from './random.js';

/**
 * The sensor's noise, added to a frame's grey levels: each pixel gets `sigma`
 * times a normal deviate, Box–Muller's from two draws u1, u2 of the seeded
 * generator, √(−2 ln u1) · cos 2πu2, and is rounded to a byte as a
 * Uint8ClampedArray rounds.
 *
 * Only the byte counts, and a logarithm and a cosine a pixel cost about as much
 * as the rest of the photograph. So the deviate is first worked out from two tables,
 * with a proven bound on its error: when the level lies farther than that from
 * a rounding boundary (a half), the plain formula cannot round it otherwise.
 * The few levels that lie nearer, about one pixel a frame, are worked out with
 * Math.log and Math.cos. The bytes are the plain formula's (test/qr/noise.test.ts).
 */

/** Table steps: 4,096 over a turn of the cosine, and over each octave of the logarithm. */
const BITS = 12;
const STEPS = 1 << BITS;
const COS = Float64Array.from({ length: STEPS + 1 }, (_, j) => Math.cos((2 * Math.PI * j) / STEPS));
const LOG = Float64Array.from({ length: STEPS + 1 }, (_, j) => Math.log(1 + j / STEPS));
/** 2^-n, to turn the low bits of a draw into the fraction between two table points. */
const INVERSE_POWERS = Float64Array.from({ length: 33 }, (_, n) => 2 ** -n);
/**
 * The tables' error against Math.cos and Math.log: a straight line between
 * points h apart strays at most h²/8 times the curvature's largest value (1 for
 * cos on a turn of 2π, 1/m² ≤ 1 for ln m on [1, 2)); rounding adds under 1e-13.
 */
const COS_ERROR = ((2 * Math.PI) / STEPS) ** 2 / 8 + 1e-13;
const LOG_ERROR = (1 / STEPS) ** 2 / 8 + 1e-13;
/**
 * Radii from the tables at least this large: r² = −2 ln u1 is off by at most
 * 2 LOG_ERROR, so r by at most 2 LOG_ERROR / r. Smaller ones (u1 within 5e-5 of 1) take the plain formula.
 */
const MIN_RADIUS = 0.01;
/** The largest radius: √(−2 ln 2^-32), with the smallest draw. */
const MAX_RADIUS = Math.sqrt(64 * Math.LN2);

/**
 * ink + span × light[i] / 255 + sigma × (a normal deviate) for every pixel, as
 * bytes, with two draws of `random` a pixel.
 */
export function addNoise(light: Float32Array, ink: number, span: number, sigma: number, random: Pick<Mulberry32, 'next'>): Uint8ClampedArray {
  // How far a level from the tables can be from the plain formula's (its own roundings are under 1e-12).
  const doubt = sigma * ((2 * LOG_ERROR) / MIN_RADIUS + (MAX_RADIUS + 1) * COS_ERROR) + 1e-9;
  const out = new Uint8ClampedArray(light.length);
  for (let i = 0; i < out.length; i++) {
    const base = ink + (span * light[i]!) / 255;
    const k1 = random.next();
    const k2 = random.next();
    // u = k / 2^32: a table point and the fraction to the next one are bits of k.
    if (k1 >= STEPS) {
      // ln u1 = (e − 32) ln 2 + ln m, where u1 = m · 2^(e − 32) and m is in [1, 2).
      const e = 31 - Math.clz32(k1);
      const shift = e - BITS;
      const j1 = (k1 >>> shift) & (STEPS - 1);
      const f1 = (k1 & ((1 << shift) - 1)) * INVERSE_POWERS[shift]!;
      const radius = Math.sqrt(-2 * ((e - 32) * Math.LN2 + LOG[j1]! + (LOG[j1 + 1]! - LOG[j1]!) * f1));
      const j2 = k2 >>> (32 - BITS);
      const f2 = (k2 & ((1 << (32 - BITS)) - 1)) * INVERSE_POWERS[32 - BITS]!;
      const cos = COS[j2]! + (COS[j2 + 1]! - COS[j2]!) * f2;
      const level = base + sigma * radius * cos;
      // (A radius of NaN, from a logarithm rounded just above 0, fails the test too.)
      if (radius >= MIN_RADIUS && Math.abs(level - Math.floor(level) - 0.5) > doubt) {
        out[i] = level;
        continue;
      }
    }
    const u1 = k1 / 4294967296 || 1e-12;
    const u2 = k2 / 4294967296;
    out[i] = base + sigma * (Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2));
  }
  return out;
}
