import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runHere, tempDir } from '../helpers/cli.js';

/**
 * --out that cannot be used as it is, checked before anything is drawn
 * (src/output/destination.ts), through whole command lines run in process: exit
 * 2, the place and the message, and nothing written. Disks that fail during the
 * write are real runs of the bin (test/cli/chaos.test.ts).
 */
const WARD = example('phuong-binh-thanh.yaml');
const BLOCKS = example('toa-nha-phuong-13.csv');
const SCHOOL = example('truong-thcs-tan-trung.yaml');
const CLASSES = example('cac-lop-thcs-tan-trung.csv');

/** Every entry under `dir`, folders too, hidden ones included. */
const entries = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

describe.skipIf(process.platform === 'win32')('--out that cannot be used as it is', () => {
  it.each([
    ['a file where a folder is needed', ['stickers', '--unit', WARD, '--data', BLOCKS, '--out', 'DIR/ghi-chu.txt'], 'tệp DIR/ghi-chu.txt, mục --out: đây là một tệp, không phải thư mục'],
    ['a file where a folder of the path is', ['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', 'DIR/ghi-chu.txt/a.pdf'], 'tệp DIR/ghi-chu.txt, mục --out: đây là một tệp, không phải thư mục'],
    ['an empty file name', ['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', ''], 'mục --out: chưa ghi tên tệp kết quả'],
    ['an empty folder name', ['handout', '--unit', SCHOOL, '--data', CLASSES, '--out', ''], 'mục --out: chưa ghi tên thư mục kết quả'],
    ['a folder name for a file', ['poster', '--unit', WARD, '--guide', 'kich-hoat', '--out', 'DIR/moi/'], 'đây là tên một thư mục (có dấu / ở cuối), không phải tên tệp'],
    ['a name over 255 bytes', ['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', `DIR/${'a'.repeat(252)}.pdf`], 'mục --out: tên tệp quá dài'],
  ])('%s: exit 2, said, nothing written', async (_name, args, says) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ghi-chu.txt'), 'x');
    const r = await runHere(args.map((a) => a.replace('DIR', dir)));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(says.replace('DIR', dir));
    expect(r.stderr).toContain('Chưa tạo tệp nào.');
    expect(entries(dir)).toEqual(['ghi-chu.txt']);
  });

  it('a folder that does not exist yet ("moi/") is made; a name of 255 bytes is written, although its temporary file would have been longer', async () => {
    const dir = tempDir();
    const r = await runHere(['stickers', '--unit', WARD, '--data', BLOCKS, '--quiet', '--out', join(dir, 'moi', 'tem') + '/']);
    expect(r.code, r.stderr).toBe(0);
    expect(entries(join(dir, 'moi', 'tem'))).toEqual(['manifest.csv', 'tem-qr-a4-2x4.pdf']);
    const long = `${'a'.repeat(251)}.pdf`;
    const l = await runHere(['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', join(dir, long)]);
    expect(l.code, l.stderr).toBe(0);
    expect(entries(dir)).toEqual([long, 'moi', 'moi/tem', 'moi/tem/manifest.csv', 'moi/tem/tem-qr-a4-2x4.pdf']);
  });
});

describe.skipIf(process.platform === 'win32')('links (symlinks) in --out are refused before anything is written', () => {
  it('a class PDF that is a link: exit 2, no class file written, the link and its target untouched', async () => {
    const dir = tempDir();
    const out = join(dir, 'lop');
    mkdirSync(out);
    writeFileSync(join(dir, 'bi-mat.txt'), 'giữ nguyên');
    symlinkSync(join(dir, 'bi-mat.txt'), join(out, '7a1.pdf'));
    const r = await runHere(['handout', '--unit', SCHOOL, '--data', CLASSES, '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`tệp ${join(out, '7a1.pdf')}, mục --out: đây là một liên kết (symlink)`);
    expect(r.stderr).toContain('Chưa tạo tệp nào.');
    expect(entries(out)).toEqual(['7a1.pdf']);
    expect(readFileSync(join(dir, 'bi-mat.txt'), 'utf8')).toBe('giữ nguyên');
  });

  it('a linked manifest.csv and png folder: both named at once, no sticker PDF written', async () => {
    const dir = tempDir();
    const out = join(dir, 'tem');
    mkdirSync(out);
    mkdirSync(join(dir, 'noi-khac'));
    symlinkSync(join(dir, 'noi-khac'), join(out, 'png'));
    symlinkSync(join(dir, 'noi-khac', 'ds.csv'), join(out, 'manifest.csv'));
    const r = await runHere(['stickers', '--unit', WARD, '--data', BLOCKS, '--png', '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('Lỗi (2 chỗ cần sửa)');
    expect(r.stderr).toContain(`tệp ${join(out, 'png')}, mục --out: thư mục này là một liên kết (symlink)`);
    expect(r.stderr).toContain(`tệp ${join(out, 'manifest.csv')}, mục --out: đây là một liên kết (symlink)`);
    expect(entries(out)).toEqual(['manifest.csv', 'png']);
    expect(entries(join(dir, 'noi-khac'))).toEqual([]);
  });
});
