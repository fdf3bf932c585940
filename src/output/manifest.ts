import { stringify } from 'csv-stringify/sync';

/**
 * A CSV that Excel opens with Vietnamese intact (UTF-8 with BOM), one row per
 * record, columns in the given order. Cells come from the user's spreadsheet
 * (block and class names), so none may become a formula.
 */
export function manifestCsv(columns: string[], rows: Record<string, string | number>[]): string {
  const safe = rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? inertCell(v) : v])));
  return '\uFEFF' + stringify(safe, { header: true, columns, record_delimiter: '\r\n' });
}

/** Excel and LibreOffice read a cell starting with these as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A leading quote makes a spreadsheet show the cell as the text it is. */
export function inertCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
