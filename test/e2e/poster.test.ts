import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { findGuide, renderGuide } from '../../src/content/guides.js';
import { OFFICIAL_STORE_LINKS } from '../../src/content/profile-schema.js';
import { MM, POSTER_PAPER } from '../../src/layout/page-sizes.js';
import { OVERLAP } from '../../src/layout/tiles.js';
import { paintRaster } from '../../src/paint/raster.js';
import { layoutPoster } from '../../src/products/poster.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../../src/products/screen-image.js';
import { loadUnit } from '../../src/products/unit-context.js';
import { example, filesIn, runCli, tempDir } from '../helpers/cli.js';
import { overlappingTexts, textOnQrCodes, textOutside } from '../helpers/ink.js';
import { readPdf } from '../helpers/pdf-text.js';
import { readQrCodes } from '../helpers/qr-read.js';

const UNIT = example('phuong-binh-thanh.yaml');
const STORES = [OFFICIAL_STORE_LINKS.ios, OFFICIAL_STORE_LINKS.android];

async function campaign(profile = UNIT) {
  const unit = await loadUnit(profile);
  return { unit, input: { profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile), logo: unit.logo } };
}

/** The page dictionaries' boxes as written in the PDF (they are never compressed). */
function boxes(pdf: Buffer, name: 'TrimBox' | 'BleedBox' | 'MediaBox'): number[][] {
  return [...pdf.toString('latin1').matchAll(new RegExp(`/${name} \\[([^\\]]+)\\]`, 'g'))].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}

/** Every content stream, inflated: the drawing operators a printer receives. */
function contentOperators(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try {
      out += inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      // fonts and images are not drawing operators
    }
  }
  return out;
}

