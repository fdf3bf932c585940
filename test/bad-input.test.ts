import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { example, filesIn, runCli, tempDir } from './helpers/cli.js';

const GOOD = readFileSync(example('phuong-binh-thanh.yaml'), 'utf8');

/** A profile changed in one place, so each case names exactly one problem. */
const edit = (from: string, to: string) => {
  if (!GOOD.includes(from)) throw new Error(`example profile has no "${from}"`);
  return GOOD.replace(from, to);
};

interface Case {
  name: string;
  profile: string;
  /** What the message must name: the field (or option), the line, and words of the explanation. */
  field?: string;
  line?: number;
  says: string;
  args?: string[];
  /** Put a wide logo beside the profile, or a huge one. */
  logo?: boolean | 'huge';
}

const LONG = 'Ủy ban nhân dân phường có một cái tên rất dài dài dài dài để thử ';
const cases: Case[] = [
  { name: 'a missing unit name', profile: edit('  name: Ủy ban nhân dân phường Bình Thạnh\n', ''), field: 'unit.name', line: 5, says: 'thiếu mục bắt buộc' },
  { name: 'an empty unit name', profile: edit('name: Ủy ban nhân dân phường Bình Thạnh', 'name: ""'), field: 'unit.name', line: 5, says: 'để trống' },
  { name: 'a wrong phone', profile: edit('phone: "0907028318"', 'phone: "0123"'), field: 'contact.phone', line: 10, says: 'không phải số điện thoại Việt Nam' },
  { name: 'a phone with letters', profile: edit('phone: "0907028318"', 'phone: "09o7 028 318"'), field: 'contact.phone', line: 10, says: 'không phải số điện thoại' },
  { name: 'a non-http link', profile: edit('ios: https://apps.apple.com/vn/app/vneid/id1582750372', 'ios: ftp://apps.apple.com/vneid'), field: 'qr.ios', line: 20, says: 'http:// hoặc https://' },
  { name: 'a javascript: link', profile: edit('android: https://play.google.com/store/apps/details?id=com.vnid', 'android: "javascript:alert(1)"'), field: 'qr.android', line: 21, says: 'http:// hoặc https://' },
  { name: 'an impossible date', profile: edit('deadline: 2027-03-31', 'deadline: 2023-02-30'), field: 'deadline', line: 11, says: 'không phải một ngày có thật' },
  { name: 'a month 13', profile: edit('deadline: 2027-03-31', 'deadline: 28/13/2023'), field: 'deadline', line: 11, says: 'không phải một ngày có thật' },
  { name: 'broken YAML (unclosed quote)', profile: edit('phone: "0907028318"', 'phone: "0907028318'), line: 10, says: 'cú pháp YAML' },
  { name: 'broken YAML (tab indent)', profile: edit('  name: Trần Văn An', '\tname: Trần Văn An'), line: 8, says: 'Tab' },
  { name: 'a misspelt field', profile: edit('contact:', 'contcat:'), field: 'contcat', line: 7, says: 'không có trong mẫu hồ sơ' },
  { name: 'an emoji the font lacks', profile: edit('name: Công an phường Bình Thạnh', 'name: Công an phường Bình Thạnh 😀'), field: 'venues.0.name', line: 13, says: 'U+1F600' },
  { name: 'a symbol the font lacks', profile: edit('title: Phó Trưởng', 'title: ☎ Phó Trưởng'), field: 'contact.title', line: 9, says: 'U+260E' },
  { name: 'a unit name over 120 characters', profile: edit('name: Ủy ban nhân dân phường Bình Thạnh', `name: ${LONG.repeat(3).slice(0, 130)}`), field: 'unit.name', line: 5, says: 'dài quá 120 ký tự' },
  {
    name: 'a unit name too long to fit beside the logo',
    profile: edit('name: Ủy ban nhân dân phường Bình Thạnh', `name: ${LONG.repeat(2).slice(0, 118).trim()}\n  logo: logo.png`),
    field: 'unit.name',
    says: 'quá dài, không vừa hai dòng',
    logo: true,
  },
  { name: 'an empty file', profile: '', line: 1, says: 'trống' },
  { name: 'a profile that is a list', profile: '- a\n- b\n', line: 1, says: 'không đúng mẫu' },
  { name: 'an unknown guide', profile: GOOD, field: '--guide', says: 'không có hướng dẫn "khong-co"', args: ['--guide', 'khong-co'] },
  { name: 'an unknown paper size', profile: GOOD, says: 'a3', args: ['--size', 'a3'] },
  { name: 'a dpi out of range', profile: GOOD, field: '--dpi', says: 'từ 72 đến 600', args: ['--dpi', '5000', '--out', 'OUT/x.png'] },
  { name: 'a logo file that does not exist', profile: edit('  parent:', '  logo: khong-co.png\n  parent:'), field: 'unit.logo', says: 'không tìm thấy tệp logo' },
  { name: 'a logo of 30 million pixels', profile: edit('  parent:', '  logo: logo.png\n  parent:'), field: 'unit.logo', says: 'ảnh logo quá lớn (6000 × 5000 điểm ảnh)', logo: 'huge' },
  { name: 'a logo that is not an image', profile: edit('  parent:', '  logo: don-vi.yaml\n  parent:'), field: 'unit.logo', says: 'không phải ảnh' },
  { name: 'a file name that contradicts --format', profile: GOOD, field: '--out', says: 'đuôi', args: ['--format', 'png', '--out', 'OUT/x.pdf'] },
];

