import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { UserError, type Problem } from '../errors.js';
import { cleanText } from './clean-text.js';
import { decodeTextFile, legacyWarning } from './decode-text.js';
import { convertLegacyVietnamese, detectLegacyVietnamese } from './legacy-encoding.js';
import { isAllowedLink, linkHint } from './web-link.js';

/** One data row, with the spreadsheet line it came from (the header is line 1). */
export interface DataRow {
  line: number;
  values: Record<string, string>;
}

export interface DataTable {
  file: string;
  rows: DataRow[];
  /** Things the user should know but that did not stop the run. */
  warnings: string[];
}

export interface ColumnSpec {
  required: string[];
  optional: string[];
  /** Most rows a run takes, to keep a mistaken file from running for hours. */
  maxRows?: number;
  /** Columns whose cells must be web links (they become QR codes). */
  links?: string[];
  /** Link schemes allowed besides http(s), from --allow-scheme. */
  allowSchemes?: readonly string[];
  /** Characters the fonts cannot draw; reported by line and column. */
  missingGlyphs(text: string): string[];
}

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Reads a table of rows from CSV (comma, semicolon or tab; UTF-8 with or without
 * BOM; UTF-16 "Unicode Text" from Excel) or XLSX, with its header in row 1.
 */
export async function readDataTable(file: string, spec: ColumnSpec): Promise<DataTable> {
  const ext = extname(file).toLowerCase();
  const fail = (message: string, hint?: string) => new UserError({ file, message, hint });
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) throw fail('không tìm thấy tệp dữ liệu', 'kiểm tra lại tên và đường dẫn tệp sau --data');
  if (info.size > MAX_BYTES) throw fail('tệp dữ liệu lớn quá 20 MB', 'chia thành nhiều tệp nhỏ hơn');
  const bytes = await readFile(file);

  let grid: string[][];
  const warnings: string[] = [];
  if (ext === '.xlsx') {
    grid = await readXlsx(bytes, file);
    // Old sheets typed in TCVN3 or VNI fonts keep that mojibake inside the .xlsx.
    const enc = detectLegacyVietnamese(grid.flat().join('\n'));
    if (enc) {
      grid = grid.map((r) => r.map((cell) => convertLegacyVietnamese(cell, enc)));
      warnings.push(legacyWarning(file, enc));
    }
  } else if (ext === '.csv' || ext === '.txt' || ext === '.tsv') {
    const text = decodeTextFile(bytes, file);
    warnings.push(...text.warnings);
    grid = await parseDelimited(text.text, file);
  } else if (ext === '.xls') {
    throw fail('tệp Excel đời cũ (.xls) chưa đọc được', 'mở tệp bằng Excel hoặc LibreOffice, chọn Lưu thành (Save As) dạng .xlsx hoặc CSV UTF-8');
  } else {
    throw fail(`không đọc được tệp đuôi "${ext || '(không có)'}"`, 'dùng tệp .xlsx (Excel) hoặc .csv');
  }
  return toTable(grid, file, spec, warnings);
}

async function readXlsx(bytes: Buffer, file: string): Promise<string[][]> {
  const { readSheet } = await import('read-excel-file/node');
  try {
    const rows = await readSheet(bytes);
    return rows.map((r) => r.map(cellText));
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new UserError({
      file,
      message: code === 'XLS_FILE_NOT_SUPPORTED' ? 'tệp này là Excel đời cũ (.xls) dù mang đuôi .xlsx' : 'tệp .xlsx bị hỏng hoặc không phải tệp Excel',
      hint: 'mở tệp bằng Excel hoặc LibreOffice rồi lưu lại dạng .xlsx',
    });
  }
}

