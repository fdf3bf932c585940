import LineBreaker from 'linebreak';
import { describe, expect, it } from 'vitest';
import { plain, type RichText } from '../../src/content/rich-text.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { breakLines, type BreakStyle, type TextLine } from '../../src/layout/line-break.js';
import { createMeasurer } from '../../src/layout/measure.js';
import { textBlock } from '../../src/layout/text-block.js';

// Plain data, measured with the real font (Be Vietnam Pro): each width is chosen so
// that greedy breaking at every UAX #14 opportunity would split the group under test.
const m = createMeasurer(loadFonts());
const body: BreakStyle = { size: 10, font: 'regular', strongFont: 'bold' };
const heading: BreakStyle = { size: 13, font: 'extrabold', strongFont: 'extrabold', noWidow: true };

const width = (text: string, style = body) => m.width(text, style.font, style.size);
/** Just room for `text` on one line. */
const room = (text: string, style = body) => width(text, style) + 0.5;
const lines = (text: RichText | string, maxWidth: number, style = body) =>
  breakLines(typeof text === 'string' ? plain(text) : text, maxWidth, style, m).map((l) => l.pieces.map((p) => p.text).join(''));

/** Breaking as it was before the Vietnamese rules: greedy, at every UAX #14 opportunity. */
function greedy(text: string, maxWidth: number, style = body): string[] {
  const out: string[] = [];
  let line = '';
  let last = 0;
  const breaker = new LineBreaker(text);
  for (let br = breaker.nextBreak(); br; br = breaker.nextBreak()) {
    const seg = text.slice(last, br.position);
    last = br.position;
    if (line && width((line + seg).trimEnd(), style) > maxWidth) {
      out.push(line.trimEnd());
      line = '';
    }
    line += seg;
  }
  if (line) out.push(line.trimEnd());
  return out;
}

describe('a phone number stays whole, with its label', () => {
  it.each([
    ['Liên hệ cán bộ phường ĐT 0907 028 318', 'Liên hệ cán bộ phường ĐT 0907 028', ['Liên hệ cán bộ phường', 'ĐT 0907 028 318']],
    ['Gọi cán bộ phường SĐT: 0907 028 318', 'Gọi cán bộ phường SĐT: 0907', ['Gọi cán bộ phường', 'SĐT: 0907 028 318']],
    ['Mọi thắc mắc xin gọi Hotline 1900 1234', 'Mọi thắc mắc xin gọi Hotline 1900', ['Mọi thắc mắc xin gọi', 'Hotline 1900 1234']],
    ['Phường Bình Thạnh · Hỗ trợ: 0907 028 318', 'Phường Bình Thạnh · Hỗ trợ: 0907 028', ['Phường Bình Thạnh ·', 'Hỗ trợ: 0907 028 318']],
    ['Phường Bình Thạnh · Hỗ trợ: 0907 028 318', 'Phường Bình Thạnh · Hỗ', ['Phường Bình Thạnh ·', 'Hỗ trợ: 0907 028 318']],
    ['Hỏi đáp qua tổng đài 028 3841 1234', 'Hỏi đáp qua tổng đài 028 3841', ['Hỏi đáp qua', 'tổng đài 028 3841 1234']],
  ])('%s', (text, fits, expected) => {
    expect(greedy(text, room(fits))).not.toEqual(expected);
    expect(lines(text, room(fits))).toEqual(expected);
  });

  it('is one piece of text per font on its line, as before', () => {
    const rich: RichText = [{ text: 'Hỗ trợ: 0907 028 318', strong: true }, { text: ' · Ủy ban nhân dân phường Bình Thạnh', strong: false }];
    const [first] = breakLines(rich, width('Hỗ trợ: 0907 028 318', { ...body, font: 'bold' }) + width(' · Ủy ban') + 0.5, body, m);
    expect(first!.pieces.map((p) => [p.text, p.font])).toEqual([
      ['Hỗ trợ: 0907 028 318', 'bold'],
      [' · Ủy ban', 'regular'],
    ]);
  });
});

