import type { Guide } from '../../content/guides.js';
import { stack, type Block } from '../../layout/block.js';
import { fitTextBlock, textBlock } from '../../layout/text-block.js';
import { LEADING } from '../../layout/theme.js';
import { UserError } from '../../errors.js';
import type { PartContext } from './part-context.js';

/** Kicker, the guide's title and who it is for. */
export function guideTitle(guide: Guide, width: number, c: PartContext, o: { kicker: boolean } = { kicker: true }): Block {
  const { k, m } = c;
  const kicker = textBlock('HƯỚNG DẪN VNeID', width, { size: 9 * k, font: 'bold', color: c.colors.primary, leading: LEADING.tight }, m);
  const title = fitTextBlock(guide.title, width, { size: 19 * k, font: 'extrabold', color: c.colors.ink, leading: LEADING.tight, balance: true }, { maxLines: 3, minSize: 14 * k }, m);
  if (!title) throw new UserError({ field: 'title', message: `tiêu đề hướng dẫn "${guide.id}" quá dài`, hint: 'rút gọn tiêu đề còn khoảng 60 ký tự' });
  const audience = textBlock(guide.audience, width, { size: 10 * k, font: 'regular', color: c.colors.muted, leading: LEADING.tight }, m);
  return stack([...(o.kicker ? [kicker] : []), title, audience], 4 * k);
}
