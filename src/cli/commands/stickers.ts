import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { drawStickerSheets } from '../../batch/sticker-batch.js';
import { readDataTable } from '../../content/data-table.js';
import { loadSheetPreset } from '../../layout/sheet-preset.js';
import { manifestCsv } from '../../output/manifest.js';
import { makeSlugger } from '../../output/slug.js';
import { stageOutput, type StagedOutput, type StagedStream } from '../../output/staged-output.js';
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
 * from a raster before the run reports success. The PDF, the images and the
 * manifest appear together at the end, or not at all.
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
  const pdfName = `tem-qr-${preset.name}.pdf`;
  const slug = makeSlugger('toa-nha');
  const pngNames = o.png ? rows.map((row) => `png/${slug(row.block)}.png`) : [];
  const staged = await stageOutput(o.out, [pdfName, ...pngNames, 'manifest.csv']);
  const progress = startProgress('Đang làm tem', sheetCount + pngNames.length, o.quiet);
  const interrupt = watchInterrupt();
  try {
    const stickers: PlacedSticker[] | undefined = o.png ? [] : undefined;
    const manifest = await writeSheets(input, unit, await staged.stream(pdfName), date, stickers, interrupt, () => progress.tick());
    if (stickers) await writePngs(stickers, pngNames, unit, staged, manifest, interrupt, () => progress.tick());
    await staged.write('manifest.csv', manifestCsv(['block', 'line', 'page', 'row', 'column', 'qr_level', 'png'], manifest));
    await staged.commit();
    progress.stop();
    process.stdout.write(
      `Đã tạo ${join(o.out, pdfName)}: ${rows.length} tem trên ${sheetCount} tờ (${preset.title}); mọi mã QR đã được quét thử.\n` +
        `Danh sách tem: ${join(o.out, 'manifest.csv')}${o.png ? `; ảnh từng tem trong ${join(o.out, 'png')}` : ''}\n`,
    );
    return 0;
  } catch (err) {
    await staged.discard();
    throw err;
  } finally {
    progress.stop();
    interrupt.dispose();
  }
}

/**
 * The PDF of all sheets, streamed to the batch's hidden folder (Ctrl-C is
 * honoured between sheets). Each placed sticker goes into `keep` when given, for
 * the images.
 */
async function writeSheets(input: StickerSheetInput, unit: UnitContext, file: StagedStream, date: Date | undefined, keep: PlacedSticker[] | undefined, interrupt: Interruption, tick: () => void) {
  const total = stickerSheetCount(input.rows.length, input.preset);
  let sheets = 0;
  const writer = openPdf({ title: stickerTitle(input), author: input.profile.unit.name }, unit.fonts, { date, links: false }, (chunk) => file.write(chunk));
  const manifest: Record<string, string | number>[] = [];
  await drawStickerSheets(input, unit, writer, async (placed) => {
    for (const p of placed) manifest.push({ block: p.row.block, line: p.row.line, page: p.page, row: p.sheetRow, column: p.sheetColumn, qr_level: levelColumn(p.levels), png: '' });
    keep?.push(...placed);
    tick();
    await file.drained();
    interrupt.check(++sheets, total, 'tờ tem');
  });
  await writer.end();
  await file.close();
  return manifest;
}

/**
 * One image per block, named by a safe slug, rendered on every core from the
 * stickers the PDF pass placed (in data order, as the manifest and `names`), so
 * no sheet is laid out twice; they stay in memory until the images are written.
 */
async function writePngs(stickers: PlacedSticker[], names: string[], unit: UnitContext, staged: StagedOutput, manifest: Record<string, string | number>[], interrupt: Interruption, tick: () => void) {
  names.forEach((name, i) => (manifest[i]!.png = join(...name.split('/'))));
  let next = 0;
  let done = 0;
  // The first failure (a full disk, Ctrl-C) stops every worker before the batch is discarded.
  let failure: { err: unknown } | undefined;
  const worker = async () => {
    for (let i = next++; i < stickers.length && !failure; i = next++) {
      await staged.write(names[i]!, await paintRaster(stickers[i]!.single(), unit.fonts, 'png', PNG_DPI));
      tick();
      interrupt.check(++done, stickers.length, 'ảnh tem');
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, availableParallelism()) }, () => worker().catch((err: unknown) => void (failure ??= { err }))));
  if (failure) throw failure.err;
}

/** The stickers' error correction for the manifest: "Q", or one level a code ("Q/Q/M") when they differ. */
function levelColumn(levels: string[]): string {
  return new Set(levels).size === 1 ? levels[0]! : levels.join('/');
}
