import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDeadline, parseDeadline, todayFrom } from '../src/content/deadline.js';
import { contentStamp, parseGuideMeta, splitGuideSource } from '../src/content/guide-meta.js';
import { missingNeeds } from '../src/content/guide-needs.js';
import { findGuide, guideFromFile, listGuides, renderGuide } from '../src/content/guides.js';
import { parseProfile } from '../src/content/profile.js';
import { UserError } from '../src/errors.js';
import type { LaidOutDocument, Page } from '../src/layout/display-list.js';
import { loadFonts } from '../src/layout/fonts.js';
import { layoutHandout } from '../src/products/handout.js';
import { layoutLeaflet } from '../src/products/leaflet.js';
import { layoutPoster } from '../src/products/poster.js';
import { renderDocument } from '../src/export/render.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../src/products/screen-image.js';
import { layoutStickerSheets, stickerReminder } from '../src/products/sticker-sheet.js';
import { loadUnit, type UnitContext } from '../src/products/unit-context.js';
import { loadSheetPreset } from '../src/layout/sheet-preset.js';
import { profileFromForm, yamlToForm } from '../src/page/profile-form.js';
import { example, filesIn, ROOT, runCli, tempDir } from './helpers/cli.js';
import { readPdf } from './helpers/pdf-text.js';
import { readQrCodes } from './helpers/qr-read.js';

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

describe('guide front matter', () => {
  const frontMatter = (lines: string[]) => lines.join('\n');
  const VALID = ['title: Thử', 'audience: Mọi người', 'action: install-app', 'deadline: true', 'reviewed: 2026-11-01', 'sources:', '  - { document: Văn bản 1, issuer: Bộ Công an, date: 2025-02-17, short: HD 1 }'];

  it('reads every shipped guide: who it is for, its call to action, its sources and the day it was checked', () => {
    for (const info of listGuides()) {
      const { meta } = info;
      expect(meta.audience.length, info.id).toBeGreaterThan(10);
      expect(meta.sources.length, info.id).toBeGreaterThan(0);
      // Checked against the rules in force since the two-tier reform of 1/7/2025, and not in the future.
      expect(formatDeadline(meta.reviewed), info.id).toMatch(/\/20(2[5-9])$/);
      expect(meta.reviewed.year * 10000 + meta.reviewed.month * 100 + meta.reviewed.day).toBeGreaterThanOrEqual(20250701);
      expect(meta.reviewed.year * 10000 + meta.reviewed.month * 100 + meta.reviewed.day).toBeLessThanOrEqual(20261128);
    }
    expect(findGuide('dich-vu-cong').meta.action).toBe('open-portal');
    expect(findGuide('dich-vu-cong').meta.links.portal).toBe(PORTAL);
    expect(findGuide('muc-2').meta.action).toBe('visit-office');
    expect(findGuide('tien-ich').meta.takesDeadline).toBe(false);
    expect(findGuide('kich-hoat').meta.takesDeadline).toBe(true);
  });

  it('names the 2025 guidance of the Ministry of Public Security on the guides it changed', () => {
    for (const id of ['muc-2', 'dich-vu-cong']) {
      const hd08 = findGuide(id).meta.sources.find((s) => s.document.startsWith('Hướng dẫn số 08'));
      expect(hd08, id).toMatchObject({ issuer: 'Bộ Công an', date: { year: 2025, month: 2, day: 17 } });
    }
  });

  it('stamps a print with the documents it follows and the day its content was checked', () => {
    const meta = parseGuideMeta(frontMatter([...VALID, '  - { document: Văn bản 2, issuer: Quốc hội, date: 2023-11-27, short: Luật 2 }', '  - { document: Công văn cũ, issuer: UBND, date: 2023-04-14 }']), 'g.hbs');
    expect(contentStamp(meta)).toBe('Nội dung theo HD 1 và Luật 2 · cập nhật 1/11/2026');
    expect(contentStamp(meta, { short: true })).toBe('Cập nhật 1/11/2026');
  });

  const refused = (yaml: string): UserError => {
    try {
      parseGuideMeta(yaml, 'g.hbs');
    } catch (err) {
      if (err instanceof UserError) return err;
      throw err;
    }
    throw new Error('accepted');
  };

  it('refuses a guide without a review date, naming the field', () => {
    const err = refused(frontMatter(VALID.filter((l) => !l.startsWith('reviewed'))));
    expect(err.problems[0]).toMatchObject({ file: 'g.hbs', field: 'reviewed' });
    expect(err.problems[0]!.message).toContain('ngày kiểm tra nội dung');
  });

  it('refuses every unknown key, each on its own line of the file', () => {
    const err = refused(frontMatter([...VALID.slice(0, 2), 'summary: cũ', 'muc: x', ...VALID.slice(2)]));
    expect(err.problems.map((p) => [p.field, p.line])).toEqual([
      ['summary', 4],
      ['muc', 5],
    ]);
  });

  it('refuses an unknown call to action and an impossible review date', () => {
    const err = refused(frontMatter(VALID.map((l) => l.replace('install-app', 'goi-dien').replace('2026-11-01', '2026-02-30'))));
    expect(err.problems.map((p) => p.field).sort()).toEqual(['action', 'reviewed']);
    expect(err.message).toContain('install-app, open-portal, visit-office');
    expect(err.message).toContain('"2026-02-30" không phải một ngày có thật');
  });

  it('refuses a file without front matter, on line 1', () => {
    expect(() => splitGuideSource('## Một bước\n', 'g.hbs')).toThrow(/dòng 1: mẫu hướng dẫn thiếu phần đầu/);
  });
});

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