describe('a number stays with the word that names it', () => {
  it.each([
    ['Tài khoản định danh điện tử mức 1', 'Tài khoản định danh điện tử mức', ['Tài khoản định danh điện tử', 'mức 1']],
    ['Đăng ký tài khoản mức 2 tại Công an', 'Đăng ký tài khoản mức', ['Đăng ký tài khoản', 'mức 2 tại Công an']],
    ['125 Nơ Trang Long, Phường 13', '125 Nơ Trang Long, Phường', ['125 Nơ Trang Long,', 'Phường 13']],
    ['Ủy ban nhân dân phường 13', 'Ủy ban nhân dân phường', ['Ủy ban nhân dân', 'phường 13']],
    ['Nhà văn hóa khu phố số 12', 'Nhà văn hóa khu phố số', ['Nhà văn hóa khu phố', 'số 12']],
    ['Nhóm Zalo của cư dân Tòa A', 'Nhóm Zalo của cư dân Tòa', ['Nhóm Zalo của cư dân', 'Tòa A']],
    ['Bãi xe phía sau Lô C', 'Bãi xe phía sau Lô', ['Bãi xe phía sau', 'Lô C']],
    ['Sau đó làm tiếp Bước 3', 'Sau đó làm tiếp Bước', ['Sau đó làm tiếp', 'Bước 3']],
    ['Phụ huynh học sinh lớp 6A1', 'Phụ huynh học sinh lớp', ['Phụ huynh học sinh', 'lớp 6A1']],
    ['Ủy ban nhân dân Quận 1', 'Ủy ban nhân dân Quận', ['Ủy ban nhân dân', 'Quận 1']],
  ])('%s', (text, fits, expected) => {
    expect(greedy(text, room(fits))).not.toEqual(expected);
    expect(lines(text, room(fits))).toEqual(expected);
  });
});

describe('times, dates and counts read whole', () => {
  it.each([
    ['Thứ Hai – Thứ Bảy, 7:30–11:30', 'Thứ Hai – Thứ Bảy, 7:30–', ['Thứ Hai – Thứ Bảy,', '7:30–11:30']],
    ['Buổi sáng, 7:30 – 11:30', 'Buổi sáng, 7:30 –', ['Buổi sáng,', '7:30 – 11:30']],
    ['Hằng ngày, thêm ca tối 18:30–19:30', 'Hằng ngày, thêm ca tối 18:30–', ['Hằng ngày, thêm ca tối', '18:30–19:30']],
    ['7:30–11:30 và 13:30–17:00', '7:30–11:30 và 13:30–', ['7:30–11:30 và', '13:30–17:00']],
    ['Hạn chót kích hoạt: ngày 31/3/2027', 'Hạn chót kích hoạt: ngày', ['Hạn chót kích hoạt:', 'ngày 31/3/2027']],
    ['Đặt mật khẩu dài 8–20 ký tự', 'Đặt mật khẩu dài 8–', ['Đặt mật khẩu', 'dài 8–20 ký tự']],
    ['Đặt mật khẩu dài 8–20 ký tự', 'Đặt mật khẩu dài 8–20', ['Đặt mật khẩu', 'dài 8–20 ký tự']],
    ['Nhập mã OTP gồm 6 chữ số', 'Nhập mã OTP gồm 6', ['Nhập mã OTP', 'gồm 6 chữ số']],
    ['Đặt passcode 6 chữ số', 'Đặt passcode 6', ['Đặt passcode', '6 chữ số']],
    ['Hãy trả lời 2 câu hỏi', 'Hãy trả lời 2', ['Hãy trả', 'lời 2 câu hỏi']],
  ])('%s', (text, fits, expected) => {
    expect(greedy(text, room(fits))).not.toEqual(expected);
    expect(lines(text, room(fits))).toEqual(expected);
  });

  it('a number that names a thing is not tied to the word after it', () => {
    // "mức 2" is whole; "2 dùng" is not a count with its unit.
    expect(lines('Tài khoản mức 2 dùng được', room('Tài khoản mức 2 dùn'))).toEqual(['Tài khoản mức 2', 'dùng được']);
  });
});

