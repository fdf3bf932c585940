import writeXlsxFile from 'write-excel-file/node';

/** Writes a real .xlsx file (as Excel would) from rows of cells; the first row is the header. */
export async function writeXlsx(path: string, rows: (string | number | null)[][]): Promise<void> {
  await writeXlsxFile(rows.map((r) => r.map((v) => (v === null ? null : { value: v })))).toFile(path);
}
