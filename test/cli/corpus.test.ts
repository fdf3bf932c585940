import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { bannerCommand } from '../../src/cli/commands/banner.js';
import { imageCommand } from '../../src/cli/commands/image.js';
import { leafletCommand, type LeafletOptions } from '../../src/cli/commands/leaflet.js';
import { posterCommand } from '../../src/cli/commands/poster.js';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { readNumber } from '../../src/cli/number-option.js';
import { allowedSchemes, pickGuide, sourceDate } from '../../src/cli/output-options.js';
import { readDataTable } from '../../src/content/data-table.js';
import { loadProfile } from '../../src/content/profile.js';
import { formatProblem } from '../../src/errors.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { loadSheetPreset } from '../../src/layout/sheet-preset.js';
import { BLOCK_COLUMNS, CLASS_COLUMNS, classRows } from '../../src/products/data-rows.js';
import { example, filesIn, runHere, tempDir } from '../helpers/cli.js';
import { refusalOf } from '../helpers/refusal.js';
import { writeXlsx } from '../helpers/spreadsheet.js';
import { craftZip } from '../helpers/zip-bomb.js';

/**
 * Bad input, in process: each case calls the function that reads the input and
 * must get a UserError naming the place (file, line, field) and what to do, with
 * no file written. (A few real runs of the bin, for exit code 2 and "Chưa tạo
 * tệp nào.", are in bad-input.test.ts.)
 */
const UNIT = example('phuong-binh-thanh.yaml');
const GOOD = readFileSync(UNIT, 'utf8');
const fonts = loadFonts();
const missingGlyphs = fonts.missingGlyphs;

/** The example profile changed in one place, so each case names exactly one problem. */
const edit = (from: string, to: string) => {
  if (!GOOD.includes(from)) throw new Error(`example profile has no "${from}"`);
  return GOOD.replace(from, to);
};
// The smallest front matter a guide may have: 8 lines, so the body starts on line 9.
const FRONT = ['title: Hướng dẫn riêng', 'audience: Thử', 'action: install-app', 'deadline: true', 'reviewed: 2026-11-01', 'sources: [{ document: Thử, issuer: Thử, date: 2026-11-01 }]'];
const template = (body: string, front: string[] = FRONT) => `---\n${front.join('\n')}\n---\n${body}`;
const sheet = (change: Record<string, unknown>) =>
  JSON.stringify({ title: 'Thử', paper: { width: 210, height: 297 }, label: { width: 99, height: 67 }, grid: { columns: 2, rows: 4 }, origin: { left: 6, top: 12 }, gap: { x: 0, y: 0 }, marks: 'none', ...change }, null, 2);
const LONG_LINK = `https://zalo.me/g/${'x'.repeat(3000)}`;
const PNG_160KB = () => sharp({ create: { width: 234, height: 234, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png({ compressionLevel: 0 }).toBuffer();

/** What a case runs, given its folder; the defaults make a leaflet from the example profile. */
const leaflet = (o: Partial<LeafletOptions> = {}) => (dir: string) => {
  const given = Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? v.replaceAll('DIR', dir) : v]));
  return leafletCommand({ unit: join(dir, 'don-vi.yaml'), guide: 'kich-hoat', size: 'a5', dpi: 200, out: join(dir, 'OUT', 'to-roi.pdf'), ...given });
};
const blocks = (name: string) => (dir: string) => readDataTable(join(dir, name), { ...BLOCK_COLUMNS, missingGlyphs });
const classes = (name: string) => async (dir: string) => classRows((await readDataTable(join(dir, name), { ...CLASS_COLUMNS, missingGlyphs })).rows, join(dir, name));
const unit = (name = 'don-vi.yaml') => (dir: string) => loadProfile(join(dir, name), { missingGlyphs });
const preset = (name: string) => (dir: string) => loadSheetPreset(join(dir, name));
const withEnv = (name: string, value: string, run: () => unknown) => () => {
  vi.stubEnv(name, value);
  try {
    return run();
  } finally {
    vi.unstubAllEnvs();
  }
};

interface Case {
  name: string;
  /** Files to put in the folder first (name → content); don-vi.yaml is the example profile unless given. */
  files?: Record<string, string | Buffer>;
  /** Anything else to make first: links, sparse files, images. */
  setup?: (dir: string) => void | Promise<void>;
  run: (dir: string) => unknown;
  /** Words the messages must hold; DIR stands for the folder. */
  says: string[];
  /** A problem must name this place: field, line and file (DIR for the folder). */
  at?: { field?: string; line?: number; file?: string };
}

