// What a clerk's machine does to a run: a full or read-only disk, a folder they
// may not write to, links where files should be, Ctrl-C, SIGTERM, kill -9. Each
// case checks the exit code, the Vietnamese message, that --out holds only whole
// files (nothing hidden, nothing half-written) and that no process is left.
// Disks are small tmpfs mounts: CI runs as root on Linux; elsewhere this says so and skips.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { example, ROOT, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';

const BIN = join(ROOT, 'dist/cli/main.js');
const WARD = example('phuong-binh-thanh.yaml');
const BLOCKS = example('toa-nha-phuong-13.csv');
const SCHOOL = example('truong-thcs-tan-trung.yaml');
const CLASSES = example('cac-lop-thcs-tan-trung.csv');

const mounts: string[] = [];
/** A tmpfs of `size` (e.g. "1m"), read-only with `ro`; undefined when this machine does not allow it. */
function tmpfs(options: string): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'vneid-chaos-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]).status !== 0) return void rmSync(dir, { recursive: true });
  mounts.push(dir);
  return dir;
}
const canMount = process.platform === 'linux' && process.getuid?.() === 0 && tmpfs('size=64k') !== undefined;
if (!canMount) console.warn('chaos.test.ts: skipped, it needs root on Linux to mount small disks (tmpfs)');
afterAll(() => {
  for (const dir of mounts) if (spawnSync('umount', ['-l', dir]).status === 0) rmSync(dir, { recursive: true });
});

interface Run {
  pid: number;
  /** Resolves when the bin has exited, with what it said. */
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

/** Starts the bin as a user would, in a process group of its own (as a terminal gives it). */
function start(args: string[], o: { env?: Record<string, string>; uid?: number } = {}): Run {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...o.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true, uid: o.uid, gid: o.uid });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return { pid: child.pid!, done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))) };
}

const run = (args: string[], o?: Parameters<typeof start>[1]) => start(args, o).done;

/** Live processes (zombies are dead) whose command line holds `marker`: a run's --out is unique to it. */
function processesWith(marker: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker) && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false; // gone while we looked
      }
    })
    .map(Number);
}

async function waitFor(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() > end) throw new Error(`waited ${ms} ms for ${what}`);
  }
}

/** Waits for a run to get somewhere; fails at once, with what it said, if it ended first. */
function reached(cli: Run, what: string, ok: () => boolean): Promise<void> {
  const ended = cli.done.then((r) => Promise.reject(new Error(`the run ended (${r.code}) before ${what}: ${r.stderr}`)));
  return Promise.race([waitFor(what, ok), ended]);
}

/** The bin and the worker it started are both gone (the worker may take a moment to notice). */
const noneLeft = (marker: string) => waitFor(`no process with ${marker}`, () => processesWith(marker).length === 0, 5_000);

/** Every entry under `dir`, folders too, hidden ones included. */
function entries(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort() : [];
}
const hidden = (dir: string) => entries(dir).filter((e) => e.split('/').some((part) => part.startsWith('.')));

/** Files a batch is writing into its hidden folder inside `out`. */
function staged(out: string, ext: string): number {
  return entries(out).filter((e) => e.startsWith('.vneid-print-') && e.endsWith(ext)).length;
}

function blocks(dir: string, n: number): string {
  const file = join(dir, 'toa-nha.csv');
  writeFileSync(file, 'block,address\n' + Array.from({ length: n }, (_, i) => `Tòa nhà số ${i + 1},${i + 1} Nơ Trang Long`).join('\n'));
  return file;
}

