import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { findGuide, renderGuide } from '../../src/content/guides.js';
import { grayscaleLogo } from '../../src/content/logo.js';
import { OFFICIAL_STORE_LINKS } from '../../src/content/profile-schema.js';
import type { Page } from '../../src/layout/display-list.js';
import { paintRaster } from '../../src/paint/raster.js';
import { layoutHandout, type HandoutOptions } from '../../src/products/handout.js';
import { loadUnit } from '../../src/products/unit-context.js';
import { example, filesIn, runCli, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { readQrCodes } from '../helpers/qr-read.js';
import { writeXlsx } from '../helpers/spreadsheet.js';

const SCHOOL = example('truong-thcs-tan-trung.yaml');
const A5 = { width: 419.53, height: 595.28 };
const CLASSES = [
  ['class', 'teacher', 'phone', 'zalo', 'students'],
  ['6A1', 'Cô Nguyễn Thị Hoa', '0907028318', 'https://zalo.me/g/tantrung6a1', 3],
  ['6A2', 'Thầy Trần Văn Bình', 912345678, 'https://zalo.me/g/tantrung6a2', 2],
  ['7A1', 'Cô Lê Thị Mai', null, null, null],
];

describe('handouts from an .xlsx of classes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    await writeXlsx(join(dir, 'lop.xlsx'), CLASSES);
    const r = runCli(['handout', '--unit', SCHOOL, '--data', join(dir, 'lop.xlsx'), '--out', join(dir, 'out')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Both sides, and which edge to flip on.
    expect(r.stdout).toContain('In hai mặt, chọn "lật theo cạnh dài"');
  });

  it('makes one A5 PDF per class, safely named, and one for the print room', () => {
    expect(filesIn(join(dir, 'out')).sort()).toEqual(['6a1.pdf', '6a2.pdf', '7a1.pdf', 'danh-sach-in.csv', 'in-tat-ca-cac-lop.pdf']);
  });

  it('shows each class, its teacher and phone (grouped, leading zero restored), the Zalo label and the slip', async () => {
    const sides = await readPdf(readFileSync(join(dir, 'out', '6a2.pdf')));
    expect(sides).toHaveLength(2);
    for (const side of sides) {
      expect(side.width).toBeCloseTo(A5.width, 1);
      expect(side.height).toBeCloseTo(A5.height, 1);
    }
    const page = { text: sides.map((p) => p.text).join(' ') };
    for (const s of ['Lớp 6A2', 'Thầy Trần Văn Bình', '0912 345 678', 'Nhóm Zalo lớp 6A2', 'Trường THCS Tân Trung', 'Đợt vận động đến hết ngày 31/5/2027', 'Tự kích hoạt tài khoản định danh điện tử tại nhà']) {
      expect(page!.text).toContain(s);
    }
    for (const s of ['PHIẾU XÁC NHẬN', 'Họ và tên học sinh:', 'Lớp: 6A2', 'Đã kích hoạt', 'Chưa kích hoạt', 'Chữ ký của phụ huynh:', 'cắt theo đường này']) {
      expect(page!.text).toContain(s);
    }
    const noZalo = (await readPdf(readFileSync(join(dir, 'out', '7a1.pdf')))).map((p) => p.text).join(' ');
    expect(noZalo).toContain('Lớp 7A1');
    expect(noZalo).not.toContain('Nhóm Zalo');
  });

  it('puts the right number of copies in the print-room PDF and lists them', async () => {
    const pages = await readPdf(readFileSync(join(dir, 'out', 'in-tat-ca-cac-lop.pdf')));
    // Each copy is a front (with the slip for its class) and a back.
    const sides = pages.map((p) => (p.text.includes('PHIẾU XÁC NHẬN') ? `front ${/Lớp: (\dA\d)/.exec(p.text)![1]}` : `back ${/Lớp (\dA\d)/.exec(p.text)![1]}`));
    expect(sides).toEqual(['6A1', '6A1', '6A1', '6A2', '6A2', '7A1'].flatMap((c) => [`front ${c}`, `back ${c}`]));
    const list = parse(readFileSync(join(dir, 'out', 'danh-sach-in.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(list.map((r) => [r.class, r.copies, r.file])).toEqual([
      ['6A1', '3', '6a1.pdf'],
      ['6A2', '2', '6a2.pdf'],
      ['7A1', '1', '7a1.pdf'],
    ]);
  });
});

async function handoutPages(o: Partial<HandoutOptions>, cls = { name: '6A1', teacher: 'Cô Hoa', phone: '0907 028 318', zalo: 'https://zalo.me/g/tantrung6a1' }): Promise<{ pages: Page[]; fonts: Awaited<ReturnType<typeof loadUnit>>['fonts'] }> {
  const unit = await loadUnit(SCHOOL);
  const logo = o.palette === 'grayscale' ? await grayscaleLogo(unit.logo!) : unit.logo;
  const options: HandoutOptions = { profile: unit.profile, logo, guide: renderGuide(findGuide('kich-hoat'), unit.profile), palette: 'color', twoUp: false, ...o };
  return { pages: layoutHandout({ ...cls, line: 2, dataFile: 'lop.csv' }, options, unit.m), fonts: unit.fonts };
}

describe('the handout page', () => {
  it("scans: the class's Zalo group and both stores, on the back", async () => {
    const { pages, fonts } = await handoutPages({});
    const png = await paintRaster(pages[1]!, fonts, 'png', 200);
    expect(await readQrCodes(png, pages[1]!)).toEqual(['https://zalo.me/g/tantrung6a1', OFFICIAL_STORE_LINKS.ios, OFFICIAL_STORE_LINKS.android]);
  });

  it('two-up: two A5 copies side by side on A4 landscape with a dashed cut line down the middle', async () => {
    const { pages } = await handoutPages({ twoUp: true });
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page.width).toBeCloseTo(841.89, 1);
      expect(page.height).toBeCloseTo(595.28, 1);
      const cut = page.items.filter((i) => i.type === 'line' && i.x1 === i.x2 && Math.abs(i.x1 - 841.89 / 2) < 0.01);
      expect(cut).toHaveLength(1);
      expect(cut[0]).toMatchObject({ y1: 0, dash: expect.any(Array) });
    }
    const titles = pages[1]!.items.filter((i) => i.type === 'text' && i.text === 'Lớp 6A1');
    expect(titles.map((t) => (t.type === 'text' && t.x < 841.89 / 2 ? 'left' : 'right'))).toEqual(['left', 'right']);
  });

  it('--png: colour pictures of both sides of each class to post in its Zalo group, whose codes scan', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lop.csv'), 'class,teacher,phone,zalo\r\n6A1,Cô Hoa,0907 028 318,https://zalo.me/g/tantrung6a1\r\n');
    const r = runCli(['handout', '--unit', SCHOOL, '--data', join(dir, 'lop.csv'), '--out', join(dir, 'out'), '--grayscale', '--png']);
    expect(r.code, r.stderr).toBe(0);
    expect(filesIn(join(dir, 'out', 'png')).sort()).toEqual(['6a1-mat-sau.png', '6a1.png']);
    const png = readFileSync(join(dir, 'out', 'png', '6a1-mat-sau.png'));
    const { pages } = await handoutPages({});
    expect(await readQrCodes(png, pages[1]!)).toEqual(['https://zalo.me/g/tantrung6a1', OFFICIAL_STORE_LINKS.ios, OFFICIAL_STORE_LINKS.android]);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    let coloured = 0;
    for (let i = 0; i < data.length; i += info.channels) if (data[i] !== data[i + 2]) coloured++;
    expect(coloured).toBeGreaterThan(1000); // colour, even when the print is grey
  });

  it('two-up in the print room: each sheet a front then its back, for every copy, and the flip edge said', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lop.csv'), 'class,students\r\n6A1,3\r\n6A2,1\r\n');
    const r = runCli(['handout', '--unit', SCHOOL, '--data', join(dir, 'lop.csv'), '--out', join(dir, 'out'), '--two-up']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('lật theo cạnh ngắn');
    const pages = await readPdf(readFileSync(join(dir, 'out', 'in-tat-ca-cac-lop.pdf')));
    // 6A1: 3 copies → 2 two-up sheets; 6A2: 1 sheet; each sheet a front and a back.
    const sides = pages.map((p) => (p.text.includes('PHIẾU XÁC NHẬN') ? `front ${/Lớp: (\dA\d)/.exec(p.text)![1]}` : `back ${/Lớp (\dA\d)/.exec(p.text)![1]}`));
    expect(sides).toEqual(['front 6A1', 'back 6A1', 'front 6A1', 'back 6A1', 'front 6A2', 'back 6A2']);
    expect(pages[0]!.width).toBeCloseTo(841.89, 1);
  });

  it('without pupil counts, says one copy a class was assumed', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lop.csv'), 'class,teacher\r\n6A1,Cô Hoa\r\n');
    const r = runCli(['handout', '--unit', SCHOOL, '--data', join(dir, 'lop.csv'), '--out', join(dir, 'out')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('mỗi lớp chỉ in 1 bản; thêm cột "Sĩ số"');
  });

  it('--bleed for a print shop: each side with trim and bleed boxes; not with two-up', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lop.csv'), 'class\r\n6A1\r\n');
    const r = runCli(['handout', '--unit', SCHOOL, '--data', join(dir, 'lop.csv'), '--out', join(dir, 'out'), '--bleed', '3']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', '6a1.pdf')).toString('latin1').match(/\/TrimBox/g)).toHaveLength(2);
    const both = runCli(['handout', '--unit', SCHOOL, '--data', join(dir, 'lop.csv'), '--out', join(dir, 'out2'), '--bleed', '3', '--two-up']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('mục --bleed');
  });

  it('large print: each copy on A4, both sides, and never two-up', async () => {
    const { pages } = await handoutPages({ largePrint: true });
    expect(pages.map((p) => [Math.round(p.width), Math.round(p.height)])).toEqual([
      [595, 842],
      [595, 842],
    ]);
    const dir = tempDir();
    writeFileSync(join(dir, 'lop.csv'), 'class\r\n6A1\r\n');
    const r = runCli(['handout', '--unit', SCHOOL, '--data', join(dir, 'lop.csv'), '--out', join(dir, 'out'), '--two-up', '--large-print']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('mục --two-up');
  });

  it('grayscale: not one coloured pixel, no large dark areas, and every QR still scans', async () => {
    const { pages, fonts } = await handoutPages({ palette: 'grayscale' });
    for (const page of pages) {
      const png = await paintRaster(page, fonts, 'png', 100);
      const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
      let coloured = 0;
      let dark = 0;
      for (let i = 0; i < data.length; i += info.channels) {
        if (data[i] !== data[i + 1] || data[i + 1] !== data[i + 2]) coloured++;
        if (data[i]! < 80) dark++;
      }
      expect(coloured).toBe(0);
      // Text, discs and QR codes only: a dark band across the top would be far more.
      expect(dark / (info.width * info.height)).toBeLessThan(0.12);
    }
    // The back carries the codes; in grey they still scan.
    const hi = await paintRaster(pages[1]!, fonts, 'png', 200);
    expect(await readQrCodes(hi, pages[1]!)).toEqual(['https://zalo.me/g/tantrung6a1', OFFICIAL_STORE_LINKS.ios, OFFICIAL_STORE_LINKS.android]);
  });
});

describe('bad class rows', () => {
  it.each([
    ['a wrong phone', 'class,phone\r\n6A1,0123\r\n', 'dòng 2, mục phone'],
    ['a student count that is not a number', 'class,students\r\n6A1,ba mươi\r\n', 'dòng 2, mục students'],
    ['a Zalo link that is not a link', 'class,zalo\r\n6A1,zalo nhóm lớp\r\n', 'dòng 2, mục zalo'],
    ['a missing class', 'class,teacher\r\n,Cô Hoa\r\n', 'dòng 2, mục class'],
  ])('%s: exit 2 naming the line and column, nothing written', (_n, csv, place) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'lop.csv'), csv);
    const r = runCli(['handout', '--unit', SCHOOL, '--data', join(dir, 'lop.csv'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(place);
    expect(filesIn(dir)).toEqual(['lop.csv']);
  });
});

describe('reproducible handouts', () => {
  it('the same school, logo and classes give byte-identical PDFs on every run, even while images are being made', () => {
    const runs = [1, 2, 3].map(() => {
      const out = tempDir();
      const r = runCli(['handout', '--unit', SCHOOL, '--data', example('cac-lop-thcs-tan-trung.csv'), '--two-up', '--png', '--quiet', '--out', out], { env: { SOURCE_DATE_EPOCH: '1700000000' } });
      expect(r.code, r.stderr).toBe(0);
      return ['6a1.pdf', 'in-tat-ca-cac-lop.pdf'].map((f) => readFileSync(join(out, f)));
    });
    for (const run of runs.slice(1)) run.forEach((bytes, i) => expect(bytes.equals(runs[0]![i]!), `run differs in file ${i}`).toBe(true));
  }, 60_000);
});
