import { encodable, qrModules } from '../qr/matrix.js';
import { baseSide, minSide, minSpacing, QUIET_MODULES, type QrLevel, type ScanPlace } from '../products/scan-distance.js';
import type { Block } from './block.js';
import type { Color } from './display-list.js';

/** A code ready to place: its matrix, level and the side of its dark square (quiet zone not counted). */
export interface QrSpec {
  url: string;
  level: QrLevel;
  modules: boolean[][];
  /** The dark square, finder pattern to finder pattern, in points. */
  side: number;
}

/** A code for `url` at `level`, as small as `place` allows, or `design` when that is larger. */
export function qrSpec(url: string, place: ScanPlace, level: QrLevel, design = 0): QrSpec {
  const modules = qrModules(url, level);
  return { url, level, modules, side: Math.max(design, minSide(place, modules.length)) };
}

/**
 * The level for `url` at `place`: the one the place asks for (Q on stickers and
 * posters) while a code of that level fits `room`, the side the layout gives
 * codes there; M otherwise ("when the size allows").
 */
export function levelFor(url: string, place: ScanPlace, room = baseSide(place)): QrLevel {
  if (place.level === 'M' || !encodable(url, 'Q')) return 'M';
  return minSide(place, qrModules(url, 'Q').length) <= Math.max(room, baseSide(place)) + 1e-6 ? 'Q' : 'M';
}

/** Codes shown together get one size: the largest any of them needs. */
export function sameSide(specs: QrSpec[], design = 0): QrSpec[] {
  const side = Math.max(design, ...specs.map((s) => s.side));
  return specs.map((s) => ({ ...s, side }));
}

/** The module's size. */
const moduleOf = (spec: Pick<QrSpec, 'side' | 'modules'>): number => spec.side / spec.modules.length;

/** The code's printed square: the dark square and its quiet zone of 4 modules each side. */
export const outerSide = (spec: Pick<QrSpec, 'side' | 'modules'>): number => spec.side + 2 * QUIET_MODULES * moduleOf(spec);

/**
 * A QR code on its own white square, which is its quiet zone: nothing else may be
 * drawn on it. `box` (at least the code's outer side) keeps the dark squares of a
 * row of codes with different module counts at one size and aligned: the quiet
 * zone of the finer one grows.
 */
export function qrBlock(spec: QrSpec, color: Color, box = outerSide(spec)): Block {
  const size = Math.max(box, outerSide(spec));
  const margin = (size / moduleOf(spec) - spec.modules.length) / 2;
  return {
    width: size,
    height: size,
    place: (x, y) => [
      { type: 'rect', x, y, width: size, height: size, fill: '#FFFFFF' },
      { type: 'qr', x, y, size, modules: spec.modules, margin, color, url: spec.url, level: spec.level },
    ],
  };
}

/** The white square that holds every code of a row (see qrBlock). */
export const commonBox = (specs: QrSpec[]): number => Math.max(...specs.map(outerSide));

/**
 * The gap to leave between blocks side by side that each centre a code of
 * `side`: `design`, or more, so the codes stand a third of a code apart.
 */
export function codeGap(blocks: { width: number }[], side: number, design: number): number {
  let gap = design;
  for (let i = 1; i < blocks.length; i++) gap = Math.max(gap, minSpacing(side) - (blocks[i - 1]!.width - side) / 2 - (blocks[i]!.width - side) / 2);
  return gap;
}
