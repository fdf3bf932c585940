import { PREVIEW_FOCAL } from '../products/scan-distance.js';

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
 */
export function photograph(scene: Scene, aim: { cx: number; cy: number; view: number }, distance: number, seed: number): GrayImage {
  const rand = mulberry32(seed);
  const sign = () => (rand() < 0.5 ? -1 : 1);
  const yaw = (sign() * CAMERA.yaw * Math.PI) / 180;
  const roll = (sign() * CAMERA.roll * Math.PI) / 180;
  const f = PREVIEW_FOCAL;
  const size = Math.max(8, Math.round((aim.view / distance) * f));
  const { image, box } = scene;
  const sx = image.width / box.width;
  const sy = image.height / box.height;
  // The page is a plane `distance` in front of the lens, turned by `yaw`: a ray
  // through a preview pixel meets it at a point, which `roll` turns on the page.
  const nx = Math.sin(yaw);
  const nz = Math.cos(yaw);
  const ex = [Math.cos(yaw), -Math.sin(yaw)] as const;
  const cr = Math.cos(roll);
  const sr = Math.sin(roll);
  const ss = CAMERA.supersample;
  const light = new Float32Array(size * size);
  for (let v = 0; v < size; v++) {
    for (let u = 0; u < size; u++) {
      let sum = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const du = u + (i + 0.5) / ss - size / 2;
          const dv = v + (j + 0.5) / ss - size / 2;
          const t = (nz * distance) / (nx * du + nz * f);
          const px = t * du;
          const pz = t * f - distance;
          const a = px * ex[0] + pz * ex[1];
          const b = t * dv;
          const x = aim.cx + cr * a - sr * b;
          const y = aim.cy + sr * a + cr * b;
          sum += sample(image, (x - box.x) * sx, (y - box.y) * sy);
        }
      }
      light[v * size + u] = sum / (ss * ss);
    }
  }
  const blurred = gaussian(light, size, size, CAMERA.blur);
  const out = new Uint8ClampedArray(size * size);
  const span = CAMERA.paper - CAMERA.ink;
  for (let i = 0; i < out.length; i++) out[i] = CAMERA.ink + (span * blurred[i]!) / 255 + CAMERA.noise * normal(rand);
  return { data: out, width: size, height: size };
}

/** Bilinear sample; outside the render is white paper. */
function sample(img: GrayImage, x: number, y: number): number {
  const x0 = Math.floor(x - 0.5);
  const y0 = Math.floor(y - 0.5);
  const fx = x - 0.5 - x0;
  const fy = y - 0.5 - y0;
  const at = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= img.width || yy >= img.height ? 255 : img.data[yy * img.width + xx]!);
  return (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
}

function gaussian(src: Float32Array, w: number, h: number, sigma: number): Float32Array {
  const r = Math.ceil(3 * sigma);
  const k: number[] = [];
  let total = 0;
  for (let i = -r; i <= r; i++) {
    const v = Math.exp(-(i * i) / (2 * sigma * sigma));
    k.push(v);
    total += v;
  }
  const tmp = new Float32Array(w * h);
  const out = new Float32Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += k[i + r]! * src[y * w + Math.min(w - 1, Math.max(0, x + i))]!;
      tmp[y * w + x] = s / total;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let i = -r; i <= r; i++) s += k[i + r]! * tmp[Math.min(h - 1, Math.max(0, y + i)) * w + x]!;
      out[y * w + x] = s / total;
    }
  }
  return out;
}

/** A small, fast, seedable generator (mulberry32). */
function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  const u = rand() || 1e-12;
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}
