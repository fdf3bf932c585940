import { beforeAll, describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/content/deadline.js';
import { findGuide, listGuides, renderGuide } from '../../src/content/guides.js';
import type { LaidOutDocument, Page } from '../../src/layout/display-list.js';
import { loadSheetPreset } from '../../src/layout/sheet-preset.js';
import { renderDocument } from '../../src/export/render.js';
import { layoutHandout } from '../../src/products/handout.js';
import { layoutLeaflet } from '../../src/products/leaflet.js';
import { layoutPoster } from '../../src/products/poster.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../../src/products/screen-image.js';
import { layoutStickerSheets, stickerReminder } from '../../src/products/sticker-sheet.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { example } from '../helpers/cli.js';
import { readPdf } from '../helpers/pdf-text.js';
import { readQrCodes } from '../helpers/qr-read.js';

/**
 * What each guide tells people, read back from the PDF as a viewer shows it, and
 * the codes each product carries, decoded from its picture.
 */
const TODAY = parseDeadline('2026-11-28')!;
const PORTAL = 'https://dichvucong.gov.vn';

async function pdfText(unit: UnitContext, doc: LaidOutDocument): Promise<string> {
  const [pdf] = await renderDocument(doc, unit.fonts, { format: 'pdf', dpi: 72 });
  return (await readPdf(pdf!)).map((p) => p.text).join(' ');
}

async function codesOn(unit: UnitContext, page: Page, dpi: number): Promise<string[]> {
  const [png] = await renderDocument({ title: '', author: '', pages: [page] }, unit.fonts, { format: 'png', dpi });
  return readQrCodes(png!, page);
}

describe('what each guide prints (text read back from the PDF)', () => {
  let unit: UnitContext;
  const text = new Map<string, string>();

  beforeAll(async () => {
    unit = await loadUnit(example('phuong-binh-thanh.yaml'), { today: TODAY });
    for (const info of listGuides()) {
      const { doc } = layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper: 'a5', logo: unit.logo }, unit.m);
      text.set(info.id, await pdfText(unit, doc));
    }
  });

  it('prints every guide with its dated stamp and never an office, a search engine or a password that is not to be used', () => {
    for (const [id, t] of text) {
      expect(t, id).toMatch(/Nội dung theo .+ · cập nhật 28\/11\/2026/);
      expect(t, id).not.toMatch(/cấp huyện|Google|Ngoc@|Ngọc@|[A-Za-zÀ-ỹ]+@\d{3,}/);
    }
  });

  it('prints the intro of every guide that has one', () => {
    expect(text.get('muc-1')).toContain('Bạn cần: thẻ Căn cước (hoặc thẻ Căn cước công dân gắn chip còn hạn)');
    expect(text.get('dich-vu-cong')).toContain('Trẻ dưới 14 tuổi do cha, mẹ hoặc người giám hộ khai');
    expect(text.get('kich-hoat')).toContain('Bạn cần: điện thoại thông minh');
  });

  it('sends people for a level-2 account to the commune police or the province, as the 2025 rules say', () => {
    const t = text.get('muc-2')!;
    expect(t).toContain('Công an xã, phường, đặc khu nào cũng được, không cần đúng nơi cư trú');
    expect(t).toContain('Phòng Cảnh sát QLHC về TTXH Công an tỉnh, thành phố');
  });

  it('declares online in the app or on dichvucong.gov.vn, never through a search page', () => {
    const t = text.get('dich-vu-cong')!;
    expect(t).toContain('mở VNeID, chọn Thủ tục hành chính, rồi Cấp, đổi, cấp lại thẻ Căn cước');
    expect(t).toContain('dichvucong.gov.vn');
    expect(t).toContain('Không bấm đường link lạ');
  });

  it('warns against giving the OTP away, and describes the password without an example', () => {
    for (const id of ['kich-hoat', 'muc-1', 'muc-2']) expect(text.get(id), id).toMatch(/Không đưa mã OTP.+Cán bộ chỉ hỗ trợ trực tiếp/);
    expect(text.get('kich-hoat')).toContain('8 đến 20 ký tự, có đủ chữ hoa, chữ thường, chữ số và ký tự đặc biệt');
    expect(text.get('kich-hoat')).toContain('dùng điện thoại của cán bộ');
  });

  it('prints the campaign date as such on the procedures, and no date at all on the benefits guide', () => {
    expect(text.get('kich-hoat')).toContain('Đợt vận động đến hết ngày 31/3/2027');
    expect(text.get('tien-ich')).not.toMatch(/Đợt vận động|31\/3\/2027|Hạn hoàn thành/);
  });
});

