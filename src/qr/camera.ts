import { PREVIEW_FOCAL } from '../products/scan-distance.js';
import { Mulberry32 } from './random.js';

/**
 * A phone's video preview of a printed code, imitated: what the read-back
 * decodes instead of a clean render. The parameters come from looking at 1080p
 * preview frames of stickers in a lobby: a little blur, sensor noise, ink that
 * is not black on paper that is not white, the phone held a little askew.
 * Every "random" choice is seeded, so a run always decodes the same frames.
 */
export const CAMERA = {
  /** Gaussian blur of lens, focus and a steady hand, in preview pixels (sigma). */
  blur: 1,
  /** Sensor noise after the phone's own denoising, in grey levels (sigma). */
  noise: 4,
  /** Grey levels of ink and of paper in the preview (reduced contrast: indoor light, glossy film). */
  ink: 50,
  paper: 210,
  /** The phone turned about its vertical axis (a code seen from the side), degrees. */
  yaw: 10,
  /** The phone rotated in its own plane, degrees. */
  roll: 4,
  /** Samples per preview pixel along each axis: a sensor pixel sums the light over its area. */
  supersample: 2,
} as const;

/** A grey image: one byte a pixel, row-major. */
export interface GrayImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** A sharp render of part of a page: `image` shows `box` (page points). */
export interface Scene {
  image: GrayImage;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * What the preview shows of `scene` when the phone, `distance` points away, is
 * aimed at (cx, cy) and frames a square of `view` points around it.
 *
 * A frame is the bytes of the plain formulas: the steps keep their
 * floating-point operations in their order (test/qr/camera.test.ts holds
 * frames made before).
 */
export function photograph(scene: Scene, aim: { cx: number; cy: number; view: number }, distance: number, seed: number): GrayImage {
  const random = new Mulberry32(seed);
  const sign = () => (random.uniform() < 0.5 ? -1 : 1);
  const yaw = (sign() * CAMERA.yaw * Math.PI) / 180;
  const roll = (sign() * CAMERA.roll * Math.PI) / 180;
  const size = Math.max(8, Math.round((aim.view / distance) * PREVIEW_FOCAL));
  const light = sensor(scene, aim, distance, yaw, roll, size);
  const blurred = gaussian(light, size, size);
  const span = CAMERA.paper - CAMERA.ink;
  const out = new Uint8ClampedArray(blurred.length);
  for (let i = 0; i < out.length; i++) out[i] = CAMERA.ink + (span * blurred[i]!) / 255 + CAMERA.noise * normal(random);
  return { data: out, width: size, height: size };
}

/** Box–Muller: a normal deviate from two draws. */
function normal(random: Mulberry32): number {
  const u = random.uniform() || 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.uniform());
}

/**
 * The light each preview pixel gathers: the mean of `supersample`² bilinear
 * samples of the render. The page is a plane `distance` in front of the lens,
 * turned by `yaw`: a ray through a preview pixel meets it at a point, which
 * `roll` turns on the page.
 */