const cases: Case[] = [
  // The unit's profile (moved here from runs of the bin).
  { name: 'a missing unit name', files: { 'don-vi.yaml': edit('  name: Ủy ban nhân dân phường Bình Thạnh\n', '') }, run: leaflet(), says: ['thiếu mục bắt buộc'], at: { field: 'unit.name', line: 5, file: 'DIR/don-vi.yaml' } },
  { name: 'an empty unit name', files: { 'don-vi.yaml': edit('name: Ủy ban nhân dân phường Bình Thạnh', 'name: ""') }, run: leaflet(), says: ['để trống'], at: { field: 'unit.name', line: 5 } },
  { name: 'a wrong phone', files: { 'don-vi.yaml': edit('phone: "0907028318"', 'phone: "0123"') }, run: leaflet(), says: ['không phải số điện thoại Việt Nam'], at: { field: 'contact.phone', line: 10 } },
  { name: 'a phone with letters', files: { 'don-vi.yaml': edit('phone: "0907028318"', 'phone: "09o7 028 318"') }, run: leaflet(), says: ['không phải số điện thoại'], at: { field: 'contact.phone', line: 10 } },
  { name: 'a non-http link', files: { 'don-vi.yaml': edit('ios: https://apps.apple.com/vn/app/vneid/id1582750372', 'ios: ftp://apps.apple.com/vneid') }, run: leaflet(), says: ['"ftp:" chưa được cho phép', 'http:// hoặc https://'], at: { field: 'qr.ios', line: 20 } },
  { name: 'a javascript: link', files: { 'don-vi.yaml': edit('android: https://play.google.com/store/apps/details?id=com.vnid', 'android: "javascript:alert(1)"') }, run: leaflet(), says: ['http:// hoặc https://'], at: { field: 'qr.android', line: 21 } },
  { name: 'an impossible date', files: { 'don-vi.yaml': edit('deadline: 2027-03-31', 'deadline: 2023-02-30') }, run: leaflet(), says: ['không phải một ngày có thật'], at: { field: 'deadline', line: 11 } },
  { name: 'a month 13', files: { 'don-vi.yaml': edit('deadline: 2027-03-31', 'deadline: 28/13/2023') }, run: leaflet(), says: ['không phải một ngày có thật'], at: { field: 'deadline', line: 11 } },
  { name: 'broken YAML (unclosed quote)', files: { 'don-vi.yaml': edit('phone: "0907028318"', 'phone: "0907028318') }, run: leaflet(), says: ['cú pháp YAML'], at: { line: 10 } },
  { name: 'broken YAML (tab indent)', files: { 'don-vi.yaml': edit('  name: Trần Văn An', '\tname: Trần Văn An') }, run: leaflet(), says: ['Tab'], at: { line: 8 } },
  { name: 'a misspelt field', files: { 'don-vi.yaml': edit('contact:', 'contcat:') }, run: leaflet(), says: ['không có trong mẫu hồ sơ'], at: { field: 'contcat', line: 7 } },
  { name: 'an emoji the font lacks', files: { 'don-vi.yaml': edit('name: Công an phường Bình Thạnh', 'name: Công an phường Bình Thạnh 😀') }, run: leaflet(), says: ['U+1F600'], at: { field: 'venues.0.name', line: 13 } },
  { name: 'a symbol the font lacks', files: { 'don-vi.yaml': edit('title: Phó Trưởng', 'title: ☎ Phó Trưởng') }, run: leaflet(), says: ['U+260E'], at: { field: 'contact.title', line: 9 } },
  { name: 'a unit name over 120 characters', files: { 'don-vi.yaml': edit('name: Ủy ban nhân dân phường Bình Thạnh', `name: ${'Ủy ban nhân dân phường có một cái tên rất dài '.repeat(3).slice(0, 130)}`) }, run: leaflet(), says: ['dài quá 120 ký tự'], at: { field: 'unit.name', line: 5 } },
  {
    name: 'a unit name too long to fit beside the logo',
    files: { 'don-vi.yaml': edit('name: Ủy ban nhân dân phường Bình Thạnh', `name: ${'Ủy ban nhân dân phường có một cái tên rất dài dài dài dài để thử '.repeat(2).slice(0, 118).trim()}\n  logo: logo.png`) },
    setup: (dir) => sharp({ create: { width: 400, height: 100, channels: 3, background: '#C8102E' } }).png().toFile(join(dir, 'logo.png')).then(() => undefined),
    run: leaflet(),
    says: ['quá dài, không vừa hai dòng'],
    at: { field: 'unit.name' },
  },
  { name: 'an empty profile', files: { 'don-vi.yaml': '' }, run: leaflet(), says: ['trống'], at: { line: 1 } },
  { name: 'a profile that is a list', files: { 'don-vi.yaml': '- a\n- b\n' }, run: leaflet(), says: ['không đúng mẫu'], at: { line: 1 } },
  { name: 'an unknown guide', run: leaflet({ guide: 'khong-co' }), says: ['không có hướng dẫn "khong-co"'], at: { field: 'guide' } },
  { name: 'a dpi out of range', run: leaflet({ dpi: 5000, out: 'DIR/x.png' }), says: ['từ 72 đến 600'], at: { field: '--dpi' } },
  { name: 'a logo file that does not exist', files: { 'don-vi.yaml': edit('  parent:', '  logo: khong-co.png\n  parent:') }, run: leaflet(), says: ['không tìm thấy tệp logo'], at: { field: 'unit.logo', file: 'DIR/don-vi.yaml' } },
  {
    name: 'a logo of 30 million pixels',
    files: { 'don-vi.yaml': edit('  parent:', '  logo: logo.png\n  parent:') },
    setup: (dir) => sharp({ create: { width: 6000, height: 5000, channels: 3, background: '#C8102E' } }).png().toFile(join(dir, 'logo.png')).then(() => undefined),
    run: leaflet(),
    says: ['ảnh logo quá lớn (6000 × 5000 điểm ảnh)'],
    at: { field: 'unit.logo' },
  },
  { name: 'a logo that is not an image', files: { 'don-vi.yaml': edit('  parent:', '  logo: don-vi.yaml\n  parent:') }, run: leaflet(), says: ['không phải ảnh'], at: { field: 'unit.logo' } },
  { name: 'a file name that contradicts --format', run: leaflet({ format: 'png', out: 'x.pdf' }), says: ['đuôi'], at: { field: '--out' } },
  { name: 'a missing profile file', run: unit('khong-co.yaml'), says: ['không tìm thấy tệp hồ sơ'], at: { field: 'unitFile', file: 'DIR/khong-co.yaml' } },
  { name: 'a profile not saved as UTF-8', files: { 'don-vi.yaml': Buffer.from('unit:\n  name: Ph\xF0\xF4\xFDng 13\n', 'latin1') }, run: unit(), says: ['UTF-8'], at: { line: 2 } },
  {
    name: 'a YAML alias bomb',
    files: { 'don-vi.yaml': 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nunit: { name: *d }\n' },
    run: unit(),
    says: ['bí danh'],
    at: { file: 'DIR/don-vi.yaml' },
  },

  // Inputs are bounded before they are read: devices, folders and sizes.
  { name: 'a device as the profile', setup: (dir) => symlinkSync('/dev/zero', join(dir, 'zero.yaml')), run: unit('zero.yaml'), says: ['tệp hồ sơ là một thiết bị, không phải một tệp'], at: { field: 'unitFile' } },
  { name: 'a folder as the profile', setup: (dir) => mkdirSync(join(dir, 'thu-muc.yaml')), run: unit('thu-muc.yaml'), says: ['tệp hồ sơ là một thư mục'], at: { field: 'unitFile' } },
  { name: 'a profile over 256 KB says its real size', files: { 'don-vi.yaml': `${GOOD}#${'x'.repeat(300 * 1024)}\n` }, run: unit(), says: ['tệp hồ sơ nặng 301 KB, quá mức 256 KB'], at: { field: 'unitFile' } },
  { name: 'a 160 KB picture as the profile is not called too large', setup: async (dir) => writeFileSync(join(dir, 'anh.yaml'), await PNG_160KB()), run: unit('anh.yaml'), says: ['không phải tệp chữ'], at: { file: 'DIR/anh.yaml' } },
  { name: 'a device as the table', setup: (dir) => symlinkSync('/dev/zero', join(dir, 'zero.csv')), run: blocks('zero.csv'), says: ['tệp dữ liệu là một thiết bị'], at: { field: 'dataFile', file: 'DIR/zero.csv' } },
  { name: 'a folder as the table', setup: (dir) => mkdirSync(join(dir, 'bang.csv')), run: blocks('bang.csv'), says: ['tệp dữ liệu là một thư mục'], at: { field: 'dataFile' } },
  { name: 'a table over 20 MB says its real size, unread', setup: (dir) => (writeFileSync(join(dir, 'lon.csv'), ''), truncateSync(join(dir, 'lon.csv'), 21 * 1024 * 1024)), run: blocks('lon.csv'), says: ['tệp dữ liệu nặng 21 MB, quá mức 20 MB', 'chia thành nhiều tệp'], at: { field: 'dataFile' } },
  { name: 'a data file that does not exist', run: blocks('khong-co.csv'), says: ['không tìm thấy tệp dữ liệu'], at: { field: 'dataFile' } },
  { name: 'a device as the logo', files: { 'don-vi.yaml': edit('  parent:', '  logo: logo.png\n  parent:') }, setup: (dir) => symlinkSync('/dev/zero', join(dir, 'logo.png')), run: leaflet(), says: ['tệp logo', 'là một thiết bị'], at: { field: 'unit.logo', file: 'DIR/don-vi.yaml' } },
  { name: 'a folder as the logo', files: { 'don-vi.yaml': edit('  parent:', '  logo: anh\n  parent:') }, setup: (dir) => mkdirSync(join(dir, 'anh')), run: leaflet(), says: ['là một thư mục'], at: { field: 'unit.logo' } },
  { name: 'a logo over 5 MB says its real size, unread', files: { 'don-vi.yaml': edit('  parent:', '  logo: logo.png\n  parent:') }, setup: (dir) => (writeFileSync(join(dir, 'logo.png'), ''), truncateSync(join(dir, 'logo.png'), 6 * 1024 * 1024)), run: leaflet(), says: ['nặng 6 MB, quá mức 5 MB'], at: { field: 'unit.logo' } },
  { name: 'a device as the label sheet', setup: (dir) => symlinkSync('/dev/zero', join(dir, 'zero.json')), run: preset('zero.json'), says: ['tệp khổ giấy là một thiết bị'], at: { field: 'sheetFile' } },
  { name: 'a label sheet file that does not exist', run: preset('khong-co.json'), says: ['không tìm thấy tệp khổ giấy'], at: { field: 'sheetFile', file: 'DIR/khong-co.json' } },
  { name: 'a label sheet over 64 KB', setup: (dir) => (writeFileSync(join(dir, 'lon.json'), ''), truncateSync(join(dir, 'lon.json'), 100 * 1024)), run: preset('lon.json'), says: ['nặng 100 KB, quá mức 64 KB'], at: { field: 'sheetFile' } },

  // Label sheets (--sheet .json): every problem, in Vietnamese, with the file.
  { name: 'a label sheet that is not JSON says the line', files: { 's.json': '{\n  "title": "Thử",\n  "paper": { "width": 210 "height": 297 }\n}\n' }, run: preset('s.json'), says: ['viết sai cú pháp JSON'], at: { line: 3, file: 'DIR/s.json' } },
  { name: 'a label sheet with a size in words', files: { 's.json': sheet({ label: { width: 'chín mươi chín', height: 67 } }) }, run: preset('s.json'), says: ['cần một con số (mm)'], at: { field: 'label.width', file: 'DIR/s.json' } },
  { name: 'a label sheet missing its gap', files: { 's.json': sheet({ gap: undefined }) }, run: preset('s.json'), says: ['thiếu mục này'], at: { field: 'gap' } },
  { name: 'a label sheet with two unknown keys names both', files: { 's.json': sheet({ colour: 'red', bleed: 3 }) }, run: preset('s.json'), says: ['"colour"', '"bleed"'], at: { field: 'bleed' } },
  { name: 'a label sheet with a negative margin', files: { 's.json': sheet({ origin: { left: -5, top: 12 } }) }, run: preset('s.json'), says: ['không được là số âm'], at: { field: 'origin.left' } },
  { name: 'a label sheet with unknown marks', files: { 's.json': sheet({ marks: 'bleed' }) }, run: preset('s.json'), says: ['chỉ nhận một trong: "none", "crop"'], at: { field: 'marks' } },
  { name: 'a label sheet with no columns', files: { 's.json': sheet({ grid: { columns: 0, rows: 4 } }) }, run: preset('s.json'), says: ['nhỏ nhất là 1'], at: { field: 'grid.columns' } },
  { name: 'a label sheet with 2.5 rows', files: { 's.json': sheet({ grid: { columns: 2, rows: 2.5 } }) }, run: preset('s.json'), says: ['cần một số nguyên'], at: { field: 'grid.rows' } },
  { name: 'a label sheet with 50 columns', files: { 's.json': sheet({ grid: { columns: 50, rows: 4 } }) }, run: preset('s.json'), says: ['lớn nhất là 20'], at: { field: 'grid.columns' } },
  { name: 'labels running off the paper', files: { 's.json': sheet({ grid: { columns: 3, rows: 4 } }) }, run: preset('s.json'), says: ['vượt ra ngoài tờ giấy'], at: { field: 'grid' } },
  { name: 'an unknown label sheet name', run: () => loadSheetPreset('a4-9x9'), says: ['không có khổ giấy "a4-9x9"', 'a4-2x4'], at: { field: 'sheet' } },

  // Spreadsheets (.xlsx is a zip: a zip bomb must be refused before it is unpacked).
  { name: 'a broken .xlsx', files: { 'd.xlsx': Buffer.from('PK\x03\x04 not really a zip') }, run: blocks('d.xlsx'), says: ['hỏng'], at: { file: 'DIR/d.xlsx' } },
  { name: 'an old .xls saved as .xlsx', files: { 'd.xlsx': Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]) }, run: blocks('d.xlsx'), says: ['Excel đời cũ (.xls)'], at: { file: 'DIR/d.xlsx' } },
  { name: 'an .xlsx whose sheet unpacks to 1.2 GB (zip bomb)', setup: async (dir) => writeFileSync(join(dir, 'bom.xlsx'), await bomb()), run: blocks('bom.xlsx'), says: ['giải nén ra nặng 1,2 GB, quá mức 50 MB'], at: { file: 'DIR/bom.xlsx' } },
  { name: 'an .xlsx whose header lies about the size of its sheet', setup: async (dir) => writeFileSync(join(dir, 'doi.xlsx'), await craftZip([{ name: 'xl/worksheets/sheet1.xml', chunk: Buffer.alloc(1 << 20, 0x20), times: 64, declaredSize: 1000 }])), run: blocks('doi.xlsx'), says: ['"xl/worksheets/sheet1.xml" giải nén không khớp kích thước'], at: { file: 'DIR/doi.xlsx' } },
  { name: 'an .xlsx of 10,001 parts', setup: async (dir) => writeFileSync(join(dir, 'nhieu.xlsx'), await craftZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `p${i}.bin`, chunk: Buffer.alloc(0) })))), run: blocks('nhieu.xlsx'), says: ['10001 phần, nhiều bất thường'], at: { file: 'DIR/nhieu.xlsx' } },
  { name: 'a data file with another extension', files: { 'd.docx': 'x' }, run: blocks('d.docx'), says: ['".docx"', '.xlsx'], at: { file: 'DIR/d.docx' } },
  { name: 'an old .xls table', files: { 'd.xls': 'x' }, run: blocks('d.xls'), says: ['Excel đời cũ', 'CSV UTF-8'] },
  { name: 'a data file not in UTF-8', files: { 'd.csv': Buffer.from('block\r\nT\xF2a A \xFF\xFE\x80\r\n', 'latin1') }, run: blocks('d.csv'), says: ['UTF-8'], at: { line: 2 } },
  { name: 'a CSV with an unclosed quote', files: { 'd.csv': 'block,address\n"Tòa A,chưa đóng ngoặc\n' }, run: blocks('d.csv'), says: ['ngoặc kép'] },
  { name: 'an empty table', files: { 'd.csv': '\n\n' }, run: blocks('d.csv'), says: ['tệp dữ liệu trống', 'block'] },
  { name: 'a table with only its header', files: { 'd.csv': 'block,address\n' }, run: blocks('d.csv'), says: ['chưa có dòng dữ liệu'] },
  { name: 'a table without the required column', files: { 'd.csv': 'khoi,ghi_chu\n6,Cô Lan\n' }, run: classes('d.csv'), says: ['thiếu cột bắt buộc "Lớp" (class)'], at: { line: 1 } },
  { name: 'a column written twice', files: { 'd.csv': 'block,Block\r\nA,B\r\n' }, run: blocks('d.csv'), says: ['cột "block" và cột "Block" cùng là "Tòa nhà" (block)'], at: { line: 1 } },
  { name: 'every column written twice is named, by either of its names', files: { 'd.csv': 'block,address,Tòa nhà,Địa chỉ\r\nA,B,C,D\r\n' }, run: blocks('d.csv'), says: ['cột "block" và cột "Tòa nhà" cùng là', 'cột "address" và cột "Địa chỉ" cùng là'], at: { line: 1 } },
  { name: 'every unknown column is named, once', files: { 'd.csv': 'block,adress,ghi_chu,ghi_chu\r\nA,B,C,D\r\n' }, run: blocks('d.csv'), says: ['không biết cột "adress", "ghi_chu"\n'], at: { line: 1 } },
  { name: 'a row with more cells than columns', files: { 'd.csv': 'block,address\r\nTòa A,Số 5,Phường 13\r\n' }, run: blocks('d.csv'), says: ['nhiều ô hơn số cột'], at: { line: 2 } },
  { name: 'an empty required cell', files: { 'd.csv': 'block,address\r\n,Số 5\r\n' }, run: blocks('d.csv'), says: ['ô "block" đang trống'], at: { field: 'block', line: 2 } },
  { name: 'a table of more than 20 000 rows', files: { 'd.csv': `block\n${'Tòa\n'.repeat(20_001)}` }, run: blocks('d.csv'), says: ['20001 dòng, nhiều hơn mức 20000'] },
  { name: 'a 1 MB address cell names its row and column', files: { 'd.csv': `block,address\nTòa A,ngắn\nTòa B,${'x'.repeat(1 << 20)}\n` }, run: blocks('d.csv'), says: ['ô "address" dài 1.048.576 ký tự, nhiều nhất 200 ký tự'], at: { field: 'address', line: 3 } },
  { name: 'a block name of 201 characters in an .xlsx', setup: (dir) => writeXlsx(join(dir, 'd.xlsx'), [['block'], ['Tòa A'], ['B'.repeat(201)]]), run: blocks('d.xlsx'), says: ['dài 201 ký tự'], at: { field: 'block', line: 3 } },
  { name: 'a teacher name of 250 characters', files: { 'd.csv': `class,teacher\n6A,${'Cô Lan '.repeat(36)}\n` }, run: classes('d.csv'), says: ['ô "teacher" dài 251 ký tự'], at: { field: 'teacher', line: 2 } },
  { name: 'more than 20 problems are counted, not dropped', files: { 'd.csv': `block,address\n${',x\n'.repeat(25)}` }, run: blocks('d.csv'), says: ['và 5 chỗ khác cần sửa'] },
  { name: 'a wrong phone in the classes table', files: { 'd.csv': 'class,phone\n6A,0123\n' }, run: classes('d.csv'), says: ['không phải số điện thoại'], at: { field: 'phone', line: 2 } },
  { name: 'a class of 500 pupils', files: { 'd.csv': 'class,students\n6A,500\n' }, run: classes('d.csv'), says: ['không phải số học sinh hợp lệ'], at: { field: 'students', line: 2 } },
  { name: 'a table with a NUL byte at its start is not text', files: { 'd.csv': Buffer.from('block\0\nTòa A\n') }, run: blocks('d.csv'), says: ['không phải tệp chữ'] },

  // Links become QR codes: read as a browser reads them, and never longer than a code holds.
  { name: 'a table link with a user name before "@"', files: { 'd.csv': 'block,url\nTòa A,https://apps.apple.com@evil.example/x\n' }, run: blocks('d.csv'), says: ['mở ra trang evil.example'], at: { field: 'url', line: 2 } },
  { name: 'a table link with an empty user name', files: { 'd.csv': 'block,url\nTòa A,https://@evil.example/x\n' }, run: blocks('d.csv'), says: ['dấu "@"'], at: { field: 'url', line: 2 } },
  { name: 'a table link with a backslash', files: { 'd.csv': 'block,url\nTòa A,https://evil.example\\@apps.apple.com/\n' }, run: blocks('d.csv'), says: ['gạch chéo ngược'], at: { field: 'url', line: 2 } },
  { name: 'a table link with a space', files: { 'd.csv': 'block,url\nTòa A,https://zalo.me/g/abc def\n' }, run: blocks('d.csv'), says: ['dấu cách'], at: { field: 'url', line: 2 } },
  { name: 'a table link of 3,000 characters', files: { 'd.csv': `block,url\nTòa A,${LONG_LINK}\n` }, run: blocks('d.csv'), says: ['dài 3.018 ký tự, quá sức chứa của mã QR (nhiều nhất 2.331 ký tự'], at: { field: 'url', line: 2 } },
  { name: 'a table link without a site', files: { 'd.csv': 'block,url\nTòa A,https://\n' }, run: blocks('d.csv'), says: ['viết chưa đúng dạng'], at: { field: 'url', line: 2 } },
  { name: 'a table link that is not a link', files: { 'd.csv': 'block,url\nTòa A,zalo nhóm tòa A\n' }, run: blocks('d.csv'), says: ['dấu cách'], at: { field: 'url', line: 2 } },
  { name: 'a tel: link in a table without --allow-scheme', files: { 'd.csv': 'block,url\nTòa A,tel:0907028318\n' }, run: blocks('d.csv'), says: ['"tel:" chưa được cho phép', 'allow-scheme'], at: { field: 'url', line: 2 } },
  { name: 'a Zalo group link with a user name', files: { 'd.csv': 'class,zalo\n6A,https://zalo.me@evil.example/g/6a\n' }, run: classes('d.csv'), says: ['dấu "@"'], at: { field: 'zalo', line: 2 } },
  { name: 'a profile link with a user name before "@"', files: { 'don-vi.yaml': edit('ios: https://apps.apple.com/vn/app/vneid/id1582750372', 'ios: https://apps.apple.com@evil.example/vneid') }, run: unit(), says: ['mở ra trang evil.example'], at: { field: 'qr.ios', line: 20 } },
  { name: 'a profile link of 3,000 characters', files: { 'don-vi.yaml': edit('android: https://play.google.com/store/apps/details?id=com.vnid', `android: ${LONG_LINK}`) }, run: unit(), says: ['quá sức chứa của mã QR', '2.331'], at: { field: 'qr.android', line: 21 } },
  { name: 'a profile link with a space', files: { 'don-vi.yaml': edit('android: https://play.google.com/store/apps/details?id=com.vnid', 'android: "https://play.google.com/store/apps/details?id=com. vnid"') }, run: unit(), says: ['dấu cách'], at: { field: 'qr.android', line: 21 } },
  { name: 'a profile link with a NUL byte, shown escaped', files: { 'don-vi.yaml': edit('android: https://play.google.com/store/apps/details?id=com.vnid', 'android: "https://play.google.com/\\0x"') }, run: unit(), says: ['"https://play.google.com/\\u0000x"', 'ký tự điều khiển'], at: { field: 'qr.android' } },
  { name: 'an extra QR link with a backslash', files: { 'don-vi.yaml': `${GOOD}  extra:\n    - label: Nhóm Zalo\n      url: https://evil.example\\@zalo.me/g/x\n` }, run: unit(), says: ['gạch chéo ngược'], at: { field: 'qr.extra.0.url', line: 24 } },

  // Every unknown key, not only the first.
  { name: 'three unknown keys are all named, each on its line', files: { 'don-vi.yaml': edit('contact:', 'slogn: Cài VNeID\ncontact:\n  mail: a@b.vn').replace('deadline:', 'dealine:') }, run: unit(), says: ['"slogn"', '"mail"', '"dealine"'], at: { field: 'contact.mail', line: 9 } },
  { name: 'an escape sequence in a key is shown escaped', files: { 'don-vi.yaml': edit('contact:', '"\\e[31mred": x\ncontact:') }, run: unit(), says: ['"\\u001B[31mred"'], at: { line: 7 } },

  // Templates and options (moved here from runs of the bin).
  { name: 'a template with an unknown variable', files: { 'm.hbs': template('## Một\n{{unit.nmae}}\n') }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['biến "nmae" không có', 'unit.name'], at: { line: 10, file: 'DIR/m.hbs' } },
  { name: 'a template with a byte-order mark still names the right line', files: { 'm.hbs': `\uFEFF${template('## Một\n{{unit.nmae}}\n')}` }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['biến "nmae" không có'], at: { line: 10, file: 'DIR/m.hbs' } },
  { name: 'a template reaching into prototypes', files: { 'm.hbs': template('## Một\n{{unit.constructor.name}}\n') }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['không có'], at: { line: 10 } },
  { name: 'a template with __proto__', files: { 'm.hbs': template('## Một\n{{__proto__}}\n') }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['không có'], at: { line: 10 } },
  { name: 'a template with an unclosed {{#if}}', files: { 'm.hbs': template('## Một\n{{#if deadline}}x\n') }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['sai cú pháp', '{{/if}}'], at: { file: 'DIR/m.hbs' } },
  { name: 'a template without a title', files: { 'm.hbs': '## Một\nxin chào\n' }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['title'], at: { line: 1 } },
  { name: 'a template with a table', files: { 'm.hbs': template('## Một\n\n| a | b |\n|---|---|\n| 1 | 2 |\n') }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['table'] },
  { name: 'a template with a level-1 heading', files: { 'm.hbs': template('# Lớn\n') }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['"## "'] },
  { name: 'a template without a review date', files: { 'm.hbs': template('## Một\n', FRONT.filter((l) => !l.startsWith('reviewed'))) }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['ngày kiểm tra nội dung'], at: { field: 'reviewed', file: 'DIR/m.hbs' } },
  { name: 'a template with the old summary key', files: { 'm.hbs': template('## Một\n', [FRONT[0]!, 'summary: cũ', ...FRONT.slice(1)]) }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['"summary" không dùng được'], at: { field: 'summary', line: 3 } },
  { name: 'a template with an unknown call to action', files: { 'm.hbs': template('## Một\n', FRONT.map((l) => l.replace('install-app', 'goi-dien'))) }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['install-app, open-portal, visit-office'], at: { field: 'action', line: 4 } },
  { name: 'a template with broken front matter YAML', files: { 'm.hbs': template('## Một\n', [...FRONT, 'needs: [venues']) }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['cú pháp YAML'], at: { file: 'DIR/m.hbs' } },
  { name: 'a template with a portal that is not https', files: { 'm.hbs': template('## Một\n', [...FRONT, 'links: { portal: "http://dichvucong.gov.vn" }']) }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['https://'], at: { field: 'links.portal' } },
  // 2000 levels overflow the stack where 1500 already do: a clean message, never a crash.
  { name: 'a template nested thousands deep', files: { 'm.hbs': template(`## Một\n${'{{#if unit.name}}'.repeat(2000)}x${'{{/if}}'.repeat(2000)}\n`) }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['mẫu hướng dẫn'], at: { file: 'DIR/m.hbs' } },
  { name: 'a template with an emoji names its file and line', files: { 'm.hbs': template('## Một\nxin chào 😀\n') }, run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['U+1F600'], at: { file: 'DIR/m.hbs', line: 10 } },
  { name: 'a template that is a FIFO', setup: (dir) => void execFileSync('mkfifo', [join(dir, 'm.hbs')]), run: leaflet({ guide: undefined, template: 'DIR/m.hbs' }), says: ['không phải một tệp'], at: { field: 'templateFile' } },
  { name: 'a campaign date already past', files: { 'don-vi.yaml': edit('deadline: 2027-03-31', 'deadline: 2026-11-27') }, run: leaflet(), says: ['ngày 27/11/2026 đã qua', 'xoá dòng deadline'], at: { field: 'deadline', line: 11 } },
  { name: 'a template file that does not exist', run: () => pickGuide(undefined, 'khong-co.hbs'), says: ['không tìm thấy'], at: { field: 'templateFile' } },
  { name: 'both --guide and --template', run: () => pickGuide('muc-1', 'm.hbs'), says: ['chỉ dùng một trong hai'], at: { field: '--template' } },
  { name: 'neither --guide nor --template', run: () => pickGuide(undefined, undefined), says: ['chưa chọn hướng dẫn'], at: { field: '--guide' } },
  { name: 'an unsafe --allow-scheme', run: () => allowedSchemes(['javascript']), says: ['javascript:'], at: { field: '--allow-scheme' } },
  { name: 'a bleed of 50 mm', run: (dir) => posterCommand({ unit: UNIT, guide: 'muc-1', size: 'a2', landscape: false, bleed: 50, cmyk: false, dpi: 150, out: join(dir, 'o.pdf') }), says: ['từ 0 đến 20'], at: { field: '--bleed' } },
  { name: 'tiles asked as an image', run: (dir) => posterCommand({ unit: UNIT, guide: 'muc-1', size: 'a2', landscape: false, bleed: 0, tile: 'a4', cmyk: false, dpi: 150, out: join(dir, 'o.png') }), says: ['PDF'], at: { field: '--format' } },
  { name: 'an image width without a height', run: (dir) => imageCommand({ unit: UNIT, guide: 'muc-1', width: 1200, out: join(dir, 'o.png') }), says: ['--height'], at: { field: '--preset' } },
  { name: 'an image preset and a width together', run: (dir) => imageCommand({ unit: UNIT, guide: 'muc-1', preset: 'led-fhd', width: 800, out: join(dir, 'o.png') }), says: ['chỉ dùng một trong hai'], at: { field: '--preset' } },
  { name: 'an image 100 pixels wide', run: (dir) => imageCommand({ unit: UNIT, guide: 'muc-1', width: 100, height: 800, out: join(dir, 'o.png') }), says: ['từ 320 đến 8000'], at: { field: '--width' } },
  { name: 'a banner size without a unit', run: (dir) => bannerCommand({ unit: UNIT, size: '500x80', cmyk: false, out: join(dir, 'o.pdf') }), says: ['cm'], at: { field: '--size' } },
  { name: 'a banner longer than a PDF page can be', run: (dir) => bannerCommand({ unit: UNIT, size: '900x80cm', cmyk: false, out: join(dir, 'o.pdf') }), says: ['508 cm'] },
  { name: 'a banner slogan with an emoji', run: (dir) => bannerCommand({ unit: UNIT, text: 'Cài VNeID 📱', size: '500x80cm', cmyk: false, out: join(dir, 'o.pdf') }), says: ['không in được'], at: { field: '--text' } },
  { name: 'an output path that is a folder', setup: (dir) => mkdirSync(join(dir, 'sub')), run: leaflet({ unit: UNIT, guide: 'muc-1', out: 'DIR/sub' }), says: ['thư mục'], at: { field: 'out' } },
  { name: 'a port of 70000', run: () => serveCommand({ port: 70_000, open: false }), says: ['cổng 70000 không dùng được'], at: { field: '--port' } },
  { name: 'a port that is not a number', run: () => readNumber('abc', '--port', '8090'), says: ['"abc" không phải một con số', '--port 8090'], at: { field: '--port' } },
  { name: 'a dpi that is not a number', run: () => readNumber('cao', '--dpi', '300'), says: ['"cao" không phải một con số'], at: { field: '--dpi' } },
  { name: 'an empty --bleed', run: () => readNumber('', '--bleed', '3'), says: ['"" không phải một con số'], at: { field: '--bleed' } },
  { name: 'a dpi given twice', run: () => readNumber(['150', '300'], '--dpi', '300'), says: ['--dpi được ghi 2 lần'], at: { field: '--dpi' } },
  { name: 'a non-numeric SOURCE_DATE_EPOCH', run: withEnv('SOURCE_DATE_EPOCH', 'hôm nay', sourceDate), says: ['"hôm nay" không phải số giây'], at: { field: 'SOURCE_DATE_EPOCH' } },
  { name: 'a SOURCE_DATE_EPOCH past the year 9999', run: withEnv('SOURCE_DATE_EPOCH', '99999999999999999', sourceDate), says: ['không phải số giây hợp lệ', 'năm 9999'], at: { field: 'SOURCE_DATE_EPOCH' } },
  { name: 'a negative SOURCE_DATE_EPOCH', run: withEnv('SOURCE_DATE_EPOCH', '-5', sourceDate), says: ['"-5"'], at: { field: 'SOURCE_DATE_EPOCH' } },
  { name: 'a SOURCE_DATE_EPOCH in exponent form', run: withEnv('SOURCE_DATE_EPOCH', '1e9', sourceDate), says: ['"1e9"'], at: { field: 'SOURCE_DATE_EPOCH' } },
];

