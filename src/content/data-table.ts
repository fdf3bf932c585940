import { quoteForMessage, UserError, type Problem } from '../errors.js';
import { cleanText } from './clean-text.js';
import { decodeTextFile, legacyWarning } from './decode-text.js';
import { convertLegacyVietnamese, detectLegacyVietnamese } from './legacy-encoding.js';
import { readInputFile } from './read-input.js';
import { linkProblem } from './web-link.js';
import { checkedXlsx } from './xlsx-guard.js';

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
  /** Each column's name as the file's header writes it, by its key ("students" → "Sĩ số"). */
  columns: Record<string, string>;
}

export interface ColumnSpec {
  required: string[];
  optional: string[];
  /** Most rows a run takes, to keep a mistaken file from running for hours. */
  maxRows?: number;
  /** Columns whose cells must be web links (they become QR codes). */
  links?: string[];
  /** Link schemes allowed besides http(s), as the user allowed them. */
  allowSchemes?: readonly string[];
  /** Characters the fonts cannot draw; reported by line and column. */
  missingGlyphs(text: string): string[];
  /** Other names a column goes by in office sheets, the usual one first ("Tòa nhà" for block). */
  aliases?: Record<string, readonly string[]>;
}

/**
 * A header cell as a key to compare: without accents, case or punctuation, so
 * "TÊN TOÀ NHÀ", "Tên tòa nhà" and "ten toa nha:" are one column.
 */
export function columnKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u0111\u0110]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A column as the user knows it: its usual Vietnamese name with the key beside it. */
function columnTitle(col: string, spec: ColumnSpec): string {
  const usual = spec.aliases?.[col]?.[0];
  return usual ? `"${usual}" (${col})` : `"${col}"`;
}

const MAX_BYTES = 20 * 1024 * 1024;
/** Longest text cell: an address or a name fits a label in a few lines; more is a pasting mistake. */
const MAX_CELL_CHARS = 200;
/** Problems reported at once; the rest are counted. */
const MAX_PROBLEMS = 20;

/**
 * Reads a table of rows from CSV (comma, semicolon or tab; UTF-8 with or without
 * BOM; UTF-16 "Unicode Text" from Excel) or XLSX, with its header in row 1.
 */
export async function readDataTable(file: string, spec: ColumnSpec): Promise<DataTable> {
  tableFormat(file);
  const bytes = readInputFile(file, { what: 'tệp dữ liệu', field: 'dataFile', maxBytes: MAX_BYTES, tooBigHint: 'chia thành nhiều tệp nhỏ hơn' });
  return parseDataTable(bytes, file, spec);
}

/** The same, from bytes already in memory (an upload); `file` names it in messages and gives its type. */
export async function parseDataTable(bytes: Buffer, file: string, spec: ColumnSpec): Promise<DataTable> {
  let grid: string[][];
  const warnings: string[] = [];
  if (tableFormat(file) === 'xlsx') {
    grid = await readXlsx(bytes, file);
    // Old sheets typed in TCVN3 or VNI fonts keep that mojibake inside the .xlsx.
    const enc = detectLegacyVietnamese(grid.flat().join('\n'));
    if (enc) {
      grid = grid.map((r) => r.map((cell) => convertLegacyVietnamese(cell, enc)));
      warnings.push(legacyWarning(file, enc));
    }
  } else {
    const text = decodeTextFile(bytes, file);
    warnings.push(...text.warnings);
    grid = await parseDelimited(text.text, file);
  }
  return toTable(grid, file, spec, warnings);
}

/** ".xlsx" of "Bảng.XLSX" (no extension: ""), as Node's extname gives it, on any platform. */
export function extensionOf(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? '';
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot).toLowerCase() : '';
}

function tableFormat(file: string): 'xlsx' | 'text' {
  const ext = extensionOf(file);
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv') return 'text';
  const fail = (message: string, hint: string) => new UserError({ file, message, hint });
  if (ext === '.xls') throw fail('tệp Excel đời cũ (.xls) chưa đọc được', 'mở tệp bằng Excel hoặc LibreOffice, chọn Lưu thành (Save As) dạng .xlsx hoặc CSV UTF-8');
  throw fail(`không đọc được tệp đuôi ${ext ? quoteForMessage(ext) : '(không có)'}`, 'dùng tệp .xlsx (Excel) hoặc .csv');
}

