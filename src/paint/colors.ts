import type { Color } from '../layout/display-list.js';

/** A colour's red, green and blue, each 0–1. */
export function channels(hex: Color): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** Red, green and blue (0–1) as cyan, magenta, yellow and black (0–1); pure black goes to K only, so it prints with one plate. */
export function cmykOf(r: number, g: number, b: number): [number, number, number, number] {
  const k = 1 - Math.max(r, g, b);
  if (k >= 1) return [0, 0, 0, 1];
  return [(1 - r - k) / (1 - k), (1 - g - k) / (1 - k), (1 - b - k) / (1 - k), k];
}

/** '#RRGGBB' as CMYK percentages, as pdfkit takes them. */
export function toCmyk(hex: Color): [number, number, number, number] {
  return cmykOf(...channels(hex)).map((v) => Math.round(v * 1000) / 10) as [number, number, number, number];
}
