import { findGuide, renderGuide } from '../../src/content/guides.js';
import { grayscaleLogo } from '../../src/content/logo.js';
import { loadSheetPreset } from '../../src/layout/sheet-preset.js';
import { layoutHandout, type HandoutOptions } from '../../src/products/handout.js';
import { layoutStickerSheets, stickerReminder, type StickerRow } from '../../src/products/sticker-sheet.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { example } from './cli.js';

/** Blocks of a ward: a long name with a dash, quotes and a link, a name alone with a long link. */
export const STICKER_ROWS: StickerRow[] = [
  { line: 2, block: 'Chung cư Ngọc Lan – Tòa A', address: '125 Nơ Trang Long, phường Bình Thạnh' },
  { line: 3, block: 'Tòa "Sky" Garden', address: '8 Nguyễn Xí', url: 'https://zalo.me/g/skygarden' },
  { line: 4, block: 'Khu tập thể Bộ đội Biên phòng', url: 'https://example.vn/khu-tap-the/bo-doi-bien-phong' },
];

/** Label papers that hold two codes at the size a 30-cm scan needs (a4-3x8 does not). */
export const HOLDING = ['a4-2x4', 'a4-4xa6', 'a5', 'a6'];

/** The sticker sheets of `unit` for `rows` on `preset`, or the refusal. */
export function stickerSheets(unit: UnitContext, preset: string, rows = STICKER_ROWS) {
  return layoutStickerSheets({ profile: unit.profile, rows, preset: loadSheetPreset(preset), reminder: stickerReminder(unit.profile), dataFile: 't.csv' }, unit.m);
}

/** Both sides of class 6A1's handout from `school` (the back carries the codes). */
export async function handoutPages(school: UnitContext, o: Partial<HandoutOptions> = {}, zalo: string | null = 'https://zalo.me/g/thcstantrung6a1') {
  const logo = o.palette === 'grayscale' ? await grayscaleLogo(school.logo!) : school.logo;
  const options: HandoutOptions = { profile: school.profile, logo, guide: renderGuide(findGuide('kich-hoat'), school.profile), palette: 'color', twoUp: false, ...o };
  return layoutHandout({ name: '6A1', teacher: 'Cô Nguyễn Thị Thanh Hương', phone: '0907 028 318', zalo: zalo ?? undefined, line: 2, dataFile: 'lop.csv' }, options, school.m);
}

/** The ward's unit and its "kich-hoat" guide, ready for a poster or a screen picture. */
export async function campaign(profile = example('phuong-binh-thanh.yaml')) {
  const unit = await loadUnit(profile);
  return { unit, input: { profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile), logo: unit.logo } };
}

/** A unit with long names and four long venues: the hardest case for a page or a picture. */
export async function crowdedUnit(): Promise<UnitContext> {
  const unit = await loadUnit(example('phuong-binh-thanh.yaml'));
  const venue = (i: number) => ({
    name: `Điểm tiếp nhận số ${i + 1} của Công an phường Bình Thạnh`,
    address: `Số ${120 + i} đường Nơ Trang Long, khu phố ${i + 3}, phường Bình Thạnh, Thành phố Hồ Chí Minh`,
    hours: 'Thứ Hai đến Thứ Bảy, sáng 7:30–11:30, chiều 13:30–17:00',
  });
  return {
    ...unit,
    profile: {
      ...unit.profile,
      unit: { name: 'Ủy ban nhân dân phường Bình Thạnh, Thành phố Hồ Chí Minh', parent: 'Ban Chỉ đạo thực hiện Đề án 06 của Ủy ban nhân dân phường' },
      contact: { name: 'Nguyễn Thị Thanh Hương', title: 'Phó Trưởng Công an phường, phụ trách cấp Căn cước', phone: '0907 028 318' },
      venues: [0, 1, 2, 3].map(venue),
    },
  };
}
