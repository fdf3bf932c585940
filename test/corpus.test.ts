import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { example, filesIn, runCli, tempDir } from './helpers/cli.js';

const UNIT = example('phuong-binh-thanh.yaml');

interface Case {
  name: string;
  /** Files to put in the folder first (name → content). */
  files?: Record<string, string | Buffer>;
  /** Arguments; DIR stands for the folder. */
  args: string[];
  says: string[];
}

// The smallest front matter a guide may have: 8 lines, so the body starts on line 9.
const template = (body: string) =>
  `---\ntitle: Hướng dẫn riêng\naudience: Thử\naction: install-app\ndeadline: true\nreviewed: 2026-11-01\nsources: [{ document: Thử, issuer: Thử, date: 2026-11-01 }]\n---\n${body}`;

/** More bad inputs: custom templates, options and data files. (Profiles: bad-input.test.ts.) */
const cases: Case[] = [
  { name: 'a template with an unknown variable', files: { 'm.hbs': template('## Một\n{{unit.nmae}}\n') }, args: ['leaflet', '--unit', UNIT, '--template', 'DIR/m.hbs', '--out', 'DIR/o.pdf'], says: ['tệp DIR/m.hbs, dòng 10', 'biến "nmae" không có', 'unit.name'] },
  { name: 'a template saved with a byte-order mark still names the right line', files: { 'm.hbs': `\uFEFF${template('## Một\n{{unit.nmae}}\n')}` }, args: ['leaflet', '--unit', UNIT, '--template', 'DIR/m.hbs', '--out', 'DIR/o.pdf'], says: ['tệp DIR/m.hbs, dòng 10', 'biến "nmae" không có'] },
  { name: 'a template reaching into prototypes', files: { 'm.hbs': template('## Một\n{{unit.constructor.name}}\n') }, args: ['leaflet', '--unit', UNIT, '--template', 'DIR/m.hbs', '--out', 'DIR/o.pdf'], says: ['dòng 10', 'không có'] },
  { name: 'a template with __proto__', files: { 'm.hbs': template('## Một\n{{__proto__}}\n') }, args: ['leaflet', '--unit', UNIT, '--template', 'DIR/m.hbs', '--out', 'DIR/o.pdf'], says: ['dòng 10', 'không có'] },
  { name: 'a template with an unclosed {{#if}}', files: { 'm.hbs': template('## Một\n{{#if deadline}}x\n') }, args: ['leaflet', '--unit', UNIT, '--template', 'DIR/m.hbs', '--out', 'DIR/o.pdf'], says: ['tệp DIR/m.hbs', 'sai cú pháp', '{{/if}}'] },
  { name: 'a template without a title', files: { 'm.hbs': '## Một\nxin chào\n' }, args: ['leaflet', '--unit', UNIT, '--template', 'DIR/m.hbs', '--out', 'DIR/o.pdf'], says: ['dòng 1', 'title'] },
  { name: 'a template with a table', files: { 'm.hbs': template('## Một\n\n| a | b |\n|---|---|\n| 1 | 2 |\n') }, args: ['leaflet', '--unit', UNIT, '--template', 'DIR/m.hbs', '--out', 'DIR/o.pdf'], says: ['table'] },
  { name: 'a template with a level-1 heading', files: { 'm.hbs': template('# Lớn\n') }, args: ['leaflet', '--unit', UNIT, '--template', 'DIR/m.hbs', '--out', 'DIR/o.pdf'], says: ['"## "'] },
  { name: 'a template file that does not exist', args: ['leaflet', '--unit', UNIT, '--template', 'DIR/khong-co.hbs', '--out', 'DIR/o.pdf'], says: ['mục --template', 'không tìm thấy'] },
  { name: 'both --guide and --template', files: { 'm.hbs': template('## Một\n') }, args: ['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--template', 'DIR/m.hbs', '--out', 'DIR/o.pdf'], says: ['chỉ dùng một trong hai'] },
  { name: 'neither --guide nor --template', args: ['leaflet', '--unit', UNIT, '--out', 'DIR/o.pdf'], says: ['mục --guide', 'chưa chọn hướng dẫn'] },
  { name: 'an unsafe --allow-scheme', args: ['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--allow-scheme', 'javascript', '--out', 'DIR/o.pdf'], says: ['mục --allow-scheme', 'javascript:'] },
  { name: 'a bleed of 50 mm', args: ['poster', '--unit', UNIT, '--guide', 'muc-1', '--bleed', '50', '--out', 'DIR/o.pdf'], says: ['mục --bleed', 'từ 0 đến 20'] },
  { name: 'tiles asked as an image', args: ['poster', '--unit', UNIT, '--guide', 'muc-1', '--tile', 'a4', '--out', 'DIR/o.png'], says: ['mục --format', 'PDF'] },
  { name: 'a poster size that does not exist', args: ['poster', '--unit', UNIT, '--guide', 'muc-1', '--size', 'a9', '--out', 'DIR/o.pdf'], says: ['a9', 'a0'] },
  { name: 'an image width without a height', args: ['image', '--unit', UNIT, '--guide', 'muc-1', '--width', '1200', '--out', 'DIR/o.png'], says: ['--height'] },
  { name: 'an image preset and a width together', args: ['image', '--unit', UNIT, '--guide', 'muc-1', '--preset', 'led-fhd', '--width', '800', '--out', 'DIR/o.png'], says: ['chỉ dùng một trong hai'] },
  { name: 'a banner size without a unit', args: ['banner', '--unit', UNIT, '--size', '500x80', '--out', 'DIR/o.pdf'], says: ['mục --size', 'cm'] },
  { name: 'a banner longer than a PDF page can be', args: ['banner', '--unit', UNIT, '--size', '900x80cm', '--out', 'DIR/o.pdf'], says: ['508 cm'] },
  { name: 'a banner slogan with an emoji', args: ['banner', '--unit', UNIT, '--text', 'Cài VNeID 📱', '--out', 'DIR/o.pdf'], says: ['mục --text', 'không in được'] },
  { name: 'a non-numeric SOURCE_DATE_EPOCH', args: ['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--out', 'DIR/o.pdf'], says: ['SOURCE_DATE_EPOCH'] },
  { name: 'a broken .xlsx', files: { 'd.xlsx': Buffer.from('PK\x03\x04 not really a zip') }, args: ['stickers', '--unit', UNIT, '--data', 'DIR/d.xlsx', '--out', 'DIR/out'], says: ['tệp DIR/d.xlsx', 'hỏng'] },
  { name: 'a data file with another extension', files: { 'd.docx': 'x' }, args: ['stickers', '--unit', UNIT, '--data', 'DIR/d.docx', '--out', 'DIR/out'], says: ['.docx', '.xlsx'] },
  { name: 'a data file that does not exist', args: ['handout', '--unit', UNIT, '--data', 'DIR/khong-co.csv', '--out', 'DIR/out'], says: ['không tìm thấy tệp dữ liệu'] },
  { name: 'a column written twice', files: { 'd.csv': 'block,Block\r\nA,B\r\n' }, args: ['stickers', '--unit', UNIT, '--data', 'DIR/d.csv', '--out', 'DIR/out'], says: ['dòng 1', 'hai lần'] },
  { name: 'a row with more cells than columns', files: { 'd.csv': 'block,address\r\nTòa A,Số 5,Phường 13\r\n' }, args: ['stickers', '--unit', UNIT, '--data', 'DIR/d.csv', '--out', 'DIR/out'], says: ['dòng 2', 'nhiều ô hơn số cột'] },
  {
    name: 'a YAML alias bomb',
    files: { 'bom.yaml': 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\nunit: { name: *d }\n' },
    args: ['validate', '--unit', 'DIR/bom.yaml'],
    says: ['tệp DIR/bom.yaml', 'bí danh'],
  },
  { name: 'an output path that is a folder', files: { 'sub/keep.txt': 'x' }, args: ['leaflet', '--unit', UNIT, '--guide', 'muc-1', '--out', 'DIR/sub'], says: ['mục --out', 'thư mục'] },
  { name: 'a data file not in UTF-8', files: { 'd.csv': Buffer.from('block\r\nT\xF2a A \xFF\xFE\x80\r\n', 'latin1') }, args: ['stickers', '--unit', UNIT, '--data', 'DIR/d.csv', '--out', 'DIR/out'], says: ['UTF-8'] },
];

describe('bad input corpus: exit 2, a message naming the place and what to do, nothing written', () => {
  it.each(cases)('$name', (c) => {
    const dir = tempDir();
    for (const [name, content] of Object.entries(c.files ?? {})) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    const env = c.name.includes('SOURCE_DATE_EPOCH') ? { SOURCE_DATE_EPOCH: 'hôm nay' } : undefined;
    const r = runCli(c.args.map((a) => a.replace('DIR', dir)), { env });
    expect(r.code, r.stderr).toBe(2);
    for (const s of c.says) expect(r.stderr).toContain(s.replace('DIR', dir));
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/);
    expect(filesIn(dir).sort()).toEqual(Object.keys(c.files ?? {}).map((f) => f.split('/').pop()!).sort());
  });
});