describe('building names break where they read well', () => {
  it('keeps "– Tòa B" together and a name whole', () => {
    expect(lines('Chung cư Ngọc Lan – Tòa B', room('Chung cư Ngọc Lan –'))).toEqual(['Chung cư Ngọc Lan', '– Tòa B']);
    expect(lines('Chung cư Ngọc Lan – Tòa B', room('Chung cư Ngọc Lan – Tòa'))).toEqual(['Chung cư Ngọc Lan', '– Tòa B']);
    expect(lines('Chung cư Ngọc Lan – Tòa B', room('Chung cư Ngọc'))).toEqual(['Chung cư', 'Ngọc Lan', '– Tòa B']);
    expect(lines('Lô C – Chung cư Nơ Trang Long', room('Lô C – Chung cư Nơ'))).toEqual(['Lô C – Chung cư', 'Nơ Trang Long']);
  });

  it('never starts a line with a dash left on its own', () => {
    for (let w = 40; w <= 200; w += 5) {
      for (const line of lines('Tòa nhà số 12 – Khu đô thị Ngọc Lan', w, heading)) expect(line).not.toBe('–');
      for (const line of lines('Chung cư Ngọc Lan – Tòa B', w)) expect(line.endsWith('–')).toBe(false);
    }
  });

  it('keeps a place with its kind: "phường Bình Thạnh"', () => {
    expect(lines('125 Nơ Trang Long, phường Bình Thạnh', room('125 Nơ Trang Long, phường Bình'))).toEqual(['125 Nơ Trang Long,', 'phường Bình Thạnh']);
  });

  it('balance does not narrow a title into breaking a name', () => {
    const style = { ...heading, color: '#000000' as const, leading: 1.15, balance: true };
    const block = textBlock('Chung cư Bình Thạnh Xanh', room('Chung cư Bình Thạnh', heading), style, m);
    expect(block.lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['Chung cư', 'Bình Thạnh Xanh']);
  });

  it('a balanced sticker name: "Chung cư / Ngọc Lan – Tòa B", not "Chung cư Ngọc / Lan – Tòa B"', () => {
    const block = textBlock('Chung cư Ngọc Lan – Tòa B', room('Chung cư Ngọc Lan – Tòa', heading), { ...heading, color: '#000000', leading: 1.15, balance: true }, m);
    expect(block.lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['Chung cư', 'Ngọc Lan – Tòa B']);
  });
});

