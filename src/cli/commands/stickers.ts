import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { drawStickerSheets } from '../../batch/sticker-batch.js';
import { readDataTable } from '../../content/data-table.js';
import { loadSheetPreset } from '../../layout/sheet-preset.js';
import { manifestCsv } from '../../output/manifest.js';
import { makeSlugger } from '../../output/slug.js';
import { openAtomic, writeFileAtomic } from '../../output/write-atomic.js';
import { openPdf } from '../../paint/pdf.js';
import { paintRaster } from '../../paint/raster.js';
import { BLOCK_COLUMNS, blockRows } from '../../products/data-rows.js';
import { stickerReminder, stickerSheetCount, stickerTitle, type PlacedSticker, type StickerSheetInput } from '../../products/sticker-sheet.js';
import type { UnitContext } from '../../products/unit-context.js';
import { loadUnitFor } from '../unit.js';
import { watchInterrupt, type Interruption } from '../interrupt.js';
import { allowedSchemes, sourceDate } from '../output-options.js';
import { startProgress } from '../progress.js';

export interface StickersOptions {
  /** Extra link schemes for QR codes (--allow-scheme). */
  allowScheme?: string[];
  unit: string;
  data: string;
  sheet: string;
  out: string;
  png: boolean;
  quiet: boolean;
}

/** Per-block images at print resolution. */
const PNG_DPI = 300;

/**
 * One QR sticker per apartment block, on label sheets. Sheets are laid out,
 * checked and written one at a time, so memory stays flat for any batch (with
 * --png, each placed sticker is kept for its image); every QR code is read back
 * from a raster before the run reports success.
 */
export async function stickersCommand(o: StickersOptions): Promise<number> {
  const date = sourceDate();
  const allow = allowedSchemes(o.allowScheme);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  const preset = loadSheetPreset(o.sheet);
  const table = await readDataTable(o.data, { ...BLOCK_COLUMNS, allowSchemes: allow, missingGlyphs: unit.fonts.missingGlyphs });
  for (const w of table.warnings) process.stderr.write(`Lưu ý: ${w}\n`);
  const rows = blockRows(table.rows);
  const input: StickerSheetInput = { profile: unit.profile, rows, preset, reminder: stickerReminder(unit.profile), dataFile: o.data };
  const sheetCount = stickerSheetCount(rows.length, preset);
  const progress = startProgress('Đang làm tem', sheetCount + (o.png ? rows.length : 0), o.quiet);
  const interrupt = watchInterrupt();
  try {
    const pdfName = `tem-qr-${preset.name}.pdf`;
    const stickers: PlacedSticker[] | undefined = o.png ? [] : undefined;
    const manifest = await writeSheets(input, unit, join(o.out, pdfName), date, stickers, interrupt, () => progress.tick());
    if (stickers) await writePngs(stickers, unit, o.out, manifest, interrupt, () => progress.tick());
    await writeFileAtomic(join(o.out, 'manifest.csv'), manifestCsv(['block', 'line', 'page', 'row', 'column', 'png'], manifest));
    progress.stop();
    process.stdout.write(
      `Đã tạo ${join(o.out, pdfName)}: ${rows.length} tem trên ${sheetCount} tờ (${preset.title}); mọi mã QR đã được quét thử.\n` +
        `Danh sách tem: ${join(o.out, 'manifest.csv')}${o.png ? `; ảnh từng tem trong ${join(o.out, 'png')}` : ''}\n`,
    );
    return 0;
  } finally {
    progress.stop();
    interrupt.dispose();
  }
}

/**
 * The PDF of all sheets, streamed to a temporary file that becomes the real one
 * only when complete (Ctrl-C between sheets leaves none). Each placed sticker goes
 * into `keep` when given, for the images.
 */
async function writeSheets(input: StickerSheetInput, unit: UnitContext, path: string, date: Date | undefined, keep: PlacedSticker[] | undefined, interrupt: Interruption, tick: () => void) {
  const total = stickerSheetCount(input.rows.length, input.preset);
  let sheets = 0;
  const file = await openAtomic(path);
  const writer = openPdf({ title: stickerTitle(input), author: input.profile.unit.name }, unit.fonts, { date, links: false }, (chunk) => file.write(chunk));
  const manifest: Record<string, string | number>[] = [];
  try {
    await drawStickerSheets(input, unit, writer, async (placed) => {
      for (const p of placed) manifest.push({ block: p.row.block, line: p.row.line, page: p.page, row: p.sheetRow, column: p.sheetColumn, png: '' });
      keep?.push(...placed);
      tick();
      await file.drained();
      interrupt.check(++sheets, total, 'tờ tem');
    });
    await writer.end();
    await file.commit();
  } catch (err) {
    await file.abort();
    throw err;
  }
  return manifest;
}

/**
 * One image per block, named by a safe slug, rendered on every core from the
 * stickers the PDF pass placed (in data order, as the manifest), so no sheet is
 * laid out twice; they stay in memory until the images are written.
 */
async function writePngs(stickers: PlacedSticker[], unit: UnitContext, out: string, manifest: Record<string, string | number>[], interrupt: Interruption, tick: () => void) {
  const slug = makeSlugger('toa-nha');
  const jobs = stickers.map((sticker) => ({ sticker, file: join('png', `${slug(sticker.row.block)}.png`) }));
  jobs.forEach((j, i) => (manifest[i]!.png = j.file));
  let next = 0;
  let done = 0;
  const worker = async () => {
    for (let i = next++; i < jobs.length; i = next++) {
      interrupt.check(done, jobs.length, 'ảnh tem');
      const { sticker, file } = jobs[i]!;
      await writeFileAtomic(join(out, file), await paintRaster(sticker.single(), unit.fonts, 'png', PNG_DPI));
      done++;
      tick();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, worker));
}
