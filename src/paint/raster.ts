import type { Page } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import { paintSvg } from './svg.js';
import { loadSharp } from './load-sharp.js';

export type RasterFormat = 'png' | 'jpg' | 'webp';

/** Pixel size of a page at `dpi`. */
export function pixelSize(page: Page, dpi: number): { width: number; height: number } {
  return { width: Math.round((page.width / 72) * dpi), height: Math.round((page.height / 72) * dpi) };
}

/** Renders one page to PNG, JPEG or WebP through its SVG (sharp/librsvg). */
export async function paintRaster(page: Page, fonts: FontSet, format: RasterFormat, dpi: number): Promise<Buffer> {
  const sharp = await loadSharp();
  const px = pixelSize(page, dpi);
  const svg = paintSvg(page, fonts, px.width, px.height);
  const image = sharp(Buffer.from(svg), { limitInputPixels: false }).flatten({ background: '#FFFFFF' }).withMetadata({ density: dpi });
  switch (format) {
    case 'png':
      return image.png({ compressionLevel: 6 }).toBuffer();
    case 'jpg':
      return image.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer();
    case 'webp':
      return image.webp({ quality: 90 }).toBuffer();
  }
}
