import type { UnitProfile } from '../../content/profile.js';
import { stack, type Block } from '../../layout/block.js';
import type { Item } from '../../layout/display-list.js';
import { fitTextBlock } from '../../layout/text-block.js';
import { LEADING, SAFE_EDGE } from '../../layout/theme.js';
import { UserError } from '../../errors.js';
import type { LogoImage } from '../../content/logo.js';
import type { PartContext } from './part-context.js';

/** The red band across the top: logo, parent body, and the issuing unit's name. */
export function unitHeader(profile: UnitProfile, logo: LogoImage | undefined, pageWidth: number, margin: number, c: PartContext, o: { compact?: boolean } = {}): Block {
  const { k, m } = c;
  // Text 5 mm or more inside the trim: office printers leave the outer 4–5 mm blank.
  // Accents on capitals rise above the line: a little more than the edge itself.
  const padY = SAFE_EDGE * k + 3 * k;
  const logoH = (o.compact ? 30 : 38) * k;
  const logoW = logo ? Math.min(logoH * (logo.width / logo.height), 80 * k) : 0;
  const logoGap = logo ? 10 * k : 0;
  const textW = pageWidth - 2 * margin - logoW - logoGap;

  const name = fitTextBlock(
    profile.unit.name,
    textW,
    { size: 14 * k, font: 'bold', color: c.colors.onBand, leading: LEADING.tight },
    { maxLines: 2, minSize: 10 * k },
    m,
  );
  if (!name) {
    throw new UserError({
      file: profile.source,
      field: 'unit.name',
      message: 'tên đơn vị quá dài, không vừa hai dòng ở đầu trang',
      hint: 'viết tắt bớt (ví dụ "UBND" thay cho "Ủy ban nhân dân") hoặc đưa phần cơ quan cấp trên sang unit.parent',
    });
  }
  const parentText = profile.unit.parent?.toLocaleUpperCase('vi');
  const parent = parentText
    ? fitTextBlock(parentText, textW, { size: 9 * k, font: 'semibold', color: c.colors.onBandSoft, leading: LEADING.tight }, { maxLines: 2, minSize: 9 * k }, m)
    : undefined;
  if (parentText && !parent) {
    throw new UserError({ file: profile.source, field: 'unit.parent', message: 'tên cơ quan cấp trên quá dài', hint: 'rút gọn còn khoảng 60 ký tự' });
  }
  const text = stack(parent ? [parent, name] : [name], 3 * k);
  const stripe = 3 * k;
  const height = Math.max(text.height, logo ? logoH : 0) + 2 * padY + stripe;

  return {
    width: pageWidth,
    height,
    place(x, y) {
      const items: Item[] = [
        { type: 'rect', x, y, width: pageWidth, height: height - stripe, fill: c.colors.band },
        { type: 'rect', x, y: y + height - stripe, width: pageWidth, height: stripe, fill: c.colors.gold },
      ];
      const mid = y + (height - stripe) / 2;
      if (logo) items.push({ type: 'image', x: x + margin, y: mid - (logoW * logo.height) / logo.width / 2, width: logoW, height: (logoW * logo.height) / logo.width, png: logo.png });
      items.push(...text.place(x + margin + logoW + logoGap, mid - text.height / 2));
      return items;
    },
  };
}
