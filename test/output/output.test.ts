import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it, vi } from 'vitest';
import { reportError } from '../../src/cli/report.js';
import { UserError } from '../../src/errors.js';
import { diskError } from '../../src/output/disk-errors.js';
import { inertCell, manifestCsv } from '../../src/output/manifest.js';
import { stageOutput } from '../../src/output/staged-output.js';
import { sweepStaleTemps } from '../../src/output/temp-files.js';
import { example, runCli, tempDir } from '../helpers/cli.js';

// A disk that fills up between two renames, which no check beforehand can foresee.
const renameFails = vi.hoisted(() => ({ after: Infinity }));
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return { ...fs, rename: (from: string, to: string) => (renameFails.after-- > 0 ? fs.rename(from, to) : Promise.reject(Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' }))) };
});

const errno = (code: string) => Object.assign(new Error(`${code}: raw English`), { code });

describe('write errors in the user’s words', () => {
  it.each([
    ['ENOSPC', 'ổ đĩa đầy'],
    ['EDQUOT', 'ổ đĩa đầy'],
    ['EROFS', 'ổ đĩa này chỉ đọc'],
    ['EACCES', 'không có quyền ghi'],
    ['EPERM', 'không có quyền ghi'],
    ['ENAMETOOLONG', 'tên tệp quá dài'],
    ['ENOTDIR', 'một tệp trùng tên với thư mục'],
    ['EBUSY', 'chương trình khác mở'],
    ['EIO', 'ổ đĩa báo lỗi'],
  ])('%s: a problem with the file, --out and what to do', (code, says) => {
    const err = diskError(errno(code), 'ket-qua/to-roi.pdf');
    expect(err).toBeInstanceOf(UserError);
    const [p] = (err as UserError).problems;
    expect(p).toMatchObject({ file: 'ket-qua/to-roi.pdf', field: 'out', hint: expect.any(String) });
    expect(p!.message).toContain(says);
  });

  it('anything else is ours to fix: passed on as it is (exit 1)', () => {
    const err = errno('EMFILE');
    expect(diskError(err, 'a.pdf')).toBe(err);
    expect(diskError(new TypeError('x'), 'a.pdf')).toBeInstanceOf(TypeError);
  });
});

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

  it('the sticker manifest and the handout list, written by the commands', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'toa.csv'), 'block,address\n"=HYPERLINK(""x"",""B"")",1\n+1,2\n-2+3,3\n@SUM(A1:A2),4\n0907 028 318,5\n');
    const s = runCli(['stickers', '--unit', example('phuong-binh-thanh.yaml'), '--data', join(dir, 'toa.csv'), '--sheet', 'a5', '--out', join(dir, 'tem')]);
    expect(s.code, s.stderr).toBe(0);
    const stickers = parse(readFileSync(join(dir, 'tem', 'manifest.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(stickers.map((r) => r.block)).toEqual([`'=HYPERLINK("x","B")`, "'+1", "'-2+3", "'@SUM(A1:A2)", '0907 028 318']);

    writeFileSync(join(dir, 'lop.csv'), 'class,teacher\n6A1,=1+1\n6A2,-Cô Lan\n');
    const h = runCli(['handout', '--unit', example('truong-thcs-tan-trung.yaml'), '--data', join(dir, 'lop.csv'), '--out', join(dir, 'lop')]);
    expect(h.code, h.stderr).toBe(0);
    const list = parse(readFileSync(join(dir, 'lop', 'danh-sach-in.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(list.map((r) => r.teacher)).toEqual(["'=1+1", "'-Cô Lan"]);
  });
});

describe('a batch moved into place', () => {
  it('all at once; or, when the disk fails half-way, says exactly which files exist and which do not', async () => {
    const out = join(tempDir(), 'ket-qua');
    const names = ['a.pdf', 'png/b.png', 'c.csv'];
    const whole = await stageOutput(out, names);
    for (const n of names) await whole.write(n, n);
    expect(await whole.commit()).toEqual(names.map((n) => join(out, n)));
    expect(readdirSync(out, { recursive: true }).sort()).toEqual(['a.pdf', 'c.csv', 'png', 'png/b.png']);

    const half = await stageOutput(out, names);
    for (const n of names) await half.write(n, `${n} mới`);
    renameFails.after = 1;
    const err = await half.commit().catch((e: unknown) => e);
    renameFails.after = Infinity;
    const said: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((text) => said.push(String(text)) > 0);
    expect(reportError(err)).toBe(2);
    vi.mocked(process.stderr.write).mockRestore();
    expect(said.join('')).toBe(
      `Lỗi:\n• tệp ${join(out, 'png/b.png')}, mục --out: ổ đĩa đầy, không ghi hết được tệp\n  → xoá bớt tệp không cần trên ổ đĩa đó, hoặc ghi kết quả vào ổ khác, rồi chạy lại lệnh\n` +
        `Chỉ ghi xong 1 tệp (trọn vẹn, của lần chạy này):\n  ${join(out, 'a.pdf')}\nChưa ghi được 2 tệp:\n  ${join(out, 'png/b.png')}\n  ${join(out, 'c.csv')}\n`,
    );
    expect(readFileSync(join(out, 'a.pdf'), 'utf8')).toBe('a.pdf mới');
    expect(readFileSync(join(out, 'c.csv'), 'utf8')).toBe('c.csv'); // the last run's, whole
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});

describe('temporary files left by a killed run', () => {
  it('are removed when their process is gone, never while it lives, and nothing else is touched', async () => {
    const dir = tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim();
    const names = [`.vneid-print-${dead}-0a1b2c3d.tmp`, `.vneid-print-${process.ppid}-0a1b2c3d.tmp`, `.vneid-print-${dead}.tmp`, `.to-roi.pdf.tmp-${dead}-0`, 'to-roi.pdf'];
    for (const n of names) writeFileSync(join(dir, n), 'x');
    mkdirSync(join(dir, `.vneid-print-${dead}-ffff.tmp`, 'png'), { recursive: true });
    await sweepStaleTemps(dir);
    expect(readdirSync(dir).sort()).toEqual(names.slice(1).sort());
  });
});

describe('safe file names for a batch', () => {
  it("never names a class onto the batch's own files or onto another class's back picture", async () => {
    const { makeSlugger } = await import('../../src/output/slug.js');
    const slug = makeSlugger('lop', { reserved: ['in-tat-ca-cac-lop'], companions: ['-mat-sau'] });
    expect(['6A mặt sau', '6A', 'In tất cả các lớp', '6A'].map(slug)).toEqual(['6a-mat-sau', '6a-2', 'in-tat-ca-cac-lop-2', '6a-3']);
  });
});
