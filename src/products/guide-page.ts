import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { stack, type Block } from '../layout/block.js';
import type { RichText } from '../content/rich-text.js';
import type { Page } from '../layout/display-list.js';
import { textBlock } from '../layout/text-block.js';
import { LEADING, SAFE_EDGE } from '../layout/theme.js';
import { fitScale } from './fit-scale.js';
import { contactFooter } from './parts/contact-footer.js';
import { guideTitle } from './parts/guide-title.js';
import { noteBox } from './parts/note-box.js';
import type { PartContext } from './parts/part-context.js';
import { stepList } from './parts/step-list.js';
import { introBlock } from './parts/intro-block.js';
import { unitHeader } from './parts/unit-header.js';

/** A block and where its left edge goes: 0 for full-bleed bands, the margin for the rest. */
export interface Placed {
  block: Block;
  x: number;
}

export interface GuidePageSpec {
  profile: UnitProfile;
  guide: Guide;
  logo?: LogoImage;
  width: number;
  height: number;
  /** Blocks above the contact band, at the design size (e.g. the QR panel). */
  aboveFooter: (margin: number, inner: number) => Placed[];
  /** Blocks below the contact band, at the foot of the page (e.g. a tear-off slip). */
  belowFooter?: (margin: number, inner: number) => Placed[];
  /** Tighter spacing and no kicker, for pages that carry more than a guide. */
  compact?: boolean;
  /** The notes this side prints, when not all of the guide's (the rest go on the back). */
  notes?: RichText[];
  /** Where the venues are listed: on this side (default), or on the back, with a pointer here. */
  venues?: 'here' | 'on-back';
  /** How many of the guide's steps this side prints (from the first); the rest go on the back. */
  stepCount?: number;
  /** The contact band; false when the back carries it (a handout's front). */
  footer?: boolean;
}

/**
 * Text scale range. 1 is the design size, which is also the floor: on A5 no text
 * under 9 pt and body text 10 pt, read at arm's length by people of any age.
 * Content that does not fit goes to the back of the sheet, never to smaller type.
 */
const MIN_SCALE = 1;
const MAX_SCALE = 1.2;

/**
 * The page every guide product shares: unit header, guide title, numbered steps
 * and notes, then the product's own blocks and the unit's contact band at the
 * foot. Step and contact text grow together into spare room, never below the
 * design size (the floor); undefined means the content does not fit at the floor.
 */
export function layoutGuidePage(spec: GuidePageSpec, c: PartContext): Page | undefined {
  const { width, height, guide, profile } = spec;
  const { k } = c;
  const margin = 24 * k;
  const inner = width - 2 * margin;
  const gap = (spec.compact ? 8 : 12) * k;

  const head: Placed[] = [
    { block: unitHeader(profile, spec.logo, width, margin, c, { compact: spec.compact }), x: 0 },
    { block: guideTitle(guide, inner, c, { kicker: !spec.compact }), x: margin },
  ];
  const above = spec.aboveFooter(margin, inner);
  const below = spec.belowFooter?.(margin, inner) ?? [];
  const fixed = [...head, ...above, ...below].reduce((h, p) => h + p.block.height, 0) + (head.length + above.length) * gap;
  const steps = guide.steps.slice(0, spec.stepCount ?? guide.steps.length);

  const flexible = (scale: number, extraGap = 0) => {
    const body = stack(
      [
        introBlock(guide.intro, inner, scale, c),
        stepList(steps, inner, { scale, extraGap, columns: steps.length >= 4 ? 2 : 1 }, c),
        noteBox(spec.notes ?? guide.notes, inner, scale, c),
      ],
      10 * k * scale,
    );
    const footer = spec.footer === false ? stack([], 0) : contactFooter(profile, guide, width, margin, scale, c, { venues: spec.venues ?? 'here' });
    return { body, footer, height: body.height + footer.height };
  };
  const scale = fitScale((s) => flexible(s).height, height - fixed, MIN_SCALE, MAX_SCALE);
  if (scale === undefined) return undefined;

  // Spread what is left: some between the steps, the rest above the product's blocks.
  const slack = height - fixed - flexible(scale).height;
  const extraGap = Math.min((slack * 0.5) / Math.max(1, steps.length - 1), 8 * k);
  const { body, footer } = flexible(scale, extraGap);

  const page: Page = { width, height, items: [{ type: 'rect', x: 0, y: 0, width, height, fill: c.colors.paper }] };
  let y = 0;
  for (const p of head) {
    page.items.push(...p.block.place(p.x, y));
    y += p.block.height + gap;
  }
  page.items.push(...body.place(margin, y));
  // The foot is built upwards from the bottom edge.
  let bottom = height;
  for (const p of [...below].reverse()) {
    bottom -= p.block.height;
    page.items.push(...p.block.place(p.x, bottom));
  }
  bottom -= footer.height;
  page.items.push(...footer.place(0, bottom));
  for (const p of [...above].reverse()) {
    bottom -= gap + p.block.height;
    page.items.push(...p.block.place(p.x, bottom));
  }
  return page;
}

