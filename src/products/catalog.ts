import type { OutputFormat } from '../export/render.js';
import type { PosterSize } from '../layout/page-sizes.js';
import { IMAGE_DPI, type ImagePreset } from './screen-image.js';

/**
 * What each product is, in one place: the resolution of its pictures, its type
 * floors where the layout enforces them, and its default file names. The
 * command line, the web page and the layouts read these rather than a number
 * of their own.
 */
export interface ProductDescriptor {
  /** Resolution of its pictures, dots per inch. */
  dpi: number;
  /** The smallest text and the body text, in points (posters: on A2), where the layout enforces them. */
  floors?: { min: number; body: number };
}

export const PRODUCTS = {
  leaflet: { dpi: 200, floors: { min: 9, body: 10 } },
  poster: { dpi: 150, floors: { min: 18, body: 36 } },
  image: { dpi: IMAGE_DPI },
  stickers: { dpi: 300, floors: { min: 7, body: 7.5 } },
  handout: { dpi: 200, floors: { min: 9, body: 10 } },
  // Only ever a PDF at real size (a 5 m banner is already 14,000 dots across at 72 dpi).
  banner: { dpi: 72 },
} as const satisfies Record<string, ProductDescriptor>;

/** File names people recognise, without accents: "to-roi-kich-hoat-a5.pdf". */
export const fileNames = {
  leaflet: (guide: string, size: string, largePrint: boolean, format: OutputFormat) => `to-roi-${guide}-${largePrint ? 'chu-to' : size}.${format}`,
  poster: (guide: string, size: string, landscape: boolean, format: OutputFormat, tile?: string) => `ap-phich-${guide}-${size}${landscape ? '-ngang' : ''}${tile ? `-ghep-${tile}` : ''}.${format}`,
  image: (guide: string, preset: string, format: OutputFormat) => `anh-${guide}-${preset}.${format}`,
  banner: (size: string) => `bang-ron-${size}.pdf`,
} as const;

/** Menu names for the web page's choices, in the clerk's words (the ids stay in file names). */
export const choiceTitles = {
  posterSize: { a4: 'A4 (21 × 29,7 cm)', a3: 'A3 (29,7 × 42 cm)', a2: 'A2 (42 × 59,4 cm)', a1: 'A1 (59,4 × 84,1 cm)', a0: 'A0 (84,1 × 118,9 cm)' },
  imagePreset: {
    'social-square': 'Facebook/Zalo vuông',
    'social-wide': 'Facebook/Zalo ngang',
    'led-fhd': 'Màn hình LED ngang',
    'led-portrait': 'Màn hình LED dọc',
  },
} as const satisfies { posterSize: Record<PosterSize, string>; imagePreset: Record<ImagePreset, string> };