function sensor(scene: Scene, aim: { cx: number; cy: number }, distance: number, yaw: number, roll: number, size: number): Float32Array {
  const f = PREVIEW_FOCAL;
  const { image, box } = scene;
  const { data, width, height } = image;
  const sx = width / box.width;
  const sy = height / box.height;
  const nx = Math.sin(yaw);
  const nz = Math.cos(yaw);
  const ex0 = Math.cos(yaw);
  const ex1 = -Math.sin(yaw);
  const cr = Math.cos(roll);
  const sr = Math.sin(roll);
  const ss = CAMERA.supersample;
  // A sample's offset from the frame's centre, the same across as down. Along a
  // column of samples only the ray's height changes: its depth `t` and the page
  // point before the height term depend on the column alone.
  const n = size * ss;
  const offset = new Float64Array(n);
  const depth = new Float64Array(n);
  const baseX = new Float64Array(n);
  const baseY = new Float64Array(n);
  for (let u = 0; u < size; u++) {
    for (let i = 0; i < ss; i++) {
      const du = u + (i + 0.5) / ss - size / 2;
      const t = (nz * distance) / (nx * du + nz * f);
      const px = t * du;
      const pz = t * f - distance;
      const a = px * ex0 + pz * ex1;
      offset[u * ss + i] = du;
      depth[u * ss + i] = t;
      baseX[u * ss + i] = aim.cx + cr * a;
      baseY[u * ss + i] = aim.cy + sr * a;
    }
  }
  const light = new Float32Array(size * size);
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      let sum = 0;
      for (let j = 0; j < ss; j++) {
        const dv = offset[v * ss + j]!;
        for (let i = 0; i < ss; i++) {
          const c = u * ss + i;
          const b = depth[c]! * dv;
          const x = (baseX[c]! - sr * b - box.x) * sx - 0.5;
          const y = (baseY[c]! + cr * b - box.y) * sy - 0.5;
          // Bilinear; outside the render is white paper.
          const x0 = Math.floor(x);
          const y0 = Math.floor(y);
          const fx = x - x0;
          const fy = y - y0;
          let p00: number, p10: number, p01: number, p11: number;
          if (x0 >= 0 && y0 >= 0 && x0 + 1 < width && y0 + 1 < height) {
            const k = y0 * width + x0;
            p00 = data[k]!;
            p10 = data[k + 1]!;
            p01 = data[k + width]!;
            p11 = data[k + width + 1]!;
          } else {
            p00 = texel(image, x0, y0);
            p10 = texel(image, x0 + 1, y0);
            p01 = texel(image, x0, y0 + 1);
            p11 = texel(image, x0 + 1, y0 + 1);
          }
          sum += (p00 * (1 - fx) + p10 * fx) * (1 - fy) + (p01 * (1 - fx) + p11 * fx) * fy;
        }
      }
      light[v * size + u] = sum / (ss * ss);
    }
  }
  return light;
}

function texel(img: GrayImage, x: number, y: number): number {
  return x < 0 || y < 0 || x >= img.width || y >= img.height ? 255 : img.data[y * img.width + x]!;
}

/**
 * The blur's kernel, 3 sigma either side, unnormalised (each sum is divided by
 * its total, as the frames have always been made). CAMERA.blur is 1 pixel: 7
 * taps, which blurLines spells out (a loop over taps costs 3 times as much).
 */
const KERNEL = (() => {
  const sigma = CAMERA.blur;
  const r = Math.ceil(3 * sigma);
  const taps = new Float64Array(2 * r + 1);
  let total = 0;
  for (let i = -r; i <= r; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    taps[i + r] = v;
    total += v;
  }
  if (taps.length !== 7) throw new Error(`blurLines spells out 7 taps; a blur of ${sigma} pixels needs ${taps.length}`);
  return { taps, total };
})();

/** The separable Gaussian blur: along the rows, then along the columns. */
function gaussian(src: Float32Array, w: number, h: number): Float32Array {
  const across = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  blurLines(src, across, w, h);
  blurLines(across, out, h, w);
  return out;
}

/**
 * Blurs each of `lines` lines of `length` pixels and writes the result
 * transposed, so the second pass reads its columns as lines. Each sum runs over
 * the taps in order; past the border the edge pixel repeats.
 */
function blurLines(src: Float32Array, dst: Float32Array, length: number, lines: number): void {
  const { taps, total } = KERNEL;
  const [k0, k1, k2, k3, k4, k5, k6] = taps as unknown as [number, number, number, number, number, number, number];
  for (let y = 0; y < lines; y++) {
    const row = y * length;
    for (let x = 0; x < length; x++) {
      let s: number;
      if (x >= 3 && x < length - 3) {
        const p = row + x;
        s = k0 * src[p - 3]! + k1 * src[p - 2]! + k2 * src[p - 1]! + k3 * src[p]! + k4 * src[p + 1]! + k5 * src[p + 2]! + k6 * src[p + 3]!;
      } else {
        s = 0;
        for (let i = 0; i < 7; i++) s += taps[i]! * src[row + Math.min(length - 1, Math.max(0, x + i - 3))]!;
      }
      dst[x * lines + y] = s / total;
    }
  }
}