/** What the back of a two-sided sheet carries: the steps and notes the front gave up. */
export interface BackPageSpec extends Omit<GuidePageSpec, 'aboveFooter' | 'belowFooter' | 'notes' | 'venues' | 'stepCount'> {
  /** The first step printed here (0-based); steps from it on continue the front's numbering. */
  fromStep: number;
  notes: RichText[];
  /** The product's own blocks after the notes (a handout's class box and codes), at the design size. */
  extra?: (margin: number, inner: number) => Block;
  /** Height kept empty at the foot: what lies behind a tear-off slip on the other side. */
  keepClear?: number;
  /** No unit band on top (a handout's back: the front carries it). */
  bandless?: boolean;
}

/**
 * The back of a two-sided sheet: the steps the front had no room for, then the
 * notes, under the unit's band, with the full contact band (venues included) at the foot.
 */
export function layoutBackPage(spec: BackPageSpec, c: PartContext): Page | undefined {
  const { width, height, guide, profile } = spec;
  const { k } = c;
  const margin = 24 * k;
  const inner = width - 2 * margin;
  const gap = 12 * k;
  const steps = guide.steps.slice(spec.fromStep);
  const title = steps.length ? `${guide.title} (tiếp)` : `Lưu ý: ${guide.title}`;
  // The back continues the front: a plain heading is enough, under the unit's band unless the front alone carries it.
  const header = spec.bandless ? safeTop(width, c) : unitHeader(profile, spec.logo, width, margin, c, { compact: true });
  const heading = textBlock(title, inner, { size: 13 * k, font: 'extrabold', color: c.colors.ink, leading: LEADING.heading }, c.m);
  const extra = spec.extra?.(margin, inner);
  const keepClear = spec.keepClear ?? 0;
  const fixed = header.height + heading.height + 2 * gap + (extra ? extra.height + gap : 0) + keepClear;
  const flexible = (scale: number) => {
    const body = stack([stepList(steps, inner, { scale, columns: steps.length >= 4 ? 2 : 1, firstNumber: spec.fromStep + 1 }, c), noteBox(spec.notes, inner, scale, c)], 10 * k * scale);
    const footer = contactFooter(profile, guide, width, margin, Math.min(scale, MAX_SCALE), c);
    return { body, footer, height: body.height + footer.height + gap };
  };
  const scale = fitScale((s) => flexible(s).height, height - fixed, MIN_SCALE, steps.length || extra ? MAX_SCALE : 1.5);
  if (scale === undefined) return undefined;
  const { body, footer } = flexible(scale);
  const page: Page = { width, height, items: [{ type: 'rect', x: 0, y: 0, width, height, fill: c.colors.paper }] };
  page.items.push(...header.place(0, 0));
  page.items.push(...heading.place(margin, header.height + gap));
  page.items.push(...body.place(margin, header.height + heading.height + 2 * gap));
  const footerTop = height - keepClear - footer.height;
  if (extra) page.items.push(...extra.place(margin, footerTop - gap - extra.height));
  page.items.push(...footer.place(0, footerTop));
  return page;
}

/** Empty room at the top of a page without a band: text stays clear of the trim. */
function safeTop(width: number, c: PartContext): Block {
  return { width, height: SAFE_EDGE * c.k - 12 * c.k, place: () => [] };
}
