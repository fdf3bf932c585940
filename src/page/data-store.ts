import { extensionOf, parseDataTable } from '../content/data-table.js';
import { UserError, type Problem } from '../errors.js';
import type { FontSet } from '../layout/fonts.js';
import { BLOCK_COLUMNS, blockRows, CLASS_COLUMNS, classRows, classTableWarnings, type ClassRow, type ClassTableWarning } from '../products/data-rows.js';
import type { StickerRow } from '../products/sticker-sheet.js';

export type DataKind = 'blocks' | 'classes';

export type { ClassRow };

export type StoredData = { kind: 'blocks'; rows: StickerRow[]; name: string } | { kind: 'classes'; rows: ClassRow[]; name: string };

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;
const ALLOWED_EXT = ['.csv', '.xlsx', '.txt', '.tsv', '.xls'];
/** Tables opened stay in memory (never on disk), at most this many at once. */
const MAX_TABLES = 20;

/**
 * Spreadsheets the clerk opened in the page, parsed from memory (never written
 * anywhere), keyed by an id. Only rows are kept.
 */
export class DataStore {
  private tables = new Map<string, StoredData>();
  private added = 0;

  /** @param allowSchemes link schemes allowed besides http(s), as --allow-scheme. */
  constructor(private readonly allowSchemes: readonly string[] = []) {}

  get(id: string | undefined, kind: DataKind): StoredData | undefined {
    const t = id ? this.tables.get(id) : undefined;
    return t && t.kind === kind ? t : undefined;
  }

  async add(kind: DataKind, originalName: string, bytes: Uint8Array, fonts: FontSet): Promise<{ id: string; data: StoredData; warnings: string[] }> {
    const ext = extensionOf(originalName);
    const shown = displayName(originalName);
    if (!ALLOWED_EXT.includes(ext)) {
      throw new UserError({ field: 'data', message: `không đọc được tệp "${shown}"`, hint: 'chọn tệp .xlsx (Excel) hoặc .csv' });
    }
    const columns = kind === 'blocks' ? BLOCK_COLUMNS : CLASS_COLUMNS;
    const table = await asUploadProblems(() => parseDataTable(asBuffer(bytes), shown, { ...columns, allowSchemes: this.allowSchemes, maxRows: MAX_ROWS, missingGlyphs: fonts.missingGlyphs }));
    const data: StoredData =
      kind === 'blocks' ? { kind, name: shown, rows: blockRows(table.rows) } : { kind, name: shown, rows: await asUploadProblems(() => classRows(table.rows, shown, table.columns)) };
    const warnings = [...table.warnings, ...(kind === 'classes' ? classTableWarnings(table.rows, shown).map(classWarning) : [])];
    while (this.tables.size >= MAX_TABLES) this.tables.delete(this.tables.keys().next().value!);
    const id = `bang-${++this.added}`;
    this.tables.set(id, data);
    return { id, data, warnings };
  }
}

/**
 * Runs `run`; the problems of a UserError it throws belong to the page's upload
 * field, those `ofTable` picks when given (a batch's other problems, the label
 * sheet's, keep their own field).
 */
export async function asUploadProblems<T>(run: () => T | Promise<T>, ofTable: (p: Problem) => boolean = () => true): Promise<T> {
  try {
    return await run();
  } catch (err) {
    throw err instanceof UserError ? new UserError(err.problems.map((p) => (ofTable(p) ? onUploadField(p) : p))) : err;
  }
}

/** A classes table's warning in the page's words: the option it affects is a checkbox there. */
function classWarning(w: ClassTableWarning): string {
  switch (w.kind) {
    case 'no-student-counts':
      return 'bảng không có cột "Sĩ số" (số học sinh): khi chọn "Đủ số bản mỗi lớp", mỗi lớp chỉ in 1 bản; thêm cột "Sĩ số" rồi tải bảng lên lại để in đủ cho cả lớp';
  }
}

/** The page shows problems under its upload field; the column goes into the message. */
function onUploadField(p: Problem): Problem {
  const column = p.field && p.field !== 'data' && p.field !== 'dataFile' ? `cột ${p.field}: ` : '';
  return { ...p, field: 'data', message: column + p.message };
}

/** Bytes as a Buffer without a copy (in the page, the bundled Buffer), as the parsers read them. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The uploaded file's name, for messages only: no path, no control characters, not too long. */
function displayName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').slice(-100) || 'bang-du-lieu';
}