let bombBytes: Promise<Buffer> | undefined;
/** An .xlsx of 1.2 MB whose sheet unpacks to 1.2 GB, made once. */
function bomb(): Promise<Buffer> {
  bombBytes ??= craftZip([
    { name: '[Content_Types].xml', chunk: Buffer.from('<Types/>') },
    { name: 'xl/worksheets/sheet1.xml', chunk: Buffer.alloc(1 << 20, 0x20), times: 1200 },
  ]);
  return bombBytes;
}

describe('bad input corpus: a UserError naming the place and what to do, nothing written', () => {
  it.each(cases)('$name', async (c) => {
    const dir = tempDir();
    const files = { 'don-vi.yaml': GOOD, ...c.files };
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    await c.setup?.(dir);
    const before = filesIn(dir).sort();
    const withDir = (s: string) => s.replaceAll('DIR', dir);
    const { problems } = await refusalOf(() => c.run(dir));
    const text = problems.map((p) => formatProblem(p)).join('\n') + '\n';
    for (const s of c.says) expect(text).toContain(withDir(s));
    if (c.at) {
      const at = Object.fromEntries(Object.entries(c.at).map(([k, v]) => [k, typeof v === 'string' ? withDir(v) : v]));
      expect(problems).toContainEqual(expect.objectContaining(at));
    }
    expect(filesIn(dir).sort()).toEqual(before);
  });
});

