import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnKey, parseDataTable, readDataTable } from '../../src/content/data-table.js';
import { UserError } from '../../src/errors.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { BLOCK_COLUMNS, blockRows, CLASS_COLUMNS, classRows } from '../../src/products/data-rows.js';
import { tempDir } from '../helpers/cli.js';

const fonts = loadFonts();

/** Anything a person might paste: any code point, Vietnamese with its marks, odd spaces. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.stringMatching(/^[A-Za-zÀ-ỹĐđ0-9 ,.–\-()\u00A0\u200B\u0300-\u0323]{0,140}$/),
);

describe('any CSV shape', () => {
  it('gives rows or a clean error naming the file', async () => {
    const dir = tempDir();
    let n = 0;
    // Each cell with whether to quote it even when it need not be: drawn by fast-check, so a failure replays.
    const cell = fc.tuple(fc.oneof(anyText, fc.constantFrom('', '"', '""', ',', ';', '\n', '\r\n', 'Tòa "A", tầng 2')), fc.boolean());
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 8 }), fc.constantFrom(',', ';', '\t'), fc.boolean(), async (rows, delimiter, bom) => {
        const quote = ([v, always]: [string, boolean]) => (/[",;\t\r\n]/.test(v) || always ? `"${v.replace(/"/g, '""')}"` : v);
        const header: [string, boolean][] = [['block', false], ['address', false], ['url', false]];
        const body = [header, ...rows].map((r) => r.map(quote).join(delimiter)).join('\r\n');
        const file = join(dir, `d${n++}.csv`);
        writeFileSync(file, (bom ? '\uFEFF' : '') + body);
        try {
          const table = await readDataTable(file, { required: ['block'], optional: ['address', 'url'], links: ['url'], missingGlyphs: fonts.missingGlyphs });
          for (const r of table.rows) expect(r.values.block).toBeTruthy();
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          expect(err.problems.every((p) => p.file === file)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

const noGlyphProblems = { missingGlyphs: () => [] };
const csv = (text: string) => Buffer.from(text, 'utf8');
const problemsOf = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (err) {
    if (err instanceof UserError) return err.problems;
    throw err;
  }
  throw new Error('no problem reported');
};

describe('column names as office sheets write them', () => {
  it('compares header cells without accents, case or punctuation', () => {
    expect(columnKey('TÊN TOÀ NHÀ')).toBe(columnKey('Tên tòa nhà'));
    expect(columnKey('Sĩ số:')).toBe('si so');
    expect(columnKey('SĐT')).toBe('sdt');
  });

  it('takes the blocks sheet with Vietnamese headers', async () => {
    const table = await parseDataTable(csv('Tên tòa nhà,Địa chỉ\nTòa A1,12 Nơ Trang Long\nTòa B,\n'), 'toa-nha.csv', { ...BLOCK_COLUMNS, ...noGlyphProblems });
    expect(blockRows(table.rows).map((r) => [r.block, r.address])).toEqual([
      ['Tòa A1', '12 Nơ Trang Long'],
      ['Tòa B', undefined],
    ]);
    expect(table.columns).toEqual({ block: 'Tên tòa nhà', address: 'Địa chỉ' });
  });

  it('takes the classes sheet with Vietnamese headers and abbreviations, mixed with English ones', async () => {
    const text = 'Lớp;GVCN;SĐT;Zalo;Sĩ số\n6A;Cô Hoa;0907028318;https://zalo.me/g/abc123;42\n';
    const table = await parseDataTable(csv(text), 'lop.csv', { ...CLASS_COLUMNS, ...noGlyphProblems });
    const [row] = classRows(table.rows, 'lop.csv', table.columns);
    expect(row).toMatchObject({ name: '6A', teacher: 'Cô Hoa', zalo: 'https://zalo.me/g/abc123', copies: 42 });
    const mixed = await parseDataTable(csv('class,Giáo viên chủ nhiệm,students\n7B,Thầy Nam,30\n'), 'lop.csv', { ...CLASS_COLUMNS, ...noGlyphProblems });
    expect(classRows(mixed.rows, 'lop.csv', mixed.columns)[0]).toMatchObject({ name: '7B', teacher: 'Thầy Nam', copies: 30 });
  });

  it('names a bad cell by its column as the file writes it', async () => {
    const table = await parseDataTable(csv('Lớp,Sĩ số\n6A,bốn mươi\n'), 'lop.csv', { ...CLASS_COLUMNS, ...noGlyphProblems });
    const problems = await problemsOf(Promise.resolve().then(() => classRows(table.rows, 'lop.csv', table.columns)));
    expect(problems).toEqual([expect.objectContaining({ file: 'lop.csv', line: 2, field: 'Sĩ số' })]);
    const empty = await problemsOf(parseDataTable(csv('Tòa nhà,Địa chỉ\n,12 Nơ Trang Long\n'), 'toa.csv', { ...BLOCK_COLUMNS, ...noGlyphProblems }));
    expect(empty).toEqual([expect.objectContaining({ line: 2, field: 'Tòa nhà', message: 'ô "Tòa nhà" đang trống' })]);
  });

  it('lists the Vietnamese names when a column is unknown or missing', async () => {
    const problems = await problemsOf(parseDataTable(csv('Họ tên,Địa chỉ\nA,B\n'), 'toa.csv', { ...BLOCK_COLUMNS, ...noGlyphProblems }));
    expect(problems[0]).toMatchObject({ line: 1, message: 'không biết cột "Họ tên"' });
    expect(problems[0]!.hint).toContain('"Tòa nhà" (block)');
    expect(problems[1]).toMatchObject({ message: 'thiếu cột bắt buộc "Tòa nhà" (block)' });
  });

  it('refuses two columns that mean the same thing', async () => {
    const problems = await problemsOf(parseDataTable(csv('Lớp,class\n6A,6A\n'), 'lop.csv', { ...CLASS_COLUMNS, ...noGlyphProblems }));
    expect(problems).toEqual([expect.objectContaining({ line: 1, message: 'cột "Lớp" và cột "class" cùng là "Lớp" (class)' })]);
  });
});