describe('the call to action follows the guide', () => {
  let unit: UnitContext;
  let guide: ReturnType<typeof renderGuide>;
  beforeAll(async () => {
    unit = await loadUnit(example('phuong-binh-thanh.yaml'), { today: TODAY });
    guide = renderGuide(findGuide('dich-vu-cong'), unit.profile);
  });

  it('the dich-vu-cong leaflet carries a code that opens the portal', async () => {
    const { doc } = layoutLeaflet({ profile: unit.profile, guide, paper: 'a5' }, unit.m);
    const codes = (await Promise.all(doc.pages.map((page) => codesOn(unit, page, 200)))).flat();
    expect(codes).toEqual([PORTAL]);
    expect(await pdfText(unit, doc)).toContain('Quét mã để mở Cổng dịch vụ công');
  });

  it('the dich-vu-cong poster and screen picture carry the portal code and say so, without the store codes', async () => {
    const poster = layoutPoster({ profile: unit.profile, guide }, { size: 'a2', landscape: false, bleed: 0 }, unit.m);
    expect(await codesOn(unit, poster.doc.pages[0]!, 30)).toEqual([PORTAL]);
    expect(await pdfText(unit, poster.doc)).toContain('Quét mã để mở Cổng dịch vụ công');
    const image = layoutScreenImage({ profile: unit.profile, guide }, IMAGE_PRESETS['social-square'], unit.m).doc;
    expect(await codesOn(unit, image.pages[0]!, 96)).toEqual([PORTAL]);
  });

  it('the benefits poster has no campaign date; the activation poster has it', async () => {
    const posterText = async (id: string) => pdfText(unit, layoutPoster({ profile: unit.profile, guide: renderGuide(findGuide(id), unit.profile) }, { size: 'a3', landscape: false, bleed: 0 }, unit.m).doc);
    expect(await posterText('tien-ich')).not.toContain('Đợt vận động');
    const activation = await posterText('kich-hoat');
    expect(activation).toContain('Đợt vận động đến hết ngày 31/3/2027');
    expect(activation).toContain('Quét mã để cài ứng dụng VNeID');
    expect(activation).toContain('cập nhật 28/11/2026');
  });
});

describe('stickers and handouts carry the warning', () => {
  it('a lobby sticker covers both cases, warns about the OTP and is dated', async () => {
    const unit = await loadUnit(example('phuong-binh-thanh.yaml'), { today: TODAY });
    const { doc } = layoutStickerSheets(
      { profile: unit.profile, rows: [{ line: 2, block: 'Chung cư Ngọc Lan – Tòa A', address: '125 Nơ Trang Long' }], preset: loadSheetPreset('a4-2x4'), reminder: stickerReminder(unit.profile), dataFile: 't.csv' },
      unit.m,
    );
    const t = await pdfText(unit, doc);
    expect(t).toContain('Chưa có tài khoản mức 2: mang thẻ Căn cước đến Công an xã, phường');
    expect(t).toContain('Đã có tin nhắn phê duyệt: mở VNeID, chọn Kích hoạt');
    expect(t).toContain('Không đưa mã OTP, mật khẩu cho bất kỳ ai');
    expect(t).toContain('Cập nhật 28/11/2026');
  });

  it('a parent handout warns about the OTP and carries the campaign date and stamp', async () => {
    const unit = await loadUnit(example('truong-thcs-tan-trung.yaml'), { today: TODAY });
    const pages = layoutHandout(
      { name: '6A1', teacher: 'Cô Hoa', phone: '0907 028 318', line: 2, dataFile: 'c.csv' },
      { profile: unit.profile, logo: unit.logo, guide: renderGuide(findGuide('kich-hoat'), unit.profile), palette: 'grayscale', twoUp: false },
      unit.m,
    );
    const t = await pdfText(unit, { title: '', author: '', pages });
    expect(t).toContain('Không đưa mã OTP');
    expect(t).toContain('Đợt vận động đến hết ngày 31/5/2027');
    expect(t).toContain('cập nhật 28/11/2026');
  });
});
