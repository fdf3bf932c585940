import { MM, type PosterSize } from '../layout/page-sizes.js';

/**
 * Where each product's QR codes are read from, and what that asks of them: the
 * one place the code sizes, quiet zone, spacing, error correction and the
 * read-back's camera come from (issue #14, from a camera study in ward lobbies).
 *
 * Sizes are the code's dark square, finder pattern to finder pattern: the white
 * quiet zone around it is not counted.
 */

export type QrLevel = 'M' | 'Q';

export interface ScanPlace {
  /** Phone to code, in the page's own units (points; for screen pictures, the picture's points). */
  distance: number;
  /**
   * 'arm': held or read at arm's length (stickers, leaflets, handouts): a floor of
   * 22 mm. 'far': on a wall or a screen: the code's side at least a tenth of the distance.
   */
  reach: 'arm' | 'far';
  /** The error correction the place asks for; Q gives way to M when the size does not allow it. */
  level: QrLevel;
}

/** White modules on each side of a code, clear of any ink (ISO/IEC 18004). */
export const QUIET_MODULES = 4;
/** The smallest code read at arm's length. */
export const ARM_MIN_SIDE = 22 * MM;
/** At a distance: side ≥ distance / 10. */
export const FAR_RATIO = 10;
/** Codes on one product stand at least a third of a code's side apart (dark square to dark square). */
export const SPACING_RATIO = 1 / 3;

/** The phone the read-back imitates: a 1080p video preview, about 65° across its 1920 pixels. */
const PREVIEW = { width: 1920, height: 1080, fieldOfView: 65 } as const;
/** Focal length of that preview in pixels: a thing of size s at distance d spans s / d × this. */
export const PREVIEW_FOCAL = PREVIEW.width / 2 / Math.tan(((PREVIEW.fieldOfView / 2) * Math.PI) / 180);
/**
 * The fewest preview pixels per module a code gets at its distance. The
 * read-back's camera (qr/camera.ts) loses codes below about 2.5 (jsQR first,
 * then ZXing); 3 keeps a fifth in hand.
 */
const MIN_PREVIEW_PX_PER_MODULE = 3;

/** A sticker in a lobby or by a lift, and an A5/A4 leaflet in the hand: about 30 cm. */
export const STICKER: ScanPlace = { distance: 300 * MM, reach: 'arm', level: 'Q' };
export const LEAFLET: ScanPlace = { distance: 300 * MM, reach: 'arm', level: 'M' };
/** A parent's handout on a table, scanned from a chair: about 40 cm. */
export const HANDOUT: ScanPlace = { distance: 400 * MM, reach: 'arm', level: 'M' };

/**
 * Posters on a wall, by size: people read the steps from metres away but walk up
 * to scan, to about 1.4 times the sheet's short side. These are the distances
 * every guide's poster holds codes for in both orientations, the steps' type
 * staying at its floor (a larger sheet is read from farther and holds larger codes).
 */
export const POSTER_DISTANCE_MM: Record<PosterSize, number> = { a4: 300, a3: 400, a2: 600, a1: 850, a0: 1200 };
export function posterPlace(size: PosterSize): ScanPlace {
  return { distance: POSTER_DISTANCE_MM[size] * MM, reach: 'far', level: 'Q' };
}

/**
 * A picture on a screen (a lobby TV, an LED panel) is read from about its own
 * diagonal away: a 55-inch TV from 1.4 m. Whatever the screen, that is in the
 * picture's own units, so its codes are at least a tenth of its diagonal.
 */
export function screenPlace(width: number, height: number): ScanPlace {
  return { distance: Math.hypot(width, height), reach: 'far', level: 'M' };
}

/** Pixels per module the preview gets from a module of this size at this distance. */
export function previewPxPerModule(module: number, distance: number): number {
  return (module / distance) * PREVIEW_FOCAL;
}

/** The side the place asks for whatever the code: 22 mm at arm's length, distance / 10 beyond. */
export function baseSide(place: ScanPlace): number {
  return place.reach === 'arm' ? ARM_MIN_SIDE : place.distance / FAR_RATIO;
}

/** The smallest side for a code of `modules` modules at this place: the base, and enough pixels per module. */
export function minSide(place: ScanPlace, modules: number): number {
  return Math.max(baseSide(place), (modules * MIN_PREVIEW_PX_PER_MODULE * place.distance) / PREVIEW_FOCAL);
}

/** Space between two codes' dark squares. */
export function minSpacing(side: number): number {
  return side * SPACING_RATIO;
}

/** The levels to try for a place, the one it asks for first: Q gives way to M when the size does not allow it. */
export function levelsFor(place: ScanPlace): QrLevel[] {
  return place.level === 'Q' ? ['Q', 'M'] : ['M'];
}

/** "22 mm", "4,0 cm": a size for a message. */
export function sizeForMessage(points: number): string {
  const mm = points / MM;
  return mm < 100 ? `${Math.round(mm)} mm` : `${(mm / 10).toFixed(1).replace('.', ',')} cm`;
}

/** "30 cm", "1,1 m": a distance for a message. */
export function distanceForMessage(points: number): string {
  const cm = points / MM / 10;
  return cm < 100 ? `${Math.round(cm)} cm` : `${(cm / 100).toFixed(1).replace('.', ',')} m`;
}
