import { extname } from 'node:path';
import { UserError } from '../errors.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../products/render.js';

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

/** SOURCE_DATE_EPOCH (seconds) pins the PDF date for reproducible builds. */
export function sourceDate(): Date | undefined {
  const raw = process.env.SOURCE_DATE_EPOCH;
  if (!raw) return undefined;
  const seconds = Number(raw);
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw new UserError({ field: 'SOURCE_DATE_EPOCH', message: `"${raw}" không phải số giây hợp lệ`, hint: 'ghi số nguyên giây kể từ 1/1/1970, hoặc bỏ biến này' });
  }
  return new Date(seconds * 1000);
}
