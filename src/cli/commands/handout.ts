import { join } from 'node:path';
import { handoutBatch, PRINT_LIST_FILE, PRINT_ROOM_FILE } from '../../batch/handout-batch.js';
import { readDataTable } from '../../content/data-table.js';
import { findGuide, renderGuide } from '../../content/guides.js';
import { UserError } from '../../errors.js';
import { CLASS_COLUMNS, classRows, classTableWarnings, type ClassRow } from '../../products/data-rows.js';
import { loadUnitFor } from '../unit.js';
import { allowedSchemes, checkBleed, sourceDate } from '../output-options.js';
import { runStaged } from '../staged-batch.js';

export interface HandoutCommandOptions {
  /** Extra link schemes for QR codes (--allow-scheme). */
  allowScheme?: string[];
  unit: string;
  data: string;
  out: string;
  guide: string;
  twoUp: boolean;
  /** Body text of 14 pt or more, each copy on A4. */
  largePrint?: boolean;
  /** Bleed for a print shop, mm (0 for none). */
  bleed?: number;
  grayscale: boolean;
  /** Also one colour image per class, to post in the class's Zalo group. */
  png: boolean;
  quiet: boolean;
}

/** Parent handouts, one PDF per class and one for the print room with every copy (src/batch/handout-batch.ts). */
export async function handoutCommand(o: HandoutCommandOptions): Promise<number> {
  const date = sourceDate();
  if (o.largePrint && o.twoUp) throw new UserError({ field: '--two-up', message: 'chữ to in mỗi bản trên một tờ A4, không ghép hai bản', hint: 'bỏ --two-up hoặc bỏ --large-print' });
  const bleed = checkBleed(o.bleed ?? 0, 'pdf');
  if (bleed && o.twoUp) throw new UserError({ field: '--bleed', message: 'tràn lề cho nhà in dùng khi mỗi bản một tờ, không ghép hai bản', hint: 'bỏ --two-up hoặc bỏ --bleed' });
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  const guide = renderGuide(findGuide(o.guide), unit.profile);
  const classes = await readClasses(o.data, unit.fonts.missingGlyphs, allowedSchemes(o.allowScheme));
  // Every class is laid out here, so a bad row stops the run before any file is written.
  const request = { guide, grayscale: o.grayscale, twoUp: o.twoUp, largePrint: !!o.largePrint, bleedMm: bleed };
  const batch = await handoutBatch(classes, request, unit, { classFiles: true, pictures: o.png, copies: 'students', date });
  const { result } = await runStaged(o.out, batch.files, { label: 'Đang làm tờ phát tay', total: batch.steps, quiet: o.quiet }, (sink, hooks) => batch.run(sink, hooks));
  process.stdout.write(
    `Đã tạo ${result.classes} tệp${o.png ? ' PDF và ảnh PNG' : ''} cho từng lớp và ${join(o.out, PRINT_ROOM_FILE)} (${result.pages} trang, ${result.sheets} tờ${o.twoUp ? ' A4, mỗi tờ hai bản A5' : o.largePrint ? ' A4 chữ to' : ' A5'}).\n` +
      `In hai mặt, ${o.twoUp ? 'chọn "lật theo cạnh ngắn" (flip on short edge)' : 'chọn "lật theo cạnh dài" (flip on long edge)'}: trang lẻ là mặt trước, trang chẵn là mặt sau; phiếu xác nhận ở chân mặt trước, phía sau phiếu để trống.\n` +
      `Số bản mỗi lớp: ${join(o.out, PRINT_LIST_FILE)}\n`,
  );
  return 0;
}

async function readClasses(file: string, missingGlyphs: (t: string) => string[], allowSchemes: string[]): Promise<ClassRow[]> {
  const table = await readDataTable(file, { ...CLASS_COLUMNS, allowSchemes, missingGlyphs });
  for (const w of table.warnings) process.stderr.write(`Lưu ý: ${w}\n`);
  for (const w of classTableWarnings(table.rows, file)) {
    if (w.kind === 'no-student-counts') process.stderr.write(`Lưu ý: tệp ${w.file} không ghi số học sinh (cột "Sĩ số"): mỗi lớp chỉ in 1 bản; thêm cột "Sĩ số" để in đủ cho cả lớp\n`);
  }
  return classRows(table.rows, file, table.columns);
}
