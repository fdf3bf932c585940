import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, filesIn, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';

describe('Ctrl-C during a batch', () => {
  it('stops between two images and leaves --out as it was (no PDF, no images, no manifest, no temporary file), says how far it got; a rerun completes', async () => {
    const dir = tempDir();
    const csv = join(dir, 'toa-nha.csv');
    writeFileSync(csv, 'block,address\n' + Array.from({ length: 300 }, (_, i) => `Tòa nhà số ${i + 1},${i + 1} Nơ Trang Long`).join('\n'));
    const out = join(dir, 'tem');
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'stickers', '--unit', example('phuong-binh-thanh.yaml'), '--data', csv, '--out', out, '--png'], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      // The batch writes into a hidden folder inside --out until every file is done.
      const poll = setInterval(() => {
        const pngs = existsSync(out) ? readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.png')) : [];
        if (pngs.length >= 3) {
          clearInterval(poll);
          process.kill(-child.pid!, 'SIGINT'); // as a terminal's Ctrl-C does: to the whole process group
        }
      }, 20);
      child.on('exit', (c) => {
        clearInterval(poll);
        resolve(c);
      });
    });
    expect(code).toBe(130);
    expect(stderr).toMatch(/đã dừng theo yêu cầu \(Ctrl-C\) sau \d+\/300 ảnh tem; chưa tạo tệp nào/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);

    const again = runCli(['stickers', '--unit', example('phuong-binh-thanh.yaml'), '--data', csv, '--out', out, '--png', '--quiet']);
    expect(again.code, again.stderr).toBe(0);
    expect(filesIn(out).filter((f) => f.endsWith('.png'))).toHaveLength(300);
    expect((await readPdf(readFileSync(join(out, 'tem-qr-a4-2x4.pdf')))).length).toBe(38);
  }, 120_000);

  it('stops a sheets-only run between sheets and leaves no PDF, not even a temporary one', async () => {
    const dir = tempDir();
    const csv = join(dir, 'toa-nha.csv');
    writeFileSync(csv, 'block,address\n' + Array.from({ length: 4000 }, (_, i) => `Tòa nhà số ${i + 1},${i + 1} Nơ Trang Long`).join('\n'));
    const out = join(dir, 'tem');
    const child = spawn(process.execPath, [join(ROOT, 'dist/cli/main.js'), 'stickers', '--unit', example('phuong-binh-thanh.yaml'), '--data', csv, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => {
      // Once the PDF is being written (its temporary file exists), press Ctrl-C.
      const poll = setInterval(() => {
        if (existsSync(out) && readdirSync(out).length) {
          clearInterval(poll);
          setTimeout(() => process.kill(-child.pid!, 'SIGINT'), 300);
        }
      }, 20);
      child.on('exit', (c) => {
        clearInterval(poll);
        resolve(c);
      });
    });
    expect(code, stderr).toBe(130);
    expect(stderr).toMatch(/đã dừng theo yêu cầu \(Ctrl-C\) sau \d+\/500 tờ tem/);
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
  }, 120_000);
});

