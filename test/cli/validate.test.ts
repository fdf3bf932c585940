import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, filesIn, runHere, tempDir } from '../helpers/cli.js';

/**
 * `validate`, and the profile checks it shares with the drawing commands
 * (src/cli/unit.ts), as whole command lines run in process: the exit code, the
 * messages with their lines, and nothing written.
 */
const UNIT = example('phuong-binh-thanh.yaml');
const GOOD = readFileSync(UNIT, 'utf8');

/** The example profile, changed, in a folder of its own. */
function profile(text: string): { dir: string; unit: string } {
  const dir = tempDir();
  const unit = join(dir, 'don-vi.yaml');
  writeFileSync(unit, text);
  return { dir, unit };
}

describe('validate', () => {
  it('accepts a good profile with exit 0', async () => {
    const r = await runHere(['validate', '--unit', UNIT]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Hồ sơ hợp lệ');
  });

  it('reports every problem of a profile at once, each with its line', async () => {
    const { unit } = profile(GOOD.replace('phone: "0907028318"', 'phone: "0123"').replace('deadline: 2027-03-31', 'deadline: 2027-02-30'));
    const r = await runHere(['validate', '--unit', unit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 chỗ cần sửa');
    expect(r.stderr).toMatch(/dòng 10, mục contact\.phone/);
    expect(r.stderr).toMatch(/dòng 11, mục deadline/);
  });

  it('takes --allow-scheme as the drawing commands do', async () => {
    const { dir, unit } = profile(GOOD.replace('  android: https://play.google.com/store/apps/details?id=com.vnid', '  android: https://play.google.com/store/apps/details?id=com.vnid\n  extra:\n    - label: Gọi tổ công tác\n      url: tel:0907028318'));
    const refused = await runHere(['validate', '--unit', unit]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('tel:');
    for (const command of [['validate', '--unit', unit], ['leaflet', '--unit', unit, '--guide', 'muc-1', '--out', join(dir, 'a.pdf')]]) {
      const r = await runHere([...command, '--allow-scheme', 'tel']);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it('says what a profile lacks for a guide, and still accepts the profile', async () => {
    const r = await runHere(['validate', '--unit', example('xa-thanh-nhut.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Lưu ý: mục venues: hướng dẫn "muc-2".+thêm mục venues/);
  });
});

describe('a campaign date already past', () => {
  it('is refused by the drawing commands and by validate, and nothing is written', async () => {
    const { dir, unit } = profile(GOOD.replace('deadline: 2027-03-31', 'deadline: 2026-11-27'));
    const leaflet = await runHere(['leaflet', '--unit', unit, '--guide', 'kich-hoat', '--out', join(dir, 'to-roi.pdf')]);
    expect(leaflet.code).toBe(2);
    expect(leaflet.stderr).toContain('dòng 11, mục deadline: ngày 27/11/2026 đã qua');
    expect(filesIn(dir)).toEqual(['don-vi.yaml']);
    const validate = await runHere(['validate', '--unit', unit]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('đã qua');
  });
});
