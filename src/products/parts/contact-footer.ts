import { contentStamp, type GuideMeta } from '../../content/guide-meta.js';
import type { UnitProfile } from '../../content/profile.js';
import type { RichText } from '../../content/rich-text.js';
import { row, stack, type Block } from '../../layout/block.js';
import { textBlock } from '../../layout/text-block.js';
import { LEADING, SAFE_EDGE } from '../../layout/theme.js';
import type { PartContext } from './part-context.js';

/** The guide facts the foot of a print needs. */
export type FooterGuide = Pick<GuideMeta, 'takesDeadline' | 'sources' | 'reviewed'>;

/**
 * The lines of practical detail every print carries: the campaign date (on guides
 * that take one), contact, places, and the dated line saying what the content follows.
 */
export function footerLines(profile: UnitProfile, guide: FooterGuide): { deadline?: RichText; contact?: RichText; venues: RichText[]; stamp: string } {
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
  const deadline: RichText | undefined =
    profile.deadline && guide.takesDeadline ? [{ text: `Đợt vận động đến hết ngày ${profile.deadline.printed}`, strong: true }] : undefined;
  return { deadline, contact, venues, stamp: contentStamp(guide) };
}

/** The tinted band at the foot of the page. */
export function contactFooter(profile: UnitProfile, guide: FooterGuide, pageWidth: number, margin: number, scale: number, c: PartContext, o: { venues: 'here' | 'on-back' } = { venues: 'here' }): Block {
  const { k, m } = c;
  const s = scale * k;
  const w = pageWidth - 2 * margin;
  const lines = footerLines(profile, guide);
  const small = { size: 10 * s, font: 'regular' as const, strongFont: 'bold' as const, color: c.colors.ink, leading: LEADING.body };
  const parts: Block[] = [];
  if (lines.deadline) parts.push(textBlock(lines.deadline, w, { ...small, size: 11.5 * s, color: c.colors.primary, strongFont: 'extrabold' }, m));
  if (lines.contact) parts.push(textBlock(lines.contact, w, small, m));
  if (lines.venues.length && o.venues === 'on-back') {
    parts.push(textBlock([{ text: 'Nơi làm thủ tục: ', strong: true }, { text: 'xem mặt sau.', strong: false }], w, small, m));
  } else if (lines.venues.length) {
    parts.push(textBlock([{ text: 'Nơi làm thủ tục:', strong: true }], w, small, m));
    if (lines.venues.length >= 3) {
      // Three or four places read better side by side than as a long list.
      const gutter = 12 * k;
      const colW = (w - gutter) / 2;
      const half = Math.ceil(lines.venues.length / 2);
      const column = (vs: RichText[]) => stack(vs.map((v) => textBlock(v, colW, small, m)), 2.5 * s);
      parts.push(row([column(lines.venues.slice(0, half)), column(lines.venues.slice(half))], gutter));
    } else {
      parts.push(...lines.venues.map((v) => textBlock(v, w, small, m)));
    }
  }
  parts.push(textBlock(lines.stamp, w, { ...small, size: 9 * s, color: c.colors.muted }, m));
  const inner = stack(parts, 2.5 * s);
  // The last line stays 5 mm or more above the trim, where office printers still print.
  const padTop = 10 * k;
  const padBottom = SAFE_EDGE * k;
  const height = inner.height + padTop + padBottom;
  return {
    width: pageWidth,
    height,
    place: (x, y) => [
      { type: 'rect', x, y, width: pageWidth, height, fill: c.colors.tint },
      { type: 'rect', x, y, width: pageWidth, height: 1.2 * k, fill: c.colors.primary },
      ...inner.place(x + margin, y + padTop),
    ],
  };
}