/** Excel cells arrive as numbers, dates or booleans; the table wants text. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

async function parseDelimited(text: string, file: string): Promise<string[][]> {
  const { parse } = await import('csv-parse/sync');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length })).sort((a, b) => b.n - a.n)[0]!.d;
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true }) as string[][];
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw new UserError({
      file,
      line,
      message: 'tệp CSV viết sai (thường do dấu ngoặc kép " không đóng)',
      hint: 'mở tệp bằng Excel hoặc LibreOffice, kiểm tra dòng này rồi lưu lại dạng CSV UTF-8',
    });
  }
}

function toTable(grid: string[][], file: string, spec: ColumnSpec, warnings: string[]): DataTable {
  const headerIndex = grid.findIndex((r) => r.some((c) => cleanText(c)));
  if (headerIndex < 0) throw new UserError({ file, message: 'tệp dữ liệu trống', hint: `dòng đầu ghi tên cột: ${spec.required.join(', ')}` });
  const header = grid[headerIndex]!.map((h) => cleanText(h).toLowerCase());
  const allowed = [...spec.required, ...spec.optional];
  const problems: Problem[] = [];
  const headerLine = headerIndex + 1;

  const unknown = header.filter((h) => h && !allowed.includes(h));
  if (unknown.length) {
    problems.push({
      file,
      line: headerLine,
      message: `không biết cột ${unknown.map((u) => `"${u}"`).join(', ')}`,
      hint: `các cột dùng được: ${allowed.join(', ')} (cột bắt buộc: ${spec.required.join(', ')})`,
    });
  }
  const duplicate = header.filter((h, i) => h && header.indexOf(h) !== i);
  if (duplicate.length) problems.push({ file, line: headerLine, message: `cột "${duplicate[0]}" có hai lần`, hint: 'xoá hoặc đổi tên một cột' });
  for (const col of spec.required.filter((c) => !header.includes(c))) {
    problems.push({ file, line: headerLine, message: `thiếu cột bắt buộc "${col}"`, hint: `dòng đầu của bảng ghi tên cột: ${allowed.join(', ')}` });
  }
  if (problems.length) throw new UserError(problems);

  const rows: DataRow[] = [];
  grid.slice(headerIndex + 1).forEach((cells, i) => {
    const line = headerLine + 1 + i;
    const values: Record<string, string> = {};
    header.forEach((h, c) => {
      if (h) values[h] = cleanText(cells[c] ?? '');
    });
    if (!Object.values(values).some(Boolean)) return; // a blank row
    if (cells.length > header.length && cells.slice(header.length).some((c) => cleanText(c))) {
      problems.push({ file, line, message: 'dòng có nhiều ô hơn số cột', hint: 'có thể một ô chứa dấu phẩy mà không đặt trong ngoặc kép; kiểm tra dòng này' });
    }
    for (const col of spec.required) if (!values[col]) problems.push({ file, line, field: col, message: `ô "${col}" đang trống`, hint: 'điền vào, hoặc xoá cả dòng nếu không dùng' });
    for (const col of spec.links ?? []) {
      if (values[col] && !isAllowedLink(values[col], spec.allowSchemes)) problems.push({ file, line, field: col, message: `"${values[col]}" không phải đường link dùng được`, hint: linkHint(spec.allowSchemes ?? []) });
    }
    for (const [col, value] of Object.entries(values)) {
      const missing = spec.missingGlyphs(value);
      if (missing.length) problems.push({ file, line, field: col, message: `có ký tự không in được: ${missing.map((ch) => `"${ch}"`).join(', ')}`, hint: 'xoá hoặc thay ký tự đó (biểu tượng cảm xúc, ký hiệu lạ)' });
    }
    rows.push({ line, values });
  });
  if (problems.length) throw new UserError(problems.slice(0, 20));
  if (!rows.length) throw new UserError({ file, message: 'bảng chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào', hint: 'thêm mỗi dòng một mục dưới dòng tên cột' });
  const max = spec.maxRows ?? 20_000;
  if (rows.length > max) throw new UserError({ file, message: `bảng có ${rows.length} dòng, nhiều hơn mức ${max} dòng một lần chạy`, hint: 'chia thành nhiều tệp nhỏ hơn' });
  return { file, rows, warnings };
}
