import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sweepStaleTemps } from '../../src/output/temp-files.js';
import { tempDir } from '../helpers/cli.js';

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
