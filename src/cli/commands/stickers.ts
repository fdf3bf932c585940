import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { drawStickerSheets } from '../../batch/sticker-batch.js';
import { readDataTable } from '../../content/data-table.js';
import { renderGuide } from '../../content/guides.js';
import { loadSheetPreset } from '../../layout/sheet-preset.js';
import { manifestCsv } from '../../output/manifest.js';
import { makeSlugger } from '../../output/slug.js';
import { openAtomic, writeFileAtomic } from '../../output/write-atomic.js';
import { openPdf } from '../../paint/pdf.js';
import { paintRaster } from '../../paint/raster.js';
import { BLOCK_COLUMNS, blockRows } from '../../products/data-rows.js';
import { stickerSheets, stickerTitle, type PlacedSticker, type StickerSheetInput } from '../../products/sticker-sheet.js';
import type { UnitContext } from '../../products/unit-context.js';
import { loadUnitFor } from '../unit.js';
import { watchInterrupt } from '../interrupt.js';
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

const REMINDER = fileURLToPath(new URL('../../../templates/stickers/nhac-viec.hbs', import.meta.url));
/** Per-block images at print resolution. */
const PNG_DPI = 300;

/**
 * One QR sticker per apartment block, on label sheets. Sheets are laid out,
 * checked and written one at a time, so memory stays flat for any batch; every
 * QR code is read back from a raster before the run reports success.
 */
export async function stickersCommand(o: StickersOptions): Promise<number> {
  const date = sourceDate();
  const allow = allowedSchemes(o.allowScheme);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  const preset = loadSheetPreset(o.sheet);
  const table = await readDataTable(o.data, { ...BLOCK_COLUMNS, allowSchemes: allow, missingGlyphs: unit.fonts.missingGlyphs });
  for (const w of table.warnings) process.stderr.write(`Lưu ý: ${w}\n`);
  const rows = blockRows(table.rows);
  const input: StickerSheetInput = { profile: unit.profile, rows, preset, reminder: renderGuide({ id: 'nhac-viec', title: '', summary: '', file: REMINDER }, unit.profile), dataFile: o.data };
  const sheetCount = Math.ceil(rows.length / (preset.columns * preset.rows));
  const progress = startProgress('Đang làm tem', sheetCount + (o.png ? rows.length : 0), o.quiet);
  const interrupt = watchInterrupt();
  try {
    const pdfName = `tem-qr-${preset.name}.pdf`;
    const manifest = await writeSheets(input, unit, join(o.out, pdfName), date, () => progress.tick());
    if (o.png) await writePngs(input, unit, o.out, manifest, interrupt, () => progress.tick());
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

/** The PDF of all sheets, streamed to a temporary file that becomes the real one only when complete. */
async function writeSheets(input: StickerSheetInput, unit: UnitContext, path: string, date: Date | undefined, tick: () => void) {
  const file = await openAtomic(path);
  const writer = openPdf({ title: stickerTitle(input), author: input.profile.unit.name }, unit.fonts, { date, links: false }, (chunk) => file.write(chunk));
  const manifest: Record<string, string | number>[] = [];
  try {
    await drawStickerSheets(input, unit, writer, async (placed) => {
      for (const p of placed) manifest.push({ block: p.row.block, line: p.row.line, page: p.page, row: p.sheetRow, column: p.sheetColumn, png: '' });
      tick();
      await file.drained();
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
 * One image per block, named by a safe slug, rendered on every core. The sheets
 * are laid out again here (cheap) rather than kept from the PDF pass, so memory
 * stays flat however many blocks there are.
 */
async function writePngs(input: StickerSheetInput, unit: UnitContext, out: string, manifest: Record<string, string | number>[], interrupt: ReturnType<typeof watchInterrupt>, tick: () => void) {
  const slug = makeSlugger('toa-nha');
  const jobs: { sticker: PlacedSticker; file: string }[] = [];
  for (const { placed } of stickerSheets(input, unit.m)) for (const sticker of placed) jobs.push({ sticker, file: join('png', `${slug(sticker.row.block)}.png`) });
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
