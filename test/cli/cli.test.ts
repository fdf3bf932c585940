import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runCli, runHere, tempDir } from '../helpers/cli.js';

/** The command line itself (src/cli/cli.ts): its commands, its help, its defaults. */
const UNIT = example('phuong-binh-thanh.yaml');

describe('the command line', () => {
  it('lists the five guides with their titles', async () => {
    const r = await runHere(['guides']);
    expect(r.code).toBe(0);
    for (const id of ['muc-1', 'muc-2', 'kich-hoat', 'dich-vu-cong', 'tien-ich']) expect(r.stdout).toMatch(new RegExp(`^${id} +\\S`, 'm'));
    expect(r.stdout).toContain('Tự kích hoạt tài khoản định danh điện tử tại nhà');
  });

  // yargs ends the process after help: real runs of the bin.
  it('has help for each command, in Vietnamese', () => {
    for (const cmd of ['guides', 'validate', 'leaflet', 'kit']) {
      const r = runCli([cmd, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Tuỳ chọn:');
      if (cmd === 'leaflet') expect(r.stdout).toContain('--guide');
    }
  });

  it('writes the default file name in the current folder when --out is left out', async () => {
    const dir = tempDir();
    expect((await runHere(['leaflet', '--unit', UNIT, '--guide', 'muc-2'], { cwd: dir })).code).toBe(0);
    expect(existsSync(join(dir, 'to-roi-muc-2-a5.pdf'))).toBe(true);
  });
});