describe.concurrent.skipIf(!canMount)('a full disk', () => {
  // 8 KB free: every command's first file starts, and cannot finish.
  const disk = () => {
    const dir = tmpfs('size=1m')!;
    writeFileSync(join(dir, 'day.bin'), Buffer.alloc(1016 * 1024));
    return dir;
  };
  it.each([
    ['leaflet', (d: string) => ['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', join(d, 'to-roi.pdf')], 'to-roi.pdf'],
    ['poster', (d: string) => ['poster', '--unit', WARD, '--guide', 'kich-hoat', '--size', 'a3', '--out', join(d, 'ap-phich.pdf')], 'ap-phich.pdf'],
    ['image', (d: string) => ['image', '--unit', WARD, '--guide', 'kich-hoat', '--preset', 'social-square', '--out', join(d, 'anh.png')], 'anh.png'],
    ['banner', (d: string) => ['banner', '--unit', WARD, '--out', join(d, 'bang-ron.pdf')], 'bang-ron.pdf'],
    ['stickers', (d: string) => ['stickers', '--unit', WARD, '--data', BLOCKS, '--png', '--out', join(d, 'tem')], 'tem/tem-qr-a4-2x4.pdf'],
    ['handout', (d: string) => ['handout', '--unit', SCHOOL, '--data', CLASSES, '--out', join(d, 'lop')], 'lop/6a1.pdf'],
    ['kit', (d: string) => ['kit', '--unit', WARD, '--out', join(d, 'bo')], 'bo/to-roi-'],
  ])('%s: exit 2, says the disk is full and which file, leaves nothing', async (_name, args, file) => {
    const dir = disk();
    const r = await run(args(dir));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`tệp ${join(dir, file)}`);
    expect(r.stderr).toContain('ổ đĩa đầy');
    expect(r.stderr).toContain('Chưa tạo tệp nào.');
    expect(r.stdout).toBe('');
    expect(entries(dir)).toEqual(['day.bin']); // no folder made for nothing, no temporary file
    await noneLeft(dir);
  });
});

