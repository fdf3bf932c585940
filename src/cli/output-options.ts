import { extname } from 'node:path';
import { findGuide, guideFromFile, type GuideInfo } from '../content/guides.js';
import { UserError } from '../errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../export/render.js';

/** The format asked for, or the one the --out file name implies, or PDF. */
export function resolveFormat(format: OutputFormat | undefined, out: string | undefined): OutputFormat {
  const ext = out ? extname(out).slice(1).toLowerCase().replace('jpeg', 'jpg') : '';
  const implied = OUTPUT_FORMATS.find((f) => f === ext);
  if (format && implied && format !== implied) {
    throw new UserError({
      field: '--out',
      message: `tên tệp "${out}" có đuôi .${ext} nhưng --format là ${format}`,
      hint: `đổi đuôi tên tệp thành .${format}, hoặc bỏ --format`,
    });
  }
  return format ?? implied ?? 'pdf';
}

export function checkDpi(dpi: number): number {
  if (!Number.isInteger(dpi) || dpi < 72 || dpi > 600) {
    throw new UserError({ field: '--dpi', message: `độ nét ${dpi} không dùng được`, hint: 'ghi một số nguyên từ 72 đến 600 (thường dùng 150, 200 hoặc 300)' });
  }
  return dpi;
}

/** SOURCE_DATE_EPOCH pins the PDF date (shared with the web page). */
export { sourceDate } from '../export/source-date.js';

/** The guide to print: one of ours by id, or the user's own template file. */
export function pickGuide(guide: string | undefined, template: string | undefined): GuideInfo {
  if (guide && template) throw new UserError({ field: '--template', message: 'chỉ dùng một trong hai: --guide hoặc --template', hint: 'bỏ bớt một tuỳ chọn' });
  if (template) return guideFromFile(template);
  if (!guide) throw new UserError({ field: '--guide', message: 'chưa chọn hướng dẫn', hint: 'ghi --guide kèm mã hướng dẫn (xem lệnh: vneid-print guides), hoặc --template kèm tệp mẫu của bạn' });
  return findGuide(guide);
}

const NEVER_ALLOWED = ['javascript', 'vbscript', 'data', 'file', 'blob'];

/** --allow-scheme tel zalo → ['tel', 'zalo']; schemes that run code or read files are refused. */
export function allowedSchemes(raw: readonly (string | number)[] | undefined): string[] {
  const schemes = (raw ?? []).map((s) => String(s).toLowerCase().replace(/:\/*$/, '').trim()).filter(Boolean);
  for (const s of schemes) {
    if (NEVER_ALLOWED.includes(s) || !/^[a-z][a-z0-9+.-]*$/.test(s)) {
      throw new UserError({ field: '--allow-scheme', message: `không cho phép loại link "${s}:"`, hint: 'chỉ cho phép các loại link an toàn như tel, zalo, mailto' });
    }
  }
  return schemes;
}

/** --bleed in mm for print shops: 0 (none) to 20, and only into a PDF. */
export function checkBleed(mm: number, format: string): number {
  if (!(mm >= 0 && mm <= 20)) throw new UserError({ field: '--bleed', message: `lề tràn ${mm} mm không dùng được`, hint: 'ghi số mm từ 0 đến 20 (nhà in thường cần 3 mm)' });
  if (mm > 0 && format !== 'pdf') throw new UserError({ field: '--bleed', message: '--bleed chỉ dùng cho tệp PDF gửi nhà in', hint: 'bỏ --bleed, hoặc xuất PDF' });
  return mm;
}