describe('posters for the print shop', () => {
  it('A2 with 3 mm bleed: trim and bleed boxes in points, crop marks outside, CMYK colours only', async () => {
    const dir = tempDir();
    const out = join(dir, 'ap-phich.pdf');
    const r = runCli(['poster', '--unit', UNIT, '--guide', 'kich-hoat', '--size', 'a2', '--bleed', '3', '--cmyk', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const pdf = readFileSync(out);
    const a2 = POSTER_PAPER.a2;
    const off = 11 * MM; // 3 mm bleed + 8 mm for the marks
    const [trim] = boxes(pdf, 'TrimBox');
    const [bleed] = boxes(pdf, 'BleedBox');
    const [media] = boxes(pdf, 'MediaBox');
    expect(trim![0]).toBeCloseTo(off, 1);
    expect(trim![2]! - trim![0]!).toBeCloseTo(a2.width, 1);
    expect(trim![3]! - trim![1]!).toBeCloseTo(a2.height, 1);
    expect(trim![0]! - bleed![0]!).toBeCloseTo(3 * MM, 2);
    expect(bleed![2]! - bleed![0]!).toBeCloseTo(a2.width + 6 * MM, 1);
    expect(media![2]).toBeCloseTo(a2.width + 2 * off, 1);
    const ops = contentOperators(pdf);
    expect(ops).toContain('/DeviceCMYK cs');
    expect(ops).not.toContain('/DeviceRGB');
    expect(ops).not.toMatch(/ rg\n/);
    const [page] = await readPdf(pdf);
    expect(page!.text).toContain('Tự kích hoạt tài khoản định danh điện tử tại nhà');
    expect(page!.text).toContain('Đợt vận động đến hết ngày 31/3/2027');
  });

  it('--cmyk puts the logo in CMYK too: nothing in the file is RGB', () => {
    const out = join(tempDir(), 'ap-phich.pdf');
    const r = runCli(['poster', '--unit', example('truong-thcs-tan-trung.yaml'), '--guide', 'kich-hoat', '--size', 'a3', '--cmyk', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const file = readFileSync(out).toString('latin1');
    expect(file).toMatch(/\/Subtype \/Image[\s\S]*?\/ColorSpace \/DeviceCMYK/); // the logo is there, in CMYK
    expect(file).not.toContain('/DeviceRGB');
  });

  it('says how far its QR codes scan from, and warns when that is under 3 m', () => {
    const dir = tempDir();
    const small = runCli(['poster', '--unit', UNIT, '--guide', 'kich-hoat', '--size', 'a3', '--out', join(dir, 'a3.pdf')]);
    expect(small.stdout).toMatch(/Mã QR in cạnh \d+,\d cm: quét được từ khoảng \d,\d m/);
    expect(small.stdout).toContain('chưa đủ để quét từ 3 m');
  });

  it.each(['a4', 'a3', 'a2', 'a1', 'a0'] as const)('%s portrait and landscape: real size, QR codes scan, no text outside the page or overlapping', async (size) => {
    const { unit, input } = await campaign();
    for (const landscape of [false, true]) {
      const { doc } = layoutPoster(input, { size, landscape, bleed: 0 }, unit.m);
      const page = doc.pages[0]!;
      const paper = POSTER_PAPER[size];
      expect([page.width, page.height]).toEqual(landscape ? [paper.height, paper.width] : [paper.width, paper.height]);
      expect(textOutside(page, 0, 0, page.width, page.height)).toEqual([]);
      expect(overlappingTexts(page)).toEqual([]);
      expect(textOnQrCodes(page)).toEqual([]);
      // About 5 pixels per module at any size.
      const png = await paintRaster(page, unit.fonts, 'png', Math.round((72 * 200) / page.width) * 3);
      expect(await readQrCodes(png, page)).toEqual(STORES);
    }
  });
});

describe('posters tiled over office sheets', () => {
  it('A1 over A4: 15 labelled A4 sheets, each overlapping its neighbour by 10 mm', async () => {
    const dir = tempDir();
    const out = join(dir, 'ghep.pdf');
    const r = runCli(['poster', '--unit', UNIT, '--guide', 'kich-hoat', '--size', 'a1', '--tile', 'a4', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('15 tờ A4 (5 hàng × 3 cột)');
    const pages = await readPdf(readFileSync(out));
    expect(pages).toHaveLength(15);
    for (const [i, p] of pages.entries()) {
      expect([p.width, p.height].sort((a, b) => a - b)[0]).toBeCloseTo(595.28, 1);
      expect(p.text).toContain(`Tờ ${i + 1}/15 · hàng ${Math.floor(i / 3) + 1}, cột ${(i % 3) + 1}`);
    }
    const { unit, input } = await campaign();
    const { doc } = layoutPoster(input, { size: 'a1', landscape: false, bleed: 0, tile: 'a4' }, unit.m);
    // Where each sheet's window starts on the poster: neighbours share OVERLAP.
    const origin = (i: number) => {
      const clip = doc.pages[i]!.items.find((it) => it.type === 'clip')!;
      const paper = clip.type === 'clip' ? clip.items.find((it) => it.type === 'rect')! : undefined;
      return paper && paper.type === 'rect' ? { x: clip.x - paper.x, y: clip.y - paper.y, w: clip.type === 'clip' ? clip.width : 0, h: clip.type === 'clip' ? clip.height : 0 } : undefined;
    };
    const a = origin(0)!;
    const right = origin(1)!;
    const below = origin(3)!;
    expect(a.x + a.w - right.x).toBeCloseTo(OVERLAP, 3);
    expect(a.y + a.h - below.y).toBeCloseTo(OVERLAP, 3);
    expect(origin(14)!.x + origin(14)!.w).toBeCloseTo(POSTER_PAPER.a1.width, 3);
  });
});

describe('pictures for screens and social networks', () => {
  it.each(Object.entries(IMAGE_PRESETS))('%s is %o pixels, with its QR codes scanning and its text in place', async (preset, px) => {
    const dir = tempDir();
    const out = join(dir, `anh.png`);
    const r = runCli(['image', '--unit', UNIT, '--guide', 'kich-hoat', '--preset', preset, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const png = readFileSync(out);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([px.width, px.height]);
    const { unit, input } = await campaign();
    const page = layoutScreenImage(input, px, unit.m).pages[0]!;
    expect(await readQrCodes(png, page)).toEqual(STORES);
    expect(textOutside(page, 0, 0, page.width, page.height)).toEqual([]);
    expect(overlappingTexts(page)).toEqual([]);
  });

  it('takes any screen size in pixels, and JPEG or WebP', async () => {
    const dir = tempDir();
    for (const [ext, format] of [['jpg', 'jpeg'], ['webp', 'webp']]) {
      const out = join(dir, `man-hinh.${ext}`);
      expect(runCli(['image', '--unit', UNIT, '--guide', 'tien-ich', '--width', '1366', '--height', '768', '--out', out]).code).toBe(0);
      const meta = await sharp(readFileSync(out)).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual([format, 1366, 768]);
    }
  });

  it('refuses a size too small to read, and a PDF', () => {
    expect(runCli(['image', '--unit', UNIT, '--guide', 'kich-hoat', '--width', '100', '--height', '100', '--out', join(tempDir(), 'a.png')]).stderr).toContain('--width');
    expect(runCli(['image', '--unit', UNIT, '--guide', 'kich-hoat', '--preset', 'led-fhd', '--out', join(tempDir(), 'a.pdf')]).code).toBe(2);
  });
});

describe('banners', () => {
  it('is a 500 × 80 cm PDF page with the slogan and the unit', async () => {
    const dir = tempDir();
    const out = join(dir, 'bang-ron.pdf');
    const r = runCli(['banner', '--unit', UNIT, '--text', 'Cài VNeID – làm thủ tục hành chính dễ dàng', '--size', '500x80cm', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const [page] = await readPdf(readFileSync(out));
    expect(page!.width).toBeCloseTo((500 / 2.54) * 72, 0);
    expect(page!.height).toBeCloseTo((80 / 2.54) * 72, 0);
    expect(page!.text).toContain('Cài VNeID – làm thủ tục hành chính dễ dàng');
    expect(page!.text).toContain('Ủy ban nhân dân phường Bình Thạnh');
  });

  it('refuses a slogan too long to read and a size it cannot understand', () => {
    const long = runCli(['banner', '--unit', UNIT, '--text', 'Khẩu hiệu rất dài '.repeat(20), '--size', '300x60cm', '--out', join(tempDir(), 'b.pdf')]);
    expect(long.code).toBe(2);
    expect(long.stderr).toContain('mục --text');
    const bad = runCli(['banner', '--unit', UNIT, '--size', '5 met', '--out', join(tempDir(), 'b.pdf')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('500x80cm');
  });
});

describe('the kit', () => {
  it('makes the whole set at default sizes', () => {
    const dir = tempDir();
    expect(runCli(['kit', '--unit', UNIT, '--out', dir]).code).toBe(0);
    const files = filesIn(dir);
    expect(files).toContain('ap-phich-kich-hoat-a2.pdf');
    expect(files).toContain('bang-ron-500x80cm.pdf');
    for (const preset of Object.keys(IMAGE_PRESETS)) expect(files).toContain(`anh-kich-hoat-${preset}.png`);
    expect(files.filter((f) => /^to-roi-[a-z0-9-]+\.pdf$/.test(f))).toHaveLength(5);
  });
});