describe.concurrent.skipIf(!canMount)('a disk or folder that cannot be written', () => {
  it.each([
    ['leaflet', (d: string) => ['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', join(d, 'to-roi.pdf')], 'to-roi.pdf'],
    ['leaflet into a new folder', (d: string) => ['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', join(d, 'moi', 'to-roi.pdf')], 'moi'],
    ['stickers', (d: string) => ['stickers', '--unit', WARD, '--data', BLOCKS, '--out', d], ''],
    ['handout', (d: string) => ['handout', '--unit', SCHOOL, '--data', CLASSES, '--out', join(d, 'lop')], 'lop'],
  ])('read-only disk, %s: exit 2, "ổ đĩa này chỉ đọc"', async (_name, args, file) => {
    const dir = tmpfs('size=64k,ro')!;
    const r = await run(args(dir));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`tệp ${join(dir, file)}, mục --out: ổ đĩa này chỉ đọc`);
    expect(r.stderr).toContain('ghi kết quả vào một thư mục trên ổ khác');
    await noneLeft(dir);
  });

  // Root writes anywhere: the clerk's own account is played by nobody (65534).
  const nobodyCanRun = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)})`], { uid: 65534, gid: 65534 }).status === 0;
  it.skipIf(!nobodyCanRun)('a folder of another user, leaflet and kit: exit 2, "không có quyền ghi"', async () => {
    const dir = tempDir(); // root's, mode 700
    for (const args of [['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', join(dir, 'to-roi.pdf')], ['kit', '--unit', WARD, '--out', join(dir, 'bo')]]) {
      const r = await run(args, { uid: 65534 });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('mục --out: không có quyền ghi vào chỗ này');
      expect(r.stderr).toContain('chọn thư mục kết quả mà bạn có quyền ghi');
    }
    expect(entries(dir)).toEqual([]);
    await noneLeft(dir);
  });
});

describe.concurrent.skipIf(process.platform === 'win32')('--out that cannot be used as it is', () => {
  it('a file where a folder is needed, an empty name, a folder name for a file: exit 2, each said', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'ghi-chu.txt'), 'x');
    const cases: [string[], string][] = [
      [['stickers', '--unit', WARD, '--data', BLOCKS, '--out', join(dir, 'ghi-chu.txt')], `tệp ${join(dir, 'ghi-chu.txt')}, mục --out: đây là một tệp, không phải thư mục`],
      [['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', join(dir, 'ghi-chu.txt', 'a.pdf')], `tệp ${join(dir, 'ghi-chu.txt')}, mục --out: đây là một tệp, không phải thư mục`],
      [['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', ''], 'mục --out: chưa ghi tên tệp kết quả'],
      [['handout', '--unit', SCHOOL, '--data', CLASSES, '--out', ''], 'mục --out: chưa ghi tên thư mục kết quả'],
      [['poster', '--unit', WARD, '--guide', 'kich-hoat', '--out', join(dir, 'moi') + '/'], 'đây là tên một thư mục (có dấu / ở cuối), không phải tên tệp'],
      [['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', join(dir, `${'a'.repeat(252)}.pdf`)], 'mục --out: tên tệp quá dài'],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    for (const [i, r] of results.entries()) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(cases[i]![1]);
      expect(r.stderr).toContain('Chưa tạo tệp nào.');
    }
    expect(entries(dir)).toEqual(['ghi-chu.txt']);
  });

  it('a folder that does not exist yet ("moi/") is made; a name of 255 bytes is written, although its temporary file would have been longer', async () => {
    const dir = tempDir();
    const r = await run(['stickers', '--unit', WARD, '--data', BLOCKS, '--out', join(dir, 'moi', 'tem') + '/']);
    expect(r.code, r.stderr).toBe(0);
    expect(entries(join(dir, 'moi', 'tem'))).toEqual(['manifest.csv', 'tem-qr-a4-2x4.pdf']);
    const long = `${'a'.repeat(251)}.pdf`;
    const l = await run(['leaflet', '--unit', WARD, '--guide', 'kich-hoat', '--out', join(dir, long)]);
    expect(l.code, l.stderr).toBe(0);
    expect(entries(dir)).toEqual([long, 'moi', 'moi/tem', 'moi/tem/manifest.csv', 'moi/tem/tem-qr-a4-2x4.pdf']);
  });
});

describe.concurrent.skipIf(process.platform === 'win32')('links (symlinks) in --out are refused before anything is written', () => {
  it('a class PDF that is a link: exit 2, no class file written, the link and its target untouched', async () => {
    const dir = tempDir();
    const out = join(dir, 'lop');
    mkdirSync(out);
    writeFileSync(join(dir, 'bi-mat.txt'), 'giữ nguyên');
    symlinkSync(join(dir, 'bi-mat.txt'), join(out, '7a1.pdf'));
    const r = await run(['handout', '--unit', SCHOOL, '--data', CLASSES, '--out', out]);
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
    const r = await run(['stickers', '--unit', WARD, '--data', BLOCKS, '--png', '--out', out]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('Lỗi (2 chỗ cần sửa)');
    expect(r.stderr).toContain(`tệp ${join(out, 'png')}, mục --out: thư mục này là một liên kết (symlink)`);
    expect(r.stderr).toContain(`tệp ${join(out, 'manifest.csv')}, mục --out: đây là một liên kết (symlink)`);
    expect(entries(out)).toEqual(['manifest.csv', 'png']);
    expect(entries(join(dir, 'noi-khac'))).toEqual([]);
  });
});

// Processes are found in /proc.
describe.skipIf(process.platform !== 'linux')('signals: the PID the user sees stands for the whole run', () => {
  it('Ctrl-C to that PID alone during sticker images: exit 130, says how far it got, leaves nothing, no process left', async () => {
    const dir = tempDir();
    const out = join(dir, 'tem');
    const cli = start(['stickers', '--unit', WARD, '--data', blocks(dir, 60), '--png', '--out', out]);
    await reached(cli, 'three images', () => staged(out, '.png') >= 3);
    process.kill(cli.pid, 'SIGINT');
    const r = await cli.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/^đã dừng theo yêu cầu \(Ctrl-C\) sau \d+\/60 ảnh tem; chưa tạo tệp nào\n/);
    expect(entries(out)).toEqual([]);
    await noneLeft(out);
  });

  it('Ctrl-C to the process group (a terminal) during a handout batch: it stops between two classes, exit 130', async () => {
    const dir = tempDir();
    const csv = join(dir, 'lop.csv');
    writeFileSync(csv, 'class,teacher,students\n' + Array.from({ length: 40 }, (_, i) => `6A${i + 1},Cô Lan,1`).join('\n'));
    const out = join(dir, 'lop');
    const cli = start(['handout', '--unit', SCHOOL, '--data', csv, '--out', out]);
    await reached(cli, 'two class files', () => staged(out, '.pdf') >= 3); // two classes and the print room's file
    const asked = Date.now();
    process.kill(-cli.pid, 'SIGINT');
    const r = await cli.done;
    expect(r.code, r.stderr).toBe(130);
    const [, done] = /^đã dừng theo yêu cầu \(Ctrl-C\) sau (\d+)\/40 lớp; chưa tạo tệp nào\n/.exec(r.stderr) ?? [];
    expect(Number(done), r.stderr).toBeLessThan(40);
    expect(Date.now() - asked).toBeLessThan(3_000);
    expect(entries(out)).toEqual([]);
    await noneLeft(out);
  });

  it('SIGTERM during a kit: exit 143, says SIGTERM (not Ctrl-C), leaves nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'bo');
    const cli = start(['kit', '--unit', WARD, '--out', out]);
    await reached(cli, 'two files', () => staged(out, '') >= 3); // the hidden folder and two files in it
    process.kill(cli.pid, 'SIGTERM');
    const r = await cli.done;
    expect(r.code, r.stderr).toBe(143);
    // Notes about two-sided leaflets may come first; the stop is said on its own line.
    expect(r.stderr).toMatch(/(^|\n)đã dừng vì có lệnh tắt chương trình \(SIGTERM\) sau \d+\/\d+ tệp; chưa tạo tệp nào\n/);
    expect(entries(dir)).toEqual([]);
    await noneLeft(out);
  });

  it('a second Ctrl-C stops at once, even in the middle of a class, and still leaves no temporary file or folder', async () => {
    const dir = tempDir();
    const csv = join(dir, 'lop.csv');
    writeFileSync(csv, 'class,students\n6A1,200\n6A2,200\n'); // 200 copies, both sides: a class takes a while
    const out = join(dir, 'lop');
    const cli = start(['handout', '--unit', SCHOOL, '--data', csv, '--out', out]);
    await reached(cli, "the first class's file", () => staged(out, '6a1.pdf') === 1);
    process.kill(cli.pid, 'SIGINT'); // noted, for the end of this class
    await new Promise((r) => setTimeout(r, 100));
    const asked = Date.now();
    process.kill(cli.pid, 'SIGINT');
    const r = await cli.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/^đã dừng theo yêu cầu \(Ctrl-C\); không để lại tệp ghi dở nào\n/);
    expect(Date.now() - asked).toBeLessThan(1_000);
    expect(entries(dir)).toEqual(['lop.csv']);
    await noneLeft(out);
  });

  it('kill -9 on that PID takes the worker with it: it stops between two images and cleans up; a rerun is whole', async () => {
    const dir = tempDir();
    const out = join(dir, 'tem');
    const csv = blocks(dir, 24);
    const cli = start(['stickers', '--unit', WARD, '--data', csv, '--png', '--out', out]);
    await reached(cli, 'three images', () => staged(out, '.png') >= 3);
    process.kill(cli.pid, 'SIGKILL');
    expect((await cli.done).signal).toBe('SIGKILL');
    await noneLeft(out);
    expect(entries(out)).toEqual([]);
    await rerunIsWhole(csv, out, 24);
  });

  it('kill -9 on the worker itself: the temporary folder it left is removed by the next run there', async () => {
    const dir = tempDir();
    const out = join(dir, 'tem');
    const csv = blocks(dir, 24);
    // Without the snapshot the visible PID is the worker.
    const cli = start(['stickers', '--unit', WARD, '--data', csv, '--png', '--out', out], { env: { VNEID_PRINT_NO_SNAPSHOT: '1' } });
    await reached(cli, 'three images', () => staged(out, '.png') >= 3);
    process.kill(cli.pid, 'SIGKILL');
    await cli.done;
    await noneLeft(out);
    expect(hidden(out)).not.toEqual([]); // what kill -9 leaves
    await rerunIsWhole(csv, out, 24);
  });
});

async function rerunIsWhole(csv: string, out: string, n: number): Promise<void> {
  const r = await run(['stickers', '--unit', WARD, '--data', csv, '--png', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  expect(hidden(out)).toEqual([]);
  const manifest = parse(readFileSync(join(out, 'manifest.csv'), 'utf8'), { columns: true, bom: true }) as { png: string }[];
  expect(manifest).toHaveLength(n);
  expect(entries(join(out, 'png'))).toEqual(manifest.map((m) => m.png.replace('png/', '')).sort());
  expect(await readPdf(readFileSync(join(out, 'tem-qr-a4-2x4.pdf')))).toHaveLength(Math.ceil(n / 8));
  rmSync(out, { recursive: true });
}