describe('campaign dates that mean something', () => {
  const fonts = loadFonts();
  const profileWith = (deadline: string) => `unit:\n  name: UBND xã A\ndeadline: ${deadline}\n`;
  const parse = (deadline: string) => parseProfile(profileWith(deadline), 'p.yaml', { missingGlyphs: fonts.missingGlyphs, today: TODAY });

  it('refuses a date already past, naming the line and the field', () => {
    expect(() => parse('2026-11-27')).toThrow(UserError);
    try {
      parse('2023-04-28');
    } catch (err) {
      expect((err as UserError).problems[0]).toMatchObject({ file: 'p.yaml', line: 3, field: 'deadline' });
      expect((err as UserError).message).toContain('ngày 28/4/2023 đã qua (hôm nay là 28/11/2026)');
    }
  });

  it('accepts today, and dates written the way clerks write them', () => {
    expect(parse('2026-11-28').deadline!.printed).toBe('28/11/2026');
    expect(parse('31/3/2027').deadline!.printed).toBe('31/3/2027');
    expect(parse('"31 3 2027"').deadline!.printed).toBe('31/3/2027');
  });

  it("takes today from Vietnam's clock, or from VNEID_PRINT_TODAY", () => {
    // 17:30 UTC on 28/11 is already 29/11 in Hà Nội.
    expect(todayFrom({}, new Date('2026-11-28T17:30:00Z'))).toEqual({ year: 2026, month: 11, day: 29 });
    expect(todayFrom({ VNEID_PRINT_TODAY: '2027-01-02' }, new Date('2026-11-28T00:00:00Z'))).toEqual({ year: 2027, month: 1, day: 2 });
  });

  it('the drawing commands and validate refuse a past date, and nothing is written', () => {
    const dir = tempDir();
    const unit = join(dir, 'don-vi.yaml');
    writeFileSync(unit, readFileSync(example('phuong-binh-thanh.yaml'), 'utf8').replace('deadline: 2027-03-31', 'deadline: 2026-11-27'));
    const leaflet = runCli(['leaflet', '--unit', unit, '--guide', 'kich-hoat', '--out', join(dir, 'to-roi.pdf')]);
    expect(leaflet.code).toBe(2);
    expect(leaflet.stderr).toContain('dòng 11, mục deadline: ngày 27/11/2026 đã qua');
    expect(filesIn(dir)).toEqual(['don-vi.yaml']);
    const validate = runCli(['validate', '--unit', unit]);
    expect(validate.code).toBe(2);
    expect(validate.stderr).toContain('đã qua');
  });

  it('the web form flags a past date under its field and never drops an impossible one', () => {
    const form = (deadline: string) => ({ unit: { name: 'UBND xã A', parent: '' }, contact: { name: '', title: '', phone: '' }, deadline, venues: [] });
    try {
      profileFromForm(form('1/11/2026'), fonts, [], TODAY);
      expect.unreachable();
    } catch (err) {
      expect((err as UserError).problems[0]).toMatchObject({ field: 'deadline' });
    }
    expect(profileFromForm(form('31/3/2027'), fonts, [], TODAY).deadline!.printed).toBe('31/3/2027');
    const loaded = yamlToForm(profileWith('2023-02-30'), 'p.yaml', fonts, [], TODAY);
    expect(loaded.form.deadline).toBe('2023-02-30');
    expect(loaded.errors[0]).toMatchObject({ field: 'deadline' });
    expect(yamlToForm(profileWith('2027-03-31'), 'p.yaml', fonts, [], TODAY).form.deadline).toBe('31/3/2027');
  });
});

describe('what a profile lacks for a guide', () => {
  it('names the field a guide needs when the profile has none', async () => {
    const unit = await loadUnit(example('xa-thanh-nhut.yaml'), { today: TODAY });
    expect(missingNeeds(findGuide('muc-2'), unit.profile).map((n) => n.field)).toEqual(['venues']);
    expect(missingNeeds(findGuide('kich-hoat'), unit.profile)).toEqual([]);
    const sticker = guideFromFile(join(ROOT, 'templates/stickers/nhac-viec.hbs'));
    expect(missingNeeds(sticker, { ...unit.profile, contact: undefined })[0]!.message).toContain('contact.phone');
  });

  it('validate says so, and still accepts the profile', () => {
    const r = runCli(['validate', '--unit', example('xa-thanh-nhut.yaml')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Lưu ý: mục venues: hướng dẫn "muc-2".+thêm mục venues/);
  });
});