describe('bad input the option parser catches, in process: exit 2 and what to do', () => {
  it.each([
    { name: 'an unknown paper size', args: ['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--size', 'a3'], says: ['a3', 'a5'] },
    { name: 'a poster size that does not exist', args: ['poster', '--unit', UNIT, '--guide', 'muc-1', '--size', 'a9'], says: ['a9', 'a0'] },
    { name: 'a dpi in words', args: ['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--dpi', 'cao'], says: ['mục --dpi: "cao" không phải một con số'] },
    { name: 'a port in words', args: ['serve', '--port', 'abc'], says: ['mục --port: "abc" không phải một con số'] },
    { name: 'an unknown command', args: ['leeflet'], says: ['leaflet'] },
  ])('$name', async ({ args, says }) => {
    const dir = tempDir();
    const { code, stdout, stderr } = await runHere(args, { cwd: dir });
    expect(code).toBe(2);
    for (const s of says) expect(stderr).toContain(s);
    expect(stderr).not.toContain('NaN');
    expect(stderr).toContain('Chưa tạo tệp nào.');
    expect(stderr).not.toMatch(/\n\s+at .*\.[jt]s:\d+/); // no stack trace
    expect(stdout).toBe('');
    expect(filesIn(dir)).toEqual([]);
  });

  it('a SOURCE_DATE_EPOCH past the year 9999 is refused before pdfkit, which would fail with exit 1', async () => {
    const dir = tempDir();
    const r = await runHere(['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--out', join(dir, 'o.pdf')], { env: { SOURCE_DATE_EPOCH: '99999999999999999' } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('mục SOURCE_DATE_EPOCH');
    expect(r.stderr).toContain('năm 9999');
    expect(r.stderr).toContain('Chưa tạo tệp nào.');
    expect(filesIn(dir)).toEqual([]);
  });
});

describe('a zip bomb is refused with little memory', () => {
  beforeAll(async () => {
    await bomb();
  });

  it('reading a 1.2 MB .xlsx that unpacks to 1.2 GB peaks well under 500 MB', async () => {
    const { spawnSync } = await import('node:child_process');
    const dir = tempDir();
    const file = join(dir, 'bom.xlsx');
    writeFileSync(file, await bomb());
    const script = `
      const { readDataTable } = await import(${JSON.stringify(new URL('../../dist/content/data-table.js', import.meta.url).href)});
      const error = await readDataTable(process.argv[1], { required: ['block'], optional: [], missingGlyphs: () => [] }).then(() => undefined, (e) => e.message);
      console.log(JSON.stringify({ error, maxRssKb: process.resourceUsage().maxRSS }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, file], { encoding: 'utf8' });
    const { error, maxRssKb } = JSON.parse(r.stdout);
    expect(error).toContain('1,2 GB');
    expect(maxRssKb / 1024).toBeLessThan(250);
  });

  it('a good .xlsx reads the same through the guard', async () => {
    const dir = tempDir();
    await writeXlsx(join(dir, 'd.xlsx'), [['block', 'address'], ['Tòa A', 'Số 5'], ['Tòa B', null]]);
    const table = await readDataTable(join(dir, 'd.xlsx'), { ...BLOCK_COLUMNS, missingGlyphs });
    expect(table.rows).toEqual([
      { line: 2, values: { block: 'Tòa A', address: 'Số 5' } },
      { line: 3, values: { block: 'Tòa B', address: '' } },
    ]);
  });
});
