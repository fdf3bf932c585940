import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGuide } from '../../src/content/guides.js';
import { IMAGE_PRESETS } from '../../src/products/screen-image.js';
import { example, filesIn, runHere, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';

const A5_WIDTH = 419.53;

describe('the sample kit (npm start)', () => {
  let dir: string;
  let files: string[];
  beforeAll(async () => {
    dir = tempDir();
    const r = await runHere(['kit', '--unit', example('phuong-binh-thanh.yaml'), '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    files = filesIn(dir);
  });

  it('makes the whole set at default sizes, and nothing half-written', () => {
    expect(files).toContain('ap-phich-kich-hoat-a2.pdf');
    expect(files).toContain('bang-ron-500x80cm.pdf');
    for (const preset of Object.keys(IMAGE_PRESETS)) expect(files).toContain(`anh-kich-hoat-${preset}.png`);
    expect(files.filter((f) => /^to-roi-[a-z0-9-]+\.pdf$/.test(f))).toHaveLength(5);
    expect(files.filter((f) => f.startsWith('.'))).toEqual([]); // no temporary files left
  });

  it('writes every guide as PDF and PNG, each readable', async () => {
    for (const id of ['dich-vu-cong', 'kich-hoat', 'muc-1', 'muc-2', 'tien-ich']) {
      const pages = await readPdf(readFileSync(join(dir, `to-roi-${id}.pdf`)));
      expect(pages[0]!.text).toContain(findGuide(id).title);
      // A guide that needs both sides of A5 for this unit has a picture of the back too, and only then.
      const pictures = files.filter((f) => f === `to-roi-${id}.png` || f === `to-roi-${id}-mat-sau.png`).sort();
      expect(pictures).toEqual(pages.length === 2 ? [`to-roi-${id}-mat-sau.png`, `to-roi-${id}.png`] : [`to-roi-${id}.png`]);
      expect((await sharp(readFileSync(join(dir, `to-roi-${id}.png`))).metadata()).width).toBe(Math.round((A5_WIDTH / 72) * 200));
    }
  });
});
