import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_STORE_LINKS } from '../../src/content/profile-schema.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../../src/products/screen-image.js';
import { example, runHere, tempDir } from '../helpers/cli.js';
import { campaign } from '../helpers/fixtures.js';
import { overlappingTexts, textOutside } from '../helpers/ink.js';
import { readQrCodes } from '../helpers/qr-read.js';

const UNIT = example('phuong-binh-thanh.yaml');
const STORES = [OFFICIAL_STORE_LINKS.ios, OFFICIAL_STORE_LINKS.android];

describe('pictures for screens and social networks', () => {
  it.each(Object.entries(IMAGE_PRESETS))('%s is %o pixels, with its QR codes scanning and its text in place', async (preset, px) => {
    const dir = tempDir();
    const out = join(dir, `anh.png`);
    const r = await runHere(['image', '--unit', UNIT, '--guide', 'kich-hoat', '--preset', preset, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const png = readFileSync(out);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([px.width, px.height]);
    const { unit, input } = await campaign();
    const page = layoutScreenImage(input, px, unit.m).doc.pages[0]!;
    expect(await readQrCodes(png, page)).toEqual(STORES);
    expect(textOutside(page, 0, 0, page.width, page.height)).toEqual([]);
    expect(overlappingTexts(page)).toEqual([]);
  });

  it('takes any screen size in pixels, and JPEG or WebP', async () => {
    const dir = tempDir();
    for (const [ext, format] of [['jpg', 'jpeg'], ['webp', 'webp']]) {
      const out = join(dir, `man-hinh.${ext}`);
      expect((await runHere(['image', '--unit', UNIT, '--guide', 'tien-ich', '--width', '1366', '--height', '768', '--out', out])).code).toBe(0);
      const meta = await sharp(readFileSync(out)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([format, 1366, 768]);
    }
  });

  it('refuses a size too small to read, and a PDF', async () => {
    expect((await runHere(['image', '--unit', UNIT, '--guide', 'kich-hoat', '--width', '100', '--height', '100', '--out', join(tempDir(), 'a.png')])).stderr).toContain('--width');
    expect((await runHere(['image', '--unit', UNIT, '--guide', 'kich-hoat', '--preset', 'led-fhd', '--out', join(tempDir(), 'a.pdf')])).code).toBe(2);
  });
});

