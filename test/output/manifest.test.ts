import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { inertCell, manifestCsv } from '../../src/output/manifest.js';
import { example, runHere, tempDir } from '../helpers/cli.js';

describe('CSV for Excel never holds a formula', () => {
  it.each([
    ['=HYPERLINK("http://x.vn","Bấm")', `'=HYPERLINK("http://x.vn","Bấm")`],
    ['+1', "'+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['0907 028 318', '0907 028 318'],
    ['Tòa A1 – Khu Đô Thị', 'Tòa A1 – Khu Đô Thị'],
    ['6A1', '6A1'],
    ['', ''],
  ])('%j → %j', (cell, shown) => {
    expect(inertCell(cell)).toBe(shown);
    const [row] = parse(manifestCsv(['block', 'line'], [{ block: cell, line: 2 }]), { columns: true, bom: true, relax_quotes: true }) as Record<string, string>[];
    expect(row).toEqual({ block: shown, line: '2' });
  });

  it('the sticker manifest and the handout list, written by the commands', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'toa.csv'), 'block,address\n"=HYPERLINK(""x"",""B"")",1\n+1,2\n-2+3,3\n@SUM(A1:A2),4\n0907 028 318,5\n');
    const s = await runHere(['stickers', '--unit', example('phuong-binh-thanh.yaml'), '--data', join(dir, 'toa.csv'), '--sheet', 'a5', '--out', join(dir, 'tem')]);
    expect(s.code, s.stderr).toBe(0);
    const stickers = parse(readFileSync(join(dir, 'tem', 'manifest.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(stickers.map((r) => r.block)).toEqual([`'=HYPERLINK("x","B")`, "'+1", "'-2+3", "'@SUM(A1:A2)", '0907 028 318']);

    writeFileSync(join(dir, 'lop.csv'), 'class,teacher\n6A1,=1+1\n6A2,-Cô Lan\n');
    const h = await runHere(['handout', '--unit', example('truong-thcs-tan-trung.yaml'), '--data', join(dir, 'lop.csv'), '--out', join(dir, 'lop')]);
    expect(h.code, h.stderr).toBe(0);
    const list = parse(readFileSync(join(dir, 'lop', 'danh-sach-in.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(list.map((r) => r.teacher)).toEqual(["'=1+1", "'-Cô Lan"]);
  });
});
