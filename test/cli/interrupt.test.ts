// Ctrl-C, SIGTERM and kill -9 on a real run of the bin (src/cli/interrupt.ts,
// src/cli/main.ts): the exit code, what the user is told, that --out holds only
// whole files and that no process is left.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { example, runHere, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { blocks, entries, hidden, noneLeft, reached, staged, start } from '../helpers/processes.js';

const WARD = example('phuong-binh-thanh.yaml');
const SCHOOL = example('truong-thcs-tan-trung.yaml');

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
    const csv = blocks(dir, 10);
    const cli = start(['stickers', '--unit', WARD, '--data', csv, '--png', '--out', out]);
    await reached(cli, 'three images', () => staged(out, '.png') >= 3);
    process.kill(cli.pid, 'SIGKILL');
    expect((await cli.done).signal).toBe('SIGKILL');
    await noneLeft(out);
    expect(entries(out)).toEqual([]);
    await rerunIsWhole(csv, out, 10);
  });

  it('kill -9 on the worker itself: the temporary folder it left is removed by the next run there', async () => {
    const dir = tempDir();
    const out = join(dir, 'tem');
    const csv = blocks(dir, 10);
    // Without the snapshot the visible PID is the worker.
    const cli = start(['stickers', '--unit', WARD, '--data', csv, '--png', '--out', out], { env: { VNEID_PRINT_NO_SNAPSHOT: '1' } });
    await reached(cli, 'three images', () => staged(out, '.png') >= 3);
    process.kill(cli.pid, 'SIGKILL');
    await cli.done;
    await noneLeft(out);
    expect(hidden(out)).not.toEqual([]); // what kill -9 leaves
    await rerunIsWhole(csv, out, 10);
  });

  it('Ctrl-C while a sheets-only run writes its PDF: it stops between sheets and leaves no PDF, not even a temporary one', async () => {
    const dir = tempDir();
    const out = join(dir, 'tem');
    const cli = start(['stickers', '--unit', WARD, '--data', blocks(dir, 4000), '--out', out]);
    // Once the PDF is being written (its temporary file exists), press Ctrl-C, as a terminal does: to the whole process group.
    await reached(cli, 'the PDF being written', () => entries(out).length > 0);
    await new Promise((r) => setTimeout(r, 300));
    process.kill(-cli.pid, 'SIGINT');
    const r = await cli.done;
    expect(r.code, r.stderr).toBe(130);
    expect(r.stderr).toMatch(/đã dừng theo yêu cầu \(Ctrl-C\) sau \d+\/500 tờ tem/);
    expect(entries(out)).toEqual([]);
    await noneLeft(out);
  });
});

/** The next run there, in this process (what is left on disk is what matters), writes every file whole. */
async function rerunIsWhole(csv: string, out: string, n: number): Promise<void> {
  const r = await runHere(['stickers', '--unit', WARD, '--data', csv, '--png', '--quiet', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  expect(hidden(out)).toEqual([]);
  const manifest = parse(readFileSync(join(out, 'manifest.csv'), 'utf8'), { columns: true, bom: true }) as { png: string }[];
  expect(manifest).toHaveLength(n);
  expect(entries(join(out, 'png'))).toEqual(manifest.map((m) => m.png.replace('png/', '')).sort());
  expect(await readPdf(readFileSync(join(out, 'tem-qr-a4-2x4.pdf')))).toHaveLength(Math.ceil(n / 8));
  rmSync(out, { recursive: true });
}