describe('bad input: exit 2, a message naming the place and the fix, and no file written', () => {
  it.each(cases)('$name', async (c) => {
    const dir = tempDir();
    const unit = join(dir, 'don-vi.yaml');
    writeFileSync(unit, c.profile);
    const before = ['don-vi.yaml'];
    if (c.logo) {
      const [width, height] = c.logo === 'huge' ? [6000, 5000] : [400, 100];
      await sharp({ create: { width, height, channels: 3, background: '#C8102E' } }).png().toFile(join(dir, 'logo.png'));
      before.unshift('logo.png');
    }
    const outDir = join(dir, 'OUT');
    const args = c.args ?? [];
    const out = args.includes('--out') ? [] : ['--out', join(outDir, 'to-roi.pdf')];
    const guide = args.includes('--guide') ? [] : ['--guide', 'kich-hoat'];
    const r = runCli(['leaflet', '--unit', unit, ...guide, ...out, ...args.map((a) => a.replace('OUT', outDir))]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(c.says);
    if (c.field) expect(r.stderr).toContain(`mục ${c.field}`);
    if (c.line) expect(r.stderr).toContain(`dòng ${c.line}`);
    if (!c.args) expect(r.stderr).toContain(`tệp ${unit}`);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
    expect(r.stdout).toBe('');
    expect(filesIn(dir).sort()).toEqual(before.sort());
  });

  it('validate reports every problem of a profile at once, each with its line', () => {
    const dir = tempDir();
    const unit = join(dir, 'don-vi.yaml');
    writeFileSync(unit, edit('phone: "0907028318"', 'phone: "0123"').replace('deadline: 2027-03-31', 'deadline: 2023-02-30'));
    const r = runCli(['validate', '--unit', unit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('2 chỗ cần sửa');
    expect(r.stderr).toMatch(/dòng 10, mục contact\.phone/);
    expect(r.stderr).toMatch(/dòng 11, mục deadline/);
  });

  it('validate takes --allow-scheme as the drawing commands do', () => {
    const dir = tempDir();
    const unit = join(dir, 'don-vi.yaml');
    writeFileSync(unit, edit('  android: https://play.google.com/store/apps/details?id=com.vnid', '  android: https://play.google.com/store/apps/details?id=com.vnid\n  extra:\n    - label: Gọi tổ công tác\n      url: tel:0907028318'));
    const refused = runCli(['validate', '--unit', unit]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('tel:');
    for (const command of [['validate', '--unit', unit], ['leaflet', '--unit', unit, '--guide', 'muc-1', '--out', join(dir, 'a.pdf')]]) {
      const r = runCli([...command, '--allow-scheme', 'tel']);
      expect(r.code, r.stderr).toBe(0);
    }
  });

  it('a missing profile file says so, with exit 2', () => {
    const r = runCli(['validate', '--unit', 'khong-co.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('không tìm thấy tệp hồ sơ');
  });

  it('a profile not saved as UTF-8 is refused with how to re-save it', () => {
    const dir = tempDir();
    const unit = join(dir, 'don-vi.yaml');
    writeFileSync(unit, Buffer.from('unit:\n  name: Ph\xF0\xF4\xFDng 13\n', 'latin1'));
    const r = runCli(['validate', '--unit', unit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('UTF-8');
  });

  it('an unknown command suggests the right one', () => {
    const r = runCli(['leeflet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('leaflet');
  });
});