async function readXlsx(bytes: Buffer, file: string): Promise<string[][]> {
  const checked = await checkedXlsx(bytes, file);
  // The universal reader (an ArrayBuffer in, pure JavaScript) reads the same on Node and in the web page.
  const { readSheet } = await import('read-excel-file/universal');
  try {
    const rows = await readSheet(checked.buffer.slice(checked.byteOffset, checked.byteOffset + checked.byteLength) as ArrayBuffer);
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
  const allowed = [...spec.required, ...spec.optional];
  const allowedList = allowed.map((c) => columnTitle(c, spec)).join(', ');
  if (headerIndex < 0) throw new UserError({ file, message: 'tệp dữ liệu trống', hint: `dòng đầu ghi tên cột: ${spec.required.map((c) => columnTitle(c, spec)).join(', ')}` });
  const written = grid[headerIndex]!.map((h) => cleanText(h));
  // Each header cell's key: its own name or one of its other names, whatever the accents and case.
  const byKey = new Map(allowed.flatMap((c) => [c, ...(spec.aliases?.[c] ?? [])].map((name) => [columnKey(name), c] as const)));
  const header = written.map((h) => (h ? byKey.get(columnKey(h)) : undefined));
  const problems: Problem[] = [];
  const headerLine = headerIndex + 1;

  const unknown = [...new Set(written.filter((h, i) => h && !header[i]))];
  if (unknown.length) {
    problems.push({
      file,
      line: headerLine,
      message: `không biết cột ${unknown.map((u) => quoteForMessage(u)).join(', ')}`,
      hint: `các cột dùng được: ${allowedList} (cột bắt buộc: ${spec.required.map((c) => columnTitle(c, spec)).join(', ')})`,
    });
  }
  const columns: Record<string, string> = {};
  header.forEach((h, i) => {
    if (!h) return;
    if (columns[h] !== undefined) problems.push({ file, line: headerLine, message: `cột ${quoteForMessage(columns[h]!)} và cột ${quoteForMessage(written[i]!)} cùng là ${columnTitle(h, spec)}`, hint: 'xoá hoặc đổi tên một cột' });
    else columns[h] = written[i]!;
  });
  for (const col of spec.required.filter((c) => columns[c] === undefined)) {
    problems.push({ file, line: headerLine, message: `thiếu cột bắt buộc ${columnTitle(col, spec)}`, hint: `dòng đầu của bảng ghi tên cột: ${allowedList}` });
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
    for (const col of spec.required) if (!values[col]) problems.push({ file, line, field: columns[col], message: `ô "${columns[col]}" đang trống`, hint: 'điền vào, hoặc xoá cả dòng nếu không dùng' });
    const links = spec.links ?? [];
    for (const col of links) {
      const bad = values[col] ? linkProblem(values[col], spec.allowSchemes) : undefined;
      if (bad) problems.push({ file, line, field: columns[col], message: `đường link ${quoteForMessage(values[col]!)} không dùng được: ${bad.reason}`, hint: bad.hint });
    }
    for (const [col, value] of Object.entries(values)) {
      // Links are bounded by what a QR code holds (above); text by what a label can show.
      const length = [...value].length;
      if (!links.includes(col) && length > MAX_CELL_CHARS) {
        problems.push({ file, line, field: columns[col], message: `ô "${columns[col]}" dài ${length.toLocaleString('vi-VN')} ký tự, nhiều nhất ${MAX_CELL_CHARS} ký tự`, hint: 'rút gọn nội dung ô; tem và tờ in chỉ có chỗ cho vài dòng' });
        continue;
      }
      const missing = spec.missingGlyphs(value);
      if (missing.length) problems.push({ file, line, field: columns[col], message: `có ký tự không in được: ${missing.map((ch) => `"${ch}"`).join(', ')}`, hint: 'xoá hoặc thay ký tự đó (biểu tượng cảm xúc, ký hiệu lạ)' });
    }
    rows.push({ line, values });
  });
  if (problems.length) throw new UserError(firstProblems(problems, file));
  if (!rows.length) throw new UserError({ file, message: 'bảng chỉ có dòng tiêu đề, chưa có dòng dữ liệu nào', hint: 'thêm mỗi dòng một mục dưới dòng tên cột' });
  const max = spec.maxRows ?? 20_000;
  if (rows.length > max) throw new UserError({ file, message: `bảng có ${rows.length} dòng, nhiều hơn mức ${max} dòng một lần chạy`, hint: 'chia thành nhiều tệp nhỏ hơn' });
  return { file, rows, warnings, columns };
}

/** The first problems, and how many more there are: a long list on a terminal helps nobody, a silent cut misleads. */
function firstProblems(problems: Problem[], file: string): Problem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  return [...problems.slice(0, MAX_PROBLEMS), { file, message: `và ${problems.length - MAX_PROBLEMS} chỗ khác cần sửa (chỉ hiện ${MAX_PROBLEMS} chỗ đầu)`, hint: 'sửa những chỗ trên rồi chạy lại để xem tiếp' }];
}
