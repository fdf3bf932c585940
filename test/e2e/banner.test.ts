import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, runHere, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';

const UNIT = example('phuong-binh-thanh.yaml');

describe('banners', () => {
  it('is a 500 × 80 cm PDF page with the slogan and the unit', async () => {
    const dir = tempDir();
    const out = join(dir, 'bang-ron.pdf');
    const r = await runHere(['banner', '--unit', UNIT, '--text', 'Cài VNeID – làm thủ tục hành chính dễ dàng', '--size', '500x80cm', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const [page] = await readPdf(readFileSync(out));
    expect(page!.width).toBeCloseTo((500 / 2.54) * 72, 0);
    expect(page!.height).toBeCloseTo((80 / 2.54) * 72, 0);
    expect(page!.text).toContain('Cài VNeID – làm thủ tục hành chính dễ dàng');
    expect(page!.text).toContain('Ủy ban nhân dân phường Bình Thạnh');
  });

  it('refuses a slogan too long to read and a size it cannot understand', async () => {
    const long = await runHere(['banner', '--unit', UNIT, '--text', 'Khẩu hiệu rất dài '.repeat(20), '--size', '300x60cm', '--out', join(tempDir(), 'b.pdf')]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('mục --text');
    const bad = await runHere(['banner', '--unit', UNIT, '--size', '5 met', '--out', join(tempDir(), 'b.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('500x80cm');
  });
});

