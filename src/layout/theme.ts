import type { Color } from './display-list.js';

/** The campaign's look: national red and gold on warm white, dark ink for reading. */
const COLOR = {
  primary: '#C8102E',
  gold: '#FFCD00',
  ink: '#1B1F24',
  muted: '#545E6B',
  paper: '#FFFFFF',
  tint: '#FDF1EE',
  noteBg: '#FFF7D6',
  noteBar: '#E0A800',
  onPrimary: '#FFFFFF',
  /** Large bands (page header, sticker call to action) and the text on them. */
  band: '#C8102E',
  onBand: '#FFFFFF',
  onBandSoft: '#FFE7A3',
} as const satisfies Record<string, Color>;

export type Palette = Record<keyof typeof COLOR, Color>;

/**
 * For black-and-white laser printers: no colour at all, strong contrast for
 * text, and no large dark areas (bands become light grey with a dark rule).
 */
const GRAYSCALE: Palette = {
  primary: '#000000',
  gold: '#000000',
  ink: '#000000',
  muted: '#3A3A3A',
  paper: '#FFFFFF',
  tint: '#F0F0F0',
  noteBg: '#F0F0F0',
  noteBar: '#000000',
  onPrimary: '#FFFFFF',
  band: '#E8E8E8',
  onBand: '#000000',
  onBandSoft: '#262626',
};

export const PALETTES = { color: COLOR as Palette, grayscale: GRAYSCALE } as const;
export type PaletteName = keyof typeof PALETTES;

/** Line height as a multiple of the font size; headings wrap rarely and need room for stacked Vietnamese accents. */
export const LEADING = { tight: 1.18, heading: 1.26, body: 1.36 } as const;

/** Where the baseline sits in a line box, for Be Vietnam Pro (ascent 1.0, descent 0.265 em). */
export function baselineOffset(size: number, lineHeight: number): number {
  return (lineHeight - 1.265 * size) / 2 + 1.0 * size;
}

/**
 * How far text stays inside the trim, in points at the A5 design size: office
 * printers cannot print the outer 4–5 mm of a sheet.
 */
export const SAFE_EDGE = 5.2 * (72 / 25.4);