describe('when a group is wider than the line', () => {
  it('breaks it at its weakest joints first: label, then the number groups', () => {
    const text = 'Liên hệ ĐT 0907 028 318';
    // The label and the number do not fit together, the number alone does.
    expect(lines(text, room('0907 028 318'))).toEqual(['Liên hệ ĐT', '0907 028 318']);
    // The number alone does not fit: ordinary greedy breaking between its groups, never inside one.
    const narrow = breakLines(plain(text), room('0907 028'), body, m);
    expect(narrow.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['Liên hệ', 'ĐT 0907', '028 318']);
    expect(narrow.some((l) => l.splitWord)).toBe(false);
    // ...and says where it broke a group, so that balance can avoid it.
    expect(narrow.map((l) => !!l.brokeGroup)).toEqual([false, true, false]);
  });

  it('keeps a time range whole before its label', () => {
    expect(lines('ca tối 18:30–19:30', room('tối 18:30–19:3'))).toEqual(['ca tối', '18:30–19:30']);
    expect(lines('ca tối 18:30–19:30', room('18:30–'))).toEqual(['ca tối', '18:30–', '19:30']);
  });

  it('splits a word between letters only when it alone is wider than the line, as before', () => {
    const max = room('09070');
    const result = breakLines(plain('Mã 0907028318'), max, body, m);
    expect(result[0]!.pieces.map((p) => p.text)).toEqual(['Mã']);
    expect(result.slice(1).map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe('0907028318');
    expect(result.length).toBeGreaterThan(2);
    expect(result.slice(1, -1).every((l) => l.splitWord)).toBe(true);
    for (const line of result) expect(line.width).toBeLessThanOrEqual(max);
  });
});

describe('ordinary text breaks exactly as before', () => {
  const paragraphs = [
    'Mở ứng dụng, chọn kích hoạt tài khoản, rồi nhập mã được gửi qua tin nhắn về điện thoại của bạn.',
    'Không đưa mã cho bất kỳ ai, kể cả người xưng là cán bộ; cán bộ không bao giờ hỏi mã này.',
    'Quét mã trên tờ này để mở đúng trang tải ứng dụng, rồi cài đặt như mọi ứng dụng khác.',
  ];
  it.each(paragraphs)('%s', (text) => {
    const bold = { ...body, font: 'extrabold' } as const;
    for (let w = 40; w <= 400; w += 7) {
      expect(lines(text, w)).toEqual(greedy(text, w));
      expect(lines(text, w, bold)).toEqual(greedy(text, w, bold));
    }
  });

  it('emphasis keeps its own pieces', () => {
    const rich: RichText = [{ text: 'Mở ứng dụng, chọn ', strong: false }, { text: 'kích hoạt tài khoản', strong: true }, { text: ' rồi làm theo hướng dẫn.', strong: false }];
    const result = breakLines(rich, room('Mở ứng dụng, chọn kích hoạt'), body, m);
    expect(result.map((l) => l.pieces.map((p) => `${p.font}:${p.text}`))).toEqual([
      ['regular:Mở ứng dụng, chọn ', 'bold:kích'],
      ['bold:hoạt tài khoản', 'regular: rồi làm theo'],
      ['regular:hướng dẫn.'],
    ]);
  });
});

describe('no word alone on the last line of a heading', () => {
  const title = 'Kích hoạt tài khoản định danh điện tử';
  const w = room('Kích hoạt tài khoản định danh điện', heading);

  it('moves a word down to keep the last one company', () => {
    expect(lines(title, w, { ...heading, noWidow: false })).toEqual(['Kích hoạt tài khoản định danh điện', 'tử']);
    expect(lines(title, w, heading)).toEqual(['Kích hoạt tài khoản định danh', 'điện tử']);
  });

  it('leaves body text filling its lines', () => {
    expect(lines(title, room('Kích hoạt tài khoản định danh điện'))).toEqual(['Kích hoạt tài khoản định danh điện', 'tử']);
  });

  it('is on for balanced titles, and never adds a line', () => {
    const style = { ...heading, noWidow: undefined, color: '#000000' as const, leading: 1.15 };
    for (let width = 60; width <= 300; width += 10) {
      const plainLines = textBlock(title, width, style, m).lines;
      const balanced = textBlock(title, width, { ...style, balance: true }, m).lines;
      expect(balanced.length).toBeLessThanOrEqual(plainLines.length);
      if (balanced.length > 1) expect(balanced.at(-1)!.pieces.map((p) => p.text).join('')).toContain(' ');
    }
  });

  it('does not leave a word alone on the line before instead', () => {
    // Greedy: "Quét mã / ngay bây / giờ"; moving "bây" down would leave "ngay" alone.
    expect(lines('Quét mã ngay bây giờ', room('ngay bây', heading), { ...heading, noWidow: false })).toEqual(['Quét mã', 'ngay bây', 'giờ']);
    expect(lines('Quét mã ngay bây giờ', room('ngay bây', heading), heading)).toEqual(['Quét mã', 'ngay bây', 'giờ']);
  });
});

describe('balanced lines', () => {
  /** Balancing spelled out: bisect the measure, breaking the text afresh at every trial. */
  function bisected(text: string, maxWidth: number, style: BreakStyle): string[] {
    const broken = (w: number) => breakLines(plain(text), w, { ...style, balance: false }, m);
    const brokenGroups = (ls: TextLine[]) => ls.slice(0, -1).filter((l) => l.brokeGroup).length;
    const first = broken(maxWidth);
    let lo = maxWidth / first.length;
    let hi = maxWidth;
    if (first.length > 1) {
      for (let i = 0; i < 10; i++) {
        const mid = (lo + hi) / 2;
        const trial = broken(mid);
        if (trial.length > first.length || brokenGroups(trial) > brokenGroups(first)) lo = mid;
        else hi = mid;
      }
    }
    return broken(hi).map((l) => l.pieces.map((p) => p.text).join(''));
  }

  it('are those of a bisection that breaks the text at every trial (trials within a measure already tried are not broken again)', () => {
    const names = ['Tòa nhà số 137 – Khu đô thị Ngọc Lan', 'Chung cư Ngọc Lan – Tòa B2', 'Nhà văn hóa khu phố 5, phường Bình Thạnh', 'Ký túc xá Đại học Quốc gia, nhà A3', 'Siêuuuuuuuuuuuuuuuuudàiiiiiiiiiiii Tòa C'];
    for (const name of names) {
      for (let width = 40; width <= 260; width += 7.3) {
        for (const style of [heading, { ...heading, noWidow: false }, { ...body, size: 7.5 }]) {
          expect(lines(name, width, { ...style, balance: true }), `${name} in ${width}`).toEqual(bisected(name, width, style));
        }
      }
    }
  });
});
