import { stringify } from 'csv-stringify/sync';

/**
 * A CSV that Excel opens with Vietnamese intact (UTF-8 with BOM), one row per
 * record, columns in the given order.
 */
export function manifestCsv(columns: string[], rows: Record<string, string | number>[]): string {
  return '\uFEFF' + stringify(rows, { header: true, columns, record_delimiter: '\r\n' });
}
