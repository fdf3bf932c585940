import type { UnitProfile } from '../../content/profile.js';
import type { RichText } from '../../content/rich-text.js';
import { stack, type Block } from '../../layout/block.js';
import { textBlock } from '../../layout/text-block.js';
import { LEADING } from '../../layout/theme.js';
import type { PartContext } from './part-context.js';

/** The lines of practical detail every print carries: deadline, contact, places. */
export function footerLines(profile: UnitProfile): { deadline?: RichText; contact?: RichText; venues: RichText[] } {
  const c = profile.contact;
  const who = [c?.name, c?.title].filter(Boolean).join(', ');
  const contact: RichText | undefined =
    who || c?.phone
      ? [
          { text: 'Liên hệ: ', strong: true },
          { text: who, strong: false },
          ...(c?.phone ? [{ text: `${who ? ' – ' : ''}ĐT ${c.phone}`, strong: true }] : []),
        ]
      : undefined;
  const venues = profile.venues.map((v): RichText => [
    { text: v.name, strong: true },
    { text: [v.address, v.hours].filter(Boolean).map((t) => ` – ${t}`).join(''), strong: false },
  ]);
  const deadline: RichText | undefined = profile.deadline
    ? [{ text: `Hạn hoàn thành: trước ngày ${profile.deadline.printed}`, strong: true }]
    : undefined;
  return { deadline, contact, venues };
}

/** The tinted band at the foot of the page. */
export function contactFooter(profile: UnitProfile, pageWidth: number, margin: number, scale: number, c: PartContext): Block {
  const { k, m } = c;
  const s = scale * k;
  const w = pageWidth - 2 * margin;
  const lines = footerLines(profile);
  const small = { size: 8.5 * s, font: 'regular' as const, strongFont: 'bold' as const, color: c.colors.ink, leading: LEADING.body };
  const parts: Block[] = [];
  if (lines.deadline) parts.push(textBlock(lines.deadline, w, { ...small, size: 10.5 * s, color: c.colors.primary, strongFont: 'extrabold' }, m));
  if (lines.contact) parts.push(textBlock(lines.contact, w, small, m));
  if (lines.venues.length) {
    parts.push(textBlock([{ text: 'Nơi làm thủ tục:', strong: true }], w, small, m));
    parts.push(...lines.venues.map((v) => textBlock(v, w, small, m)));
  }
  if (!parts.length) return stack([], 0);
  const inner = stack(parts, 2.5 * s);
  const padY = 10 * k;
  const height = inner.height + 2 * padY;
  return {
    width: pageWidth,
    height,
    place: (x, y) => [
      { type: 'rect', x, y, width: pageWidth, height, fill: c.colors.tint },
      { type: 'rect', x, y, width: pageWidth, height: 1.2 * k, fill: c.colors.primary },
      ...inner.place(x + margin, y + padY),
    ],
  };
}
