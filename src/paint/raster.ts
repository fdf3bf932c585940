import type { Page } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import { platform, type RasterFormat } from '../platform/platform.js';
import { paintSvg } from './svg.js';

export type { RasterFormat };

/** Pixel size of a page at `dpi`. */
export function pixelSize(page: Page, dpi: number): { width: number; height: number } {
  return { width: Math.round((page.width / 72) * dpi), height: Math.round((page.height / 72) * dpi) };
}

/** Renders one page to PNG, JPEG or WebP through its SVG (the platform's rasteriser: sharp/librsvg on Node, a canvas in the browser). */
export async function paintRaster(page: Page, fonts: FontSet, format: RasterFormat, dpi: number): Promise<Buffer> {
  const px = pixelSize(page, dpi);
  const svg = paintSvg(page, fonts, px.width, px.height);
  const bytes = await platform().raster.encode(svg, format, dpi);
  // Node's rasteriser gives a Buffer already; the browser's bytes are viewed as one, not copied.
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
