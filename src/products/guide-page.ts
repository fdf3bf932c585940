import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import { stack, type Block } from '../layout/block.js';
import type { RichText } from '../content/rich-text.js';
import type { Page } from '../layout/display-list.js';
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
}

/** Text scale range: 1 is the design size; the floor keeps A5 body text at 7.2 pt. */
const MIN_SCALE = 0.8;
const MAX_SCALE = 1.15;

/**
 * The page every guide product shares: unit header, guide title, numbered steps
 * and notes, then the product's own blocks and the unit's contact band at the
 * foot. Step and contact text shrink together to fit, down to a readable floor;
 * undefined means even the floor does not fit.
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

  const flexible = (scale: number, extraGap = 0) => {
    const body = stack(
      [
        introBlock(guide.intro, inner, scale, c),
        stepList(guide.steps, inner, { scale, extraGap, columns: guide.steps.length >= 4 ? 2 : 1 }, c),
        noteBox(spec.notes ?? guide.notes, inner, scale, c),
      ],
      10 * k * scale,
    );
    const footer = contactFooter(profile, guide, width, margin, scale, c, { venues: spec.venues ?? 'here' });
    return { body, footer, height: body.height + footer.height };
  };
  const scale = fitScale((s) => flexible(s).height, height - fixed, MIN_SCALE, MAX_SCALE);
  if (scale === undefined) return undefined;

  // Spread what is left: some between the steps, the rest above the product's blocks.
  const slack = height - fixed - flexible(scale).height;
  const extraGap = Math.min((slack * 0.5) / Math.max(1, guide.steps.length - 1), 8 * k);
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

/**
 * The back of a two-sided sheet: the guide's notes (warnings, who can help) as
 * large as the page allows, under the unit's band, with the contact band at the foot.
 */
export function layoutNotesPage(spec: Omit<GuidePageSpec, 'aboveFooter' | 'belowFooter'>, c: PartContext): Page | undefined {
  const { width, height, guide, profile } = spec;
  const notes = spec.notes ?? guide.notes;
  const { k } = c;
  const margin = 24 * k;
  const inner = width - 2 * margin;
  const gap = 12 * k;
  const header = unitHeader(profile, spec.logo, width, margin, c, { compact: true });
  const heading = guideTitle({ ...guide, title: `Lưu ý: ${guide.title}` }, inner, c, { kicker: true });
  const fixed = header.height + heading.height + 2 * gap;
  const flexible = (scale: number) => {
    const box = noteBox(notes, inner, scale, c);
    const footer = contactFooter(profile, guide, width, margin, Math.min(scale, MAX_SCALE), c);
    return { box, footer, height: box.height + footer.height + gap };
  };
  const scale = fitScale((s) => flexible(s).height, height - fixed, MIN_SCALE, 1.6);
  if (scale === undefined) return undefined;
  const { box, footer } = flexible(scale);
  const page: Page = { width, height, items: [{ type: 'rect', x: 0, y: 0, width, height, fill: c.colors.paper }] };
  page.items.push(...header.place(0, 0));
  page.items.push(...heading.place(margin, header.height + gap));
  page.items.push(...box.place(margin, header.height + heading.height + 2 * gap));
  page.items.push(...footer.place(0, height - footer.height));
  return page;
}
