import type { Color } from './display-list.js';

/** The campaign's look: national red and gold on warm white, dark ink for reading. */
export const COLORS = {
  primary: '#C8102E',
  primaryDark: '#8E0B1F',
  gold: '#FFCD00',
  ink: '#1B1F24',
  muted: '#545E6B',
  paper: '#FFFFFF',
  tint: '#FDF1EE',
  noteBg: '#FFF7D6',
  noteBar: '#E0A800',
  rule: '#E3D6D2',
  onPrimary: '#FFFFFF',
  onPrimarySoft: '#FFE7A3',
} as const satisfies Record<string, Color>;

/** Line height as a multiple of the font size. */
export const LEADING = { tight: 1.18, body: 1.36 } as const;

/** Where the baseline sits in a line box, for Be Vietnam Pro (ascent 1.0, descent 0.265 em). */
export function baselineOffset(size: number, lineHeight: number): number {
  return (lineHeight - 1.265 * size) / 2 + 1.0 * size;
}
