import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MM, POSTER_PAPER } from '../../src/layout/page-sizes.js';
import { example, runHere, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { inflatedStreams } from '../helpers/pdf-streams.js';

/** Posters as the command writes them, read back from the PDF. The layout of every size is in test/products/poster.test.ts. */
const UNIT = example('phuong-binh-thanh.yaml');

/** The page dictionaries' boxes as written in the PDF (they are never compressed). */
function boxes(pdf: Buffer, name: 'TrimBox' | 'BleedBox' | 'MediaBox'): number[][] {
  return [...pdf.toString('latin1').matchAll(new RegExp(`/${name} \\[([^\\]]+)\\]`, 'g'))].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}

/** Every content stream, inflated: the drawing operators a printer receives. */
function contentOperators(pdf: Buffer): string {
  return inflatedStreams(pdf).join('');
}

describe('posters for the print shop', () => {
  it('A2 with 3 mm bleed: trim and bleed boxes in points, crop marks outside, CMYK colours only', async () => {
    const dir = tempDir();
    const out = join(dir, 'ap-phich.pdf');
    const r = await runHere(['poster', '--unit', UNIT, '--guide', 'kich-hoat', '--size', 'a2', '--bleed', '3', '--cmyk', '--out', out]);
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

  it('--cmyk puts the logo in CMYK too: nothing in the file is RGB', async () => {
    const out = join(tempDir(), 'ap-phich.pdf');
    const r = await runHere(['poster', '--unit', example('truong-thcs-tan-trung.yaml'), '--guide', 'kich-hoat', '--size', 'a3', '--cmyk', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const file = readFileSync(out).toString('latin1');
    expect(file).toMatch(/\/Subtype \/Image[\s\S]*?\/ColorSpace \/DeviceCMYK/); // the logo is there, in CMYK
    expect(file).not.toContain('/DeviceRGB');
  });

  it('says how far its QR codes scan from, and warns when that is under 3 m', async () => {
    const dir = tempDir();
    const small = await runHere(['poster', '--unit', UNIT, '--guide', 'kich-hoat', '--size', 'a3', '--out', join(dir, 'a3.pdf')]);
    expect(small.stdout).toMatch(/Mã QR in cạnh \d+,\d cm: quét được từ khoảng \d,\d m/);
    expect(small.stdout).toContain('chưa đủ để quét từ 3 m');
  });
});

describe('posters tiled over office sheets', () => {
  it('A1 over A4: 15 labelled A4 sheets, in reading order', async () => {
    const dir = tempDir();
    const out = join(dir, 'ghep.pdf');
    const r = await runHere(['poster', '--unit', UNIT, '--guide', 'kich-hoat', '--size', 'a1', '--tile', 'a4', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('15 tờ A4 (5 hàng × 3 cột)');
    const pages = await readPdf(readFileSync(out));
    expect(pages).toHaveLength(15);
    for (const [i, p] of pages.entries()) {
      expect([p.width, p.height].sort((a, b) => a - b)[0]).toBeCloseTo(595.28, 1);
      expect(p.text).toContain(`Tờ ${i + 1}/15 · hàng ${Math.floor(i / 3) + 1}, cột ${(i % 3) + 1}`);
    }
  });
});
