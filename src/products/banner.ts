import type { UnitProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { stack } from '../layout/block.js';
import type { LaidOutDocument } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { fitTextBlock } from '../layout/text-block.js';
import { LEADING, PALETTES } from '../layout/theme.js';

export const DEFAULT_SLOGAN = 'Cài đặt và kích hoạt tài khoản định danh điện tử VNeID';

/** A PDF page can be at most 200 inches (508 cm) on a side in common readers. */
const MAX_SIDE = 200 * 72;

/**
 * A street banner at real size: the slogan as large as it fits on one or two
 * lines, and the unit's name beneath, on the campaign red.
 */
export function layoutBanner(profile: UnitProfile, slogan: string, width: number, height: number, m: Measurer): LaidOutDocument {
  if (width > MAX_SIDE || height > MAX_SIDE) {
    throw new UserError({ field: 'size', message: 'băng rôn dài quá 508 cm, khổ lớn nhất mà tệp PDF thông dụng chứa được', hint: 'chia thành hai băng rôn, hoặc ghi kích thước nhỏ hơn' });
  }
  const colors = PALETTES.color;
  const short = Math.min(width, height);
  const margin = short * 0.12;
  const inner = width - 2 * margin;
  const sloganBlock = fitTextBlock(slogan, inner, { size: height * 0.28, font: 'extrabold', color: colors.onBand, leading: LEADING.tight, align: 'center', balance: true }, { maxLines: 2, minSize: short * 0.08 }, m);
  if (!sloganBlock) {
    throw new UserError({ field: 'text', message: 'khẩu hiệu quá dài để đọc được từ xa trên băng rôn khổ này', hint: 'rút gọn khẩu hiệu (khoảng 60 ký tự) hoặc làm băng rôn dài hơn' });
  }
  const unitLine = fitTextBlock(profile.unit.name, inner, { size: Math.min(height * 0.1, sloganBlock.height * 0.4), font: 'semibold', color: colors.onBandSoft, leading: LEADING.tight, align: 'center' }, { maxLines: 1, minSize: short * 0.04 }, m);
  const content = stack(unitLine ? [sloganBlock, unitLine] : [sloganBlock], height * 0.04);
  if (content.height > height - margin) {
    throw new UserError({ field: 'text', message: 'khẩu hiệu và tên đơn vị không vừa chiều cao băng rôn', hint: 'rút gọn khẩu hiệu, hoặc làm băng rôn cao hơn' });
  }
  const items = [
    { type: 'rect' as const, x: 0, y: 0, width, height, fill: colors.band },
    { type: 'rect' as const, x: 0, y: height - short * 0.04, width, height: short * 0.04, fill: colors.gold },
    ...content.place(margin, (height - content.height) / 2),
  ];
  return { title: `Băng rôn – ${profile.unit.name}`, author: profile.unit.name, pages: [{ width, height, items }] };
}

/** "500x80cm", "5000x800mm", "5x0.8m" → points. */
export function parseBannerSize(raw: string): { width: number; height: number } | undefined {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*[x\u00d7]\s*(\d+(?:[.,]\d+)?)\s*(mm|cm|m)\s*$/i.exec(raw);
  if (!m) return undefined;
  const unit = { mm: 72 / 25.4, cm: 72 / 2.54, m: 7200 / 2.54 }[m[3]!.toLowerCase() as 'mm' | 'cm' | 'm'];
  const width = Number(m[1]!.replace(',', '.')) * unit;
  const height = Number(m[2]!.replace(',', '.')) * unit;
  return width > 0 && height > 0 ? { width, height } : undefined;
}
