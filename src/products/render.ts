import type { LaidOutDocument } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import { paintPdf } from '../paint/pdf.js';
import { paintRaster, type RasterFormat } from '../paint/raster.js';

export type OutputFormat = 'pdf' | RasterFormat;
export const OUTPUT_FORMATS: OutputFormat[] = ['pdf', 'png', 'jpg', 'webp'];

export interface RenderOptions {
  format: OutputFormat;
  /** Raster resolution in dots per inch. */
  dpi: number;
  /** The PDF's date: SOURCE_DATE_EPOCH when set, never the clock, so reruns are identical. */
  date?: Date;
  /** PDF colours as CMYK for print shops. */
  cmyk?: boolean;
}

/** Paints a document: one PDF, or one image per page. */
export async function renderDocument(doc: LaidOutDocument, fonts: FontSet, o: RenderOptions): Promise<Buffer[]> {
  if (o.format === 'pdf') return [await paintPdf(doc, fonts, { date: o.date, cmyk: o.cmyk })];
  return Promise.all(doc.pages.map((page) => paintRaster(page, fonts, o.format as RasterFormat, o.dpi)));
}
