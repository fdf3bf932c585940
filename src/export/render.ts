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

/**
 * The one place a laid-out document becomes bytes, for the command line and the
 * web page alike: one PDF, or one image per page.
 */
export async function renderDocument(doc: LaidOutDocument, fonts: FontSet, o: RenderOptions): Promise<Buffer[]> {
  if (o.format === 'pdf') return [await paintPdf(doc, fonts, { date: o.date, cmyk: o.cmyk })];
  return Promise.all(doc.pages.map((page) => paintRaster(page, fonts, o.format as RasterFormat, o.dpi)));
}

/**
 * File names for a document's raster pages: the name itself for the front, then
 * "-mat-sau" (the back) and "-trang-N" for any further page.
 */
export function pageFileNames(name: string, pages: number): string[] {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  return Array.from({ length: pages }, (_, i) => (i === 0 ? name : i === 1 ? `${stem}-mat-sau${ext}` : `${stem}-trang-${i + 1}${ext}`));
}

/** The files a document becomes: one PDF, or a picture of each page named after the first. */
export function exportNames(name: string, format: OutputFormat, pages: number): string[] {
  return format === 'pdf' ? [name] : pageFileNames(name, pages);
}

export interface ExportedFile {
  name: string;
  bytes: Buffer;
}

/** A document as the files a user gets: one PDF, or a picture of each side named after the first. */
export async function exportDocument(doc: LaidOutDocument, fonts: FontSet, name: string, o: RenderOptions): Promise<ExportedFile[]> {
  const files = await renderDocument(doc, fonts, o);
  const names = exportNames(name, o.format, files.length);
  return names.map((n, i) => ({ name: n, bytes: files[i]! }));
}
