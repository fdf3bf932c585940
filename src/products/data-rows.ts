import type { ColumnSpec, DataRow } from '../content/data-table.js';
import { parseVietnamesePhone } from '../content/phone.js';
import { UserError, type Problem } from '../errors.js';
import type { HandoutClass } from './handout.js';
import type { StickerRow } from './sticker-sheet.js';

type Columns = Pick<ColumnSpec, 'required' | 'optional' | 'links' | 'aliases'>;

/** The blocks spreadsheet of the sticker batch. */
export const BLOCK_COLUMNS: Columns = {
  required: ['block'],
  optional: ['address', 'url', 'url_label'],
  links: ['url'],
  aliases: {
    block: ['Tòa nhà', 'Tên tòa nhà', 'Tòa', 'Chung cư', 'Tên chung cư', 'Block'],
    address: ['Địa chỉ'],
    url: ['Đường link', 'Link', 'Liên kết', 'Địa chỉ web'],
    url_label: ['Tên đường link', 'Nhãn link', 'Tên link'],
  },
};

export function blockRows(rows: DataRow[]): StickerRow[] {
  return rows.map((r) => ({
    line: r.line,
    block: r.values.block!,
    address: r.values.address || undefined,
    url: r.values.url || undefined,
    urlLabel: r.values.url_label || undefined,
  }));
}

/** The classes spreadsheet of the parent handouts. */
export const CLASS_COLUMNS: Columns = {
  required: ['class'],
  optional: ['teacher', 'phone', 'zalo', 'students'],
  links: ['zalo'],
  aliases: {
    class: ['Lớp', 'Tên lớp'],
    teacher: ['Giáo viên chủ nhiệm', 'GVCN', 'Giáo viên', 'Họ tên GVCN'],
    phone: ['Số điện thoại', 'SĐT', 'Điện thoại', 'ĐT', 'SĐT GVCN'],
    zalo: ['Zalo', 'Nhóm Zalo', 'Link Zalo', 'Link nhóm Zalo'],
    students: ['Sĩ số', 'Số học sinh', 'Số bản', 'Số lượng', 'Số HS'],
  },
};

export interface ClassRow extends HandoutClass {
  /** How many copies the print room makes: one per pupil. */
  copies: number;
}

/** Each class with its phone checked and grouped and its copies counted (1–200); `columns` names the columns as the file does. */
export function classRows(rows: DataRow[], file: string, columns: Record<string, string> = {}): ClassRow[] {
  const problems: Problem[] = [];
  const out = rows.map((r): ClassRow => {
    const v = r.values;
    const phone = v.phone ? parseVietnamesePhone(v.phone) : undefined;
    if (v.phone && !phone) problems.push({ file, line: r.line, field: columns.phone ?? 'phone', message: `"${v.phone}" không phải số điện thoại Việt Nam hợp lệ`, hint: 'ghi số di động 10 chữ số, ví dụ 0907 028 318' });
    const copies = v.students ? Number(v.students) : 1;
    if (!Number.isInteger(copies) || copies < 1 || copies > 200) {
      problems.push({ file, line: r.line, field: columns.students ?? 'students', message: `"${v.students}" không phải số học sinh hợp lệ`, hint: 'ghi một số nguyên từ 1 đến 200, hoặc để trống (in 1 bản)' });
    }
    return { line: r.line, dataFile: file, name: v.class!, teacher: v.teacher || undefined, phone, zalo: v.zalo || undefined, copies };
  });
  if (problems.length) throw new UserError(problems.slice(0, 20));
  return out;
}

/** Something about a classes table that does not stop the run; each front end words it. */
export type ClassTableWarning = { kind: 'no-student-counts'; file: string };

/** Without pupil counts the print room gets one copy a class: rarely what was meant. */
export function classTableWarnings(rows: DataRow[], file: string): ClassTableWarning[] {
  return rows.length && rows.every((r) => !r.values.students) ? [{ kind: 'no-student-counts', file }] : [];
}
