// What a clerk's machine does to a run of the bin: a full or read-only disk, a
// folder they may not write to. Each case checks the exit code, the Vietnamese
// message, that --out holds only whole files (nothing hidden, nothing
// half-written) and that no process is left. Disks are small tmpfs mounts: CI
// runs as root on Linux; elsewhere this says so and skips. Signals are in
// interrupt.test.ts; --out refused before anything is drawn, in process, in
// test/output/destination.test.ts.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { example, ROOT, tempDir } from '../helpers/cli.js';
import { entries, noneLeft, run } from '../helpers/processes.js';

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

describe.skipIf(!canMount).concurrent('a full disk', () => {
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
    // Class PDFs are drawn on another thread while the print room's file grows: either may be the one the disk refuses.
    ['handout', (d: string) => ['handout', '--unit', SCHOOL, '--data', CLASSES, '--out', join(d, 'lop')], 'lop/'],
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

describe.skipIf(!canMount).concurrent('a disk or folder that cannot be written', () => {
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
