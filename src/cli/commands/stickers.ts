import { join } from 'node:path';
import { STICKER_MANIFEST, stickerBatch, stickerPdfName } from '../../batch/sticker-batch.js';
import { readDataTable } from '../../content/data-table.js';
import { loadSheetPreset } from '../../layout/sheet-preset.js';
import { BLOCK_COLUMNS, blockRows } from '../../products/data-rows.js';
import { stickerReminder, type StickerSheetInput } from '../../products/sticker-sheet.js';
import { loadUnitFor, noteLayoutChoices } from '../unit.js';
import { allowedSchemes, sourceDate } from '../output-options.js';
import { runStaged } from '../staged-batch.js';

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

/**
 * One QR sticker per apartment block, on label sheets (src/batch/sticker-batch.ts):
 * every QR code is read back from a raster before the run reports success. The
 * PDF, the images and the manifest appear together at the end, or not at all.
 */
export async function stickersCommand(o: StickersOptions): Promise<number> {
  const date = sourceDate();
  const allow = allowedSchemes(o.allowScheme);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  const preset = loadSheetPreset(o.sheet);
  const table = await readDataTable(o.data, { ...BLOCK_COLUMNS, allowSchemes: allow, missingGlyphs: unit.fonts.missingGlyphs });
  for (const w of table.warnings) process.stderr.write(`Lưu ý: ${w}\n`);
  const input: StickerSheetInput = { profile: unit.profile, rows: blockRows(table.rows), preset, reminder: stickerReminder(unit.profile), dataFile: o.data };
  const batch = await stickerBatch(input, unit, { pictures: o.png, date });
  const { result } = await runStaged(o.out, batch.files, { label: 'Đang làm tem', total: batch.steps, quiet: o.quiet }, (sink, hooks) => batch.run(sink, hooks));
  noteLayoutChoices(result.notices);
  process.stdout.write(
    `Đã tạo ${join(o.out, stickerPdfName(preset))}: ${result.stickers} tem trên ${result.sheets} tờ (${preset.title}); mọi mã QR đã được quét thử.\n` +
      `Danh sách tem: ${join(o.out, STICKER_MANIFEST)}${o.png ? `; ảnh từng tem trong ${join(o.out, 'png')}` : ''}\n`,
  );
  return 0;
}
