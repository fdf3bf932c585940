import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_STORE_LINKS } from '../../src/content/profile-schema.js';
import { readDataTable } from '../../src/content/data-table.js';
import { guideFromFile, renderGuide } from '../../src/content/guides.js';
import { loadSheetPreset } from '../../src/layout/sheet-preset.js';
import { layoutStickerSheets } from '../../src/products/sticker-sheet.js';
import { loadUnit } from '../../src/products/unit-context.js';
import { example, filesIn, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { readQrCodes } from '../helpers/qr-read.js';
import { writeXlsx } from '../helpers/spreadsheet.js';
import { pageStreams } from '../helpers/pdf-streams.js';

const UNIT = example('phuong-binh-thanh.yaml');
const A4 = { width: 595.28, height: 841.89 };

const BLOCKS = [
  ['Chung cư Ngọc Lan – Tòa A', '125 Nơ Trang Long, Phường 13', ''],
  ['Tòa "Sky" Garden', '8 Nguyễn Xí, Phường 13', 'https://zalo.me/g/skygarden'],
  ['Khu tập thể Bộ đội Biên phòng', '12 Nơ Trang Long', ''],
  ['Chung cư Mỹ Phước', '25 Phan Văn Trị', ''],
  ['Lô C, Chung cư Nơ Trang Long', 'Lô C; 135 Nơ Trang Long', ''],
  ['Chung cư Bình Thạnh Xanh', '3 Đinh Bộ Lĩnh', ''],
  ['Nhà ở xã hội Đồng Xanh', '40 Điện Biên Phủ', ''],
  ['Chung cư 2/4', '2/4 Phan Chu Trinh', ''],
  ['Ký túc xá Đại học Văn Lang', '69/68 Đặng Thùy Trâm', ''],
  ['Tòa nhà Hòa Bình', '90 Xô Viết Nghệ Tĩnh', 'https://example.vn/hoa-binh'],
];

/** A CSV as Excel writes it for Vietnamese Windows: BOM, semicolons, CRLF, quoted cells. */
function excelCsv(rows: string[][]): string {
  const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return '\uFEFF' + [['block', 'address', 'url'], ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}

function manifest(dir: string): Record<string, string>[] {
  return parse(readFileSync(join(dir, 'manifest.csv'), 'utf8'), { columns: true, bom: true });
}

describe('stickers from a semicolon CSV with BOM, CRLF, quotes and commas', () => {
  let dir: string;
  let pages: Awaited<ReturnType<typeof readPdf>>;

  beforeAll(async () => {
    dir = tempDir();
    writeFileSync(join(dir, 'toa-nha.csv'), excelCsv(BLOCKS));
    const r = runCli(['stickers', '--unit', UNIT, '--data', join(dir, 'toa-nha.csv'), '--sheet', 'a4-2x4', '--out', join(dir, 'tem'), '--png']);
    // The blocks with their own Zalo link carry a third code: on a 99 × 68 mm label the reminder steps give way, and the user is told.
    expect(r.stderr).toMatch(/^Lưu ý: 2 tem không in các bước nhắc việc \(dòng \d+, \d+\): nhãn 99 × 68 mm không đủ chỗ/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('mọi mã QR đã được quét thử');
    pages = await readPdf(readFileSync(join(dir, 'tem', 'tem-qr-a4-2x4.pdf')));
  });

  it('fills A4 sheets of 8 labels: 10 blocks on 2 pages of 595.28 × 841.89 pt', () => {
    expect(pages).toHaveLength(2);
    for (const p of pages) {
      expect(p.width).toBeCloseTo(A4.width, 1);
      expect(p.height).toBeCloseTo(A4.height, 1);
    }
    expect(pages[0]!.text.match(/Quét mã để cài đặt VNeID/g)).toHaveLength(8);
    expect(pages[1]!.text.match(/Quét mã để cài đặt VNeID/g)).toHaveLength(2);
  });

  it('stores each distinct QR code once in the PDF and places it wherever it repeats', () => {
    const pdf = readFileSync(join(dir, 'tem', 'tem-qr-a4-2x4.pdf')).toString('latin1');
    // Two store codes shared by all ten stickers, plus the two blocks' own links (a code's form is its module grid).
    expect(pdf.match(/\/Subtype \/Form\s*\/BBox \[0 0 \d+ \d+\]/g)).toHaveLength(4);
    // The parts labels share (bands, steps, the store codes) are forms too, each written once and placed on every label that has it.
    const parts = pdf.match(/\/Subtype \/Form\s*\/BBox \[-/g) ?? [];
    const placed = pageStreams(Buffer.from(pdf, 'latin1')).join('').match(/\/Fm\d+ Do/g) ?? [];
    expect(parts.length).toBeGreaterThan(0);
    expect(placed.length).toBeGreaterThan(2 * parts.length);
  });

  it('prints every block name exactly as typed, quotes and commas included', () => {
    const all = pages.map((p) => p.text).join(' ');
    for (const [block] of BLOCKS) expect(all).toContain(block);
    // The address gives way before the reminder steps when a long name fills the column.
    const shown = BLOCKS.filter(([, address]) => all.includes(address!));
    expect(shown.length).toBeGreaterThanOrEqual(BLOCKS.length / 2);
    for (const address of ['12 Nơ Trang Long', '25 Phan Văn Trị', '3 Đinh Bộ Lĩnh']) expect(all).toContain(address);
    expect(all).toContain('Hỗ trợ: 0907 028 318');
    expect(all).toContain('Ủy ban nhân dân phường Bình Thạnh');
  });

  it('lists each block with its page, row, column, error correction and image in the manifest', () => {
    const rows = manifest(join(dir, 'tem'));
    expect(rows.map((r) => r.block)).toEqual(BLOCKS.map((b) => b[0]));
    expect(rows[0]).toMatchObject({ line: '2', page: '1', row: '1', column: '1', png: 'png/chung-cu-ngoc-lan-toa-a.png' });
    expect(rows[1]).toMatchObject({ page: '1', row: '1', column: '2' });
    expect(rows[8]).toMatchObject({ page: '2', row: '1', column: '1' });
    // Lobby stickers get error correction Q (a quarter of a code may be scuffed off), the block links too.
    expect(rows.map((r) => r.qr_level)).toEqual(BLOCKS.map(() => 'Q'));
  });

  it('makes one PNG per block, named by a safe slug, whose QR codes all scan', async () => {
    const rows = manifest(join(dir, 'tem'));
    // The same layout the command drew tells where each code is on each image.
    const unit = await loadUnit(UNIT);
    const table = await readDataTable(join(dir, 'toa-nha.csv'), { required: ['block'], optional: ['address', 'url'], missingGlyphs: () => [] });
    const reminder = renderGuide(guideFromFile(join(ROOT, 'templates/stickers/nhac-viec.hbs')), unit.profile);
    const { placed } = layoutStickerSheets(
      {
        profile: unit.profile,
        rows: table.rows.map((t) => ({ line: t.line, block: t.values.block!, address: t.values.address || undefined, url: t.values.url || undefined })),
        preset: loadSheetPreset('a4-2x4'),
        reminder,
        dataFile: 'toa-nha.csv',
      },
      unit.m,
    );
    const singles = placed.map((p) => p.single());
    for (const [i, r] of rows.entries()) {
      expect(r.png).toMatch(/^png\/[a-z0-9-]+\.png$/);
      const png = readFileSync(join(dir, 'tem', r.png!));
      const meta = await sharp(png).metadata();
      // 99.1 × 67.7 mm at 300 dpi
      expect(meta.width).toBe(Math.round((99.1 / 25.4) * 300));
      expect(meta.height).toBe(Math.round((67.7 / 25.4) * 300));
      const urls = await readQrCodes(png, singles[i]!);
      const expected = [OFFICIAL_STORE_LINKS.ios, OFFICIAL_STORE_LINKS.android, ...(BLOCKS[i]![2] ? [BLOCKS[i]![2]] : [])];
      expect(urls, `${r.block}`).toEqual(expected);
    }
  });
});

describe('stickers from an .xlsx saved by Excel', () => {
  it('reads Vietnamese cells, numbers and empty cells, and names the PDF pages', async () => {
    const dir = tempDir();
    const xlsx = join(dir, 'toa-nha.xlsx');
    await writeXlsx(xlsx, [
      ['Block', 'Address', 'URL'],
      ['Tòa nhà Hòa Bình', '90 Xô Viết Nghệ Tĩnh', null],
      [12, 'Số 12, hẻm 5', null],
      [null, null, null],
      ['Khu nhà Ánh Dương', null, 'https://zalo.me/g/anhduong'],
    ]);
    const r = runCli(['stickers', '--unit', UNIT, '--data', xlsx, '--sheet', 'a4-4xa6', '--out', join(dir, 'tem')]);
    expect(r.code, r.stderr).toBe(0);
    const [page] = await readPdf(readFileSync(join(dir, 'tem', 'tem-qr-a4-4xa6.pdf')));
    expect(page!.text).toContain('Tòa nhà Hòa Bình');
    expect(page!.text).toContain('Số 12, hẻm 5');
    expect(page!.text).toContain('Khu nhà Ánh Dương');
    expect(manifest(join(dir, 'tem')).map((m) => [m.block, m.line])).toEqual([
      ['Tòa nhà Hòa Bình', '2'],
      ['12', '3'],
      ['Khu nhà Ánh Dương', '5'],
    ]);
  });
});

describe('label presets', () => {
  it('a4-3x8 (70 × 37 mm) cannot hold two codes at the 22 mm a 30-cm scan needs: exit 2 naming the labels that can, nothing written', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'd.csv'), excelCsv([['Tòa A', 'Số 1 Nơ Trang Long', '']]));
    const r = runCli(['stickers', '--unit', UNIT, '--data', join(dir, 'd.csv'), '--sheet', 'a4-3x8', '--out', join(dir, 'tem')]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain('mục --sheet: nhãn 70 × 37 mm (a4-3x8) không đủ chỗ cho hai mã QR cạnh 22 mm');
    expect(r.stderr).toMatch(/a4-2x4\b/);
    expect(filesIn(dir)).toEqual(['d.csv']);
  });

  it.each([
    ['a4-2x4', 8, 1],
    ['a4-4xa6', 4, 2],
    ['a6', 1, 7],
  ])('%s puts %i stickers on a sheet', async (sheet, perPage, pageCount) => {
    const dir = tempDir();
    const rows = Array.from({ length: 7 }, (_, i) => [`Tòa ${String.fromCharCode(65 + i)}`, `Số ${i + 1} Nơ Trang Long`, '']);
    writeFileSync(join(dir, 'd.csv'), excelCsv(rows));
    const r = runCli(['stickers', '--unit', UNIT, '--data', join(dir, 'd.csv'), '--sheet', sheet, '--out', join(dir, 'tem'), '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const pages = await readPdf(readFileSync(join(dir, 'tem', `tem-qr-${sheet}.pdf`)));
    expect(pages).toHaveLength(pageCount);
    expect(pages[0]!.text.match(/Tòa [A-G]/g)).toHaveLength(Math.min(perPage, 7));
  });

  it('takes a label paper from a JSON file, with no code change', async () => {
    const dir = tempDir();
    const preset = { title: 'Nhãn 90 × 60 mm', paper: { width: 210, height: 297 }, label: { width: 90, height: 60 }, grid: { columns: 2, rows: 4 }, origin: { left: 10, top: 20 }, gap: { x: 10, y: 5 }, marks: 'crop' };
    writeFileSync(join(dir, 'nhan.json'), JSON.stringify(preset));
    writeFileSync(join(dir, 'd.csv'), excelCsv([['Tòa A', '', '']]));
    const r = runCli(['stickers', '--unit', UNIT, '--data', join(dir, 'd.csv'), '--sheet', join(dir, 'nhan.json'), '--out', join(dir, 'tem')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'tem'))).toContain('tem-qr-nhan.pdf');
  });
});

describe('file names built from block names', () => {
  it('are ASCII slugs inside --out, unique, whatever the name says', () => {
    const dir = tempDir();
    const names = ['../../etc/passwd', 'CON', 'Tòa A/B', 'Tòa A/B', '..', 'C:\\Win\\sys', 'Đường Điện Biên Phủ'];
    writeFileSync(join(dir, 'd.csv'), excelCsv(names.map((n) => [n, '', ''])));
    const out = join(dir, 'tem');
    const r = runCli(['stickers', '--unit', UNIT, '--data', join(dir, 'd.csv'), '--out', out, '--png']);
    expect(r.code, r.stderr).toBe(0);
    const pngs = manifest(out).map((m) => m.png!);
    expect(new Set(pngs).size).toBe(names.length);
    for (const p of pngs) {
      expect(p).toMatch(/^png\/[a-z0-9-]+\.png$/);
      expect(resolve(out, p).startsWith(resolve(out) + '/')).toBe(true);
    }
    expect(pngs).toContain('png/duong-dien-bien-phu.png');
    expect(pngs).toContain('png/con-toa-nha.png');
    expect(filesIn(dir).filter((f) => f.endsWith('.png'))).toHaveLength(names.length);
  });
});

describe('bad data: exit 2, the line and column named, nothing written', () => {
  it.each([
    ['a row without a block name', 'block,address\r\nTòa A,x\r\n,Số 5\r\n', 'dòng 3, mục block', 'đang trống'],
    ['an unknown column', 'block,ghi_chu\r\nTòa A,x\r\n', 'dòng 1', 'không biết cột "ghi_chu"'],
    ['a missing block column', 'address\r\nSố 5\r\n', 'dòng 1', 'thiếu cột bắt buộc "Tòa nhà" (block)'],
    ['a link that is not http(s)', 'block,url\r\nTòa A,javascript:alert(1)\r\n', 'dòng 2, mục url', 'loại link "javascript:" chưa được cho phép'],
    ['an emoji in a cell', 'block\r\nTòa A 🏢\r\n', 'dòng 2, mục block', 'không in được'],
    ['only a header', 'block,address\r\n', '', 'chưa có dòng dữ liệu'],
    ['an unclosed quote', 'block,address\r\n"Tòa A,x\r\n', '', 'ngoặc kép'],
    ['a name too long for a 99 × 68 mm label', `block\r\n${'Chungcưrấtdàikhôngcódấucách'.repeat(3)}\r\n`, 'dòng 2, mục block', 'không vừa nhãn 99 × 68 mm'],
  ])('%s', (_name, csv, place, says) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'd.csv'), csv);
    const r = runCli(['stickers', '--unit', UNIT, '--data', join(dir, 'd.csv'), '--sheet', 'a4-2x4', '--out', join(dir, 'tem')]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain(`tệp ${join(dir, 'd.csv')}`);
    if (place) expect(r.stderr).toContain(place);
    expect(r.stderr).toContain(says);
    expect(filesIn(dir)).toEqual(['d.csv']);
  });

  it('an unknown sheet preset lists the ones there are', () => {
    const r = runCli(['stickers', '--unit', UNIT, '--data', example('toa-nha-phuong-13.csv'), '--sheet', 'a4-9x9', '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a4-2x4, a4-3x8, a4-4xa6, a5, a6');
  });

  it('an old binary .xls file is refused with how to re-save it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'd.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const r = runCli(['stickers', '--unit', UNIT, '--data', join(dir, 'd.xls'), '--out', join(dir, 'tem')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.xlsx');
  });
});
