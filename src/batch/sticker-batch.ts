// The sticker batch as the command line and the web page both make it: the
// same sheets, the same QR read-back, the same PDF options, so the same bytes.

import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import type { FontSet } from '../layout/fonts.js';
import type { Measurer } from '../layout/measure.js';
import type { SheetPreset } from '../layout/sheet-preset.js';
import { manifestCsv } from '../output/manifest.js';
import { openPdf, type PdfOptions, type PdfWriter } from '../paint/pdf.js';
import { paintRaster } from '../paint/raster.js';
import { PRODUCTS } from '../products/catalog.js';
import { leftOutNotices, noteLeftOut, stickerSheetCount, stickerSheets, stickerTitle, type LeftOutLines, type PlacedSticker, type StickerSheetInput } from '../products/sticker-sheet.js';
import { STICKER } from '../products/scan-distance.js';
import { verifyQrCodes } from '../qr/verify.js';
import { itemDone, type Batch, type BatchHooks, type BatchSink, type BatchStream } from './batch.js';

/**
 * Lays out, checks and draws the sticker sheets one at a time: every QR code is
 * read back as a phone 30 cm away sees it (qr/verify.ts) before the sheet goes
 * into the PDF.
 */
export async function drawStickerSheets(
  input: StickerSheetInput,
  tools: { fonts: FontSet; m: Measurer },
  writer: PdfWriter,
  afterSheet: (placed: PlacedSticker[]) => Promise<void> | void,
): Promise<void> {
  const proven = new Set<string>();
  for (const { page, placed } of stickerSheets(input, tools.m)) {
    const failures = await verifyQrCodes(page, tools.fonts, STICKER, proven);
    if (failures.length) throw unreadable(input.dataFile, placed, failures[0]!.qr.url);
    writer.addPage(page);
    await afterSheet(placed);
  }
}

function unreadable(file: string, placed: PlacedSticker[], url: string): UserError {
  const row = placed.find((p) => p.row.url === url)?.row ?? placed[0]?.row;
  return new UserError({
    file,
    line: row?.line,
    field: row?.url === url ? 'url' : undefined,
    message: `mã QR cho "${url}" không quét lại được ở cỡ in này`,
    hint: 'dùng đường link ngắn hơn, hoặc nhãn lớn hơn để mã QR được in to hơn',
  });
}

export const stickerPdfName = (preset: SheetPreset) => `tem-qr-${preset.name}.pdf`;
export const STICKER_MANIFEST = 'manifest.csv';

/**
 * Label sheets are only ever printed: a QR code there is not also a link (it
 * would be dead weight in a PDF nobody taps on). The date keeps reruns identical.
 */
const stickerPdfOptions = (date: Date | undefined): PdfOptions => ({ date, links: false });

export interface StickerBatchOptions {
  /** One picture per block too, in png/, named by a safe slug of the block's name. */
  pictures: boolean;
  /** The PDF's date (SOURCE_DATE_EPOCH), never the clock. */
  date?: Date;
}

export interface StickerBatchResult {
  stickers: number;
  sheets: number;
  /** Stickers that left something out for want of room, for the user to hear about. */
  notices: string[];
}

/**
 * One QR sticker per block, on label sheets: the PDF of every sheet (streamed,
 * so memory stays flat for any batch), a picture of each sticker when asked
 * (rendered on every core from the stickers the PDF pass placed, so no sheet is
 * laid out twice) and the manifest of where each sticker is.
 */
export async function stickerBatch(input: StickerSheetInput, unit: { fonts: FontSet; m: Measurer }, o: StickerBatchOptions): Promise<Batch<StickerBatchResult>> {
  const sheets = stickerSheetCount(input.rows.length, input.preset);
  const pdfName = stickerPdfName(input.preset);
  const pictures = o.pictures ? await pictureNames(input.rows) : [];
  return {
    files: [pdfName, ...pictures, STICKER_MANIFEST],
    steps: sheets + pictures.length,
    async run(sink, hooks = {}) {
      const kept: PlacedSticker[] | undefined = o.pictures ? [] : undefined;
      const { manifest, shortened } = await writeSheets(input, unit, await sink.stream(pdfName), stickerPdfOptions(o.date), kept, hooks);
      if (kept) {
        // The manifest names each picture as the user's system writes paths.
        pictures.forEach((name, i) => (manifest[i]!.png = join(...name.split('/'))));
        await writePictures(kept, pictures, unit.fonts, sink, hooks);
      }
      await sink.write(STICKER_MANIFEST, manifestCsv(['block', 'line', 'page', 'row', 'column', 'qr_level', 'png'], manifest));
      return { stickers: input.rows.length, sheets, notices: leftOutNotices(shortened, input.preset) };
    },
  };
}

/**
 * Each block's picture, named by a safe slug of its name. Loaded only for
 * pictures: the transliteration behind the slugs takes ~20 ms to set up.
 */
async function pictureNames(rows: StickerSheetInput['rows']): Promise<string[]> {
  const { makeSlugger } = await import('../output/slug.js');
  const slug = makeSlugger('toa-nha');
  return rows.map((row) => `png/${slug(row.block)}.png`);
}

/** The PDF of all sheets; each placed sticker goes into `keep` when given, for the pictures. */
async function writeSheets(input: StickerSheetInput, unit: { fonts: FontSet; m: Measurer }, file: BatchStream, options: PdfOptions, keep: PlacedSticker[] | undefined, hooks: BatchHooks) {
  const total = stickerSheetCount(input.rows.length, input.preset);
  let sheets = 0;
  const writer = openPdf({ title: stickerTitle(input), author: input.profile.unit.name }, unit.fonts, options, (chunk) => file.write(chunk));
  const manifest: Record<string, string | number>[] = [];
  // Only the line numbers of stickers that left something out are kept: memory stays flat.
  const shortened: LeftOutLines = new Map();
  hooks.progress?.(0, total, 'tờ tem');
  await drawStickerSheets(input, unit, writer, async (placed) => {
    for (const p of placed) manifest.push({ block: p.row.block, line: p.row.line, page: p.page, row: p.sheetRow, column: p.sheetColumn, qr_level: levelColumn(p.levels), png: '' });
    keep?.push(...placed);
    noteLeftOut(placed, shortened);
    await file.drained();
    await itemDone(hooks, ++sheets, total, 'tờ tem');
  });
  await writer.end();
  await file.close();
  return { manifest, shortened };
}

/** One picture per sticker, in data order (as `names`), on every core; they stay in memory until written. */
async function writePictures(stickers: PlacedSticker[], names: string[], fonts: FontSet, sink: BatchSink, hooks: BatchHooks) {
  let next = 0;
  let done = 0;
  // The first failure (a full disk, Ctrl-C) stops every worker before the batch is discarded.
  let failure: { err: unknown } | undefined;
  hooks.progress?.(0, stickers.length, 'ảnh tem');
  const worker = async () => {
    for (let i = next++; i < stickers.length && !failure; i = next++) {
      await sink.write(names[i]!, await paintRaster(stickers[i]!.single(), fonts, 'png', PRODUCTS.stickers.dpi));
      await itemDone(hooks, ++done, stickers.length, 'ảnh tem');
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, () => worker().catch((err: unknown) => void (failure ??= { err }))));
  if (failure) throw failure.err;
}

/** The stickers' error correction for the manifest: "Q", or one level a code ("Q/Q/M") when they differ. */
function levelColumn(levels: string[]): string {
  return new Set(levels).size === 1 ? levels[0]! : levels.join('/');
}
