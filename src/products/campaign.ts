import type { Guide } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import type { RichText } from '../content/rich-text.js';
import { centred, row, stack, type Block } from '../layout/block.js';
import type { Item, Page } from '../layout/display-list.js';
import { codeGap, commonBox, levelFor, qrBlock, qrSpec, sameSide } from '../layout/qr-block.js';
import { fitTextBlock, textBlock } from '../layout/text-block.js';
import { LEADING, SAFE_EDGE } from '../layout/theme.js';
import { fitScale } from './fit-scale.js';
import { footerLines } from './parts/contact-footer.js';
import type { PartContext } from './parts/part-context.js';
import { stepTiles } from './parts/step-tiles.js';
import { callToAction, type QrCard } from './parts/store-qr-panel.js';
import type { ScanPlace } from './scan-distance.js';

export interface CampaignInput {
  profile: UnitProfile;
  guide: Guide;
  logo?: LogoImage;
  /** The line under the headline (the intro, or who the guide is for); on unless room runs out. */
  subLine?: boolean;
}

export interface CampaignPage {
  page: Page;
  /** Side of each QR code's dark square (quiet zone not counted), in points. */
  qrSize: number;
  /** What the layout left out to keep its type above the floors, for the user to hear about. */
  leftOut: { venues: VenueShown; subLine: boolean; steps: boolean };
}

/** The smallest text and the steps' text, in points, that the viewing distance asks for. */
export interface TypeFloors {
  min: number;
  body: number;
}

/**
 * A poster or screen picture of any shape: a headline, the steps as big numbered
 * tiles, large QR codes, and bands for the unit and for the deadline and hotline.
 * Tall shapes stack these; wide shapes put the codes in a column of their own.
 * Undefined when the content cannot fit this shape legibly.
 */
export function layoutCampaign(
  input: CampaignInput,
  width: number,
  height: number,
  c: PartContext,
  o: { floors: TypeFloors; place: ScanPlace; stepsOptional?: boolean },
): CampaignPage | undefined {
  const u = Math.min(width, height) / 100;
  const ratio = width / height;
  const [shape, tiles] = ratio >= 1.3 ? [landscape, 0.85] : ratio <= 1 / 1.15 ? [portrait, 1] : [square, 0.8];
  const t: Sizes = { u, min: o.floors.min, body: o.floors.body };
  // Give way in this order: a little QR size, the venues' addresses and hours, the
  // line under the headline, then (on a small picture) the steps. Type never
  // shrinks below the floors the viewing distance asks for.
  const tries: Omit<Keep, 'qrShare'>[] = [
    { venues: 'detail', subLine: true, steps: true },
    { venues: 'names', subLine: true, steps: true },
    { venues: 'names', subLine: false, steps: true },
    // Three or four places: the first one, and how many more.
    ...(input.profile.venues.length > 1 ? [{ venues: 'first' as const, subLine: false, steps: true }] : []),
    ...(o.stepsOptional ? [{ venues: 'names' as const, subLine: true, steps: false }, { venues: 'first' as const, subLine: false, steps: false }] : []),
  ];
  const hadSubLine = input.subLine !== false;
  for (const keep of tries) {
    // The steps' text sets the smallest scale; without steps, the other floors hold on their own.
    const minScale = keep.steps ? Math.max(0.6, o.floors.body / (STEP_SIZE * u * tiles)) : 0.6;
    if (minScale > MAX_SCALE) continue;
    for (const qrShare of [1, 0.85, 0.7, 0.6]) {
      const k: Keep = { ...keep, subLine: keep.subLine && hadSubLine, qrShare };
      const build = (s: number) => shape(input, width, height, t, s, k, o.place, c);
      const scale = fitScale((s) => build(s).height, height, minScale, MAX_SCALE);
      if (scale === undefined) continue;
      const { block, qrSize } = build(scale);
      return {
        page: { width, height, items: block.place(0, 0) },
        qrSize,
        // Names only leave nothing out when the places have no address or hours.
        leftOut: { venues: k.venues === 'names' && !input.profile.venues.some((v) => v.address || v.hours) ? 'detail' : k.venues, subLine: hadSubLine && !k.subLine, steps: !k.steps },
      };
    }
  }
  return undefined;
}

/** Text grows up to this much over its design size when the shape has room. */
const MAX_SCALE = 1.3;

/** How much the band says of each place: name, address and hours; names only; the first name and a count. */
export type VenueShown = 'detail' | 'names' | 'first';

/** What a shape shows: each part can give way when room runs out. */
interface Keep {
  venues: VenueShown;
  subLine: boolean;
  steps: boolean;
  /** Share of the codes' design size. */
  qrShare: number;
}

/** What the user is told when the layout left something out (`what`: "ảnh", "áp phích"). */
export function leftOutNotices(leftOut: CampaignPage['leftOut'], what: string, elsewhere: string, stepsElsewhere = ''): string[] {
  const notices: string[] = [];
  if (leftOut.venues === 'names') notices.push(`${what} chỉ ghi tên nơi làm thủ tục, không ghi địa chỉ và giờ làm việc, để chữ đủ lớn: ${elsewhere}`);
  if (leftOut.venues === 'first') notices.push(`${what} chỉ ghi tên nơi làm thủ tục đầu tiên và số nơi còn lại, để chữ đủ lớn: ${elsewhere}`);
  if (leftOut.subLine) notices.push(`${what} bỏ dòng giới thiệu dưới tiêu đề để chữ đủ lớn`);
  if (leftOut.steps) notices.push(`${what} không đủ chỗ cho các bước với chữ đủ lớn: chỉ ghi tiêu đề, mã QR, hạn và nơi liên hệ; ${stepsElsewhere}`);
  return notices;
}

/** What the shapes size their text from: 1 % of the short side, and the floors in points. */
interface Sizes {
  u: number;
  min: number;
  body: number;
}

/** A size in units of `u`, never under the smallest text the distance allows. */
const atLeast = (t: Sizes, units: number, floor = t.min) => Math.max(units * t.u, floor);

/** The steps' text size at scale 1, in units of 1 % of the short side (see stepTiles). */
const STEP_SIZE = 3.6;

interface Built {
  block: Block;
  height: number;
  qrSize: number;
}

/** Design size of a code's dark square, from the size of its whole printed square (quiet zone included). */
const SYMBOL_SHARE = 0.8;

function portrait(input: CampaignInput, w: number, h: number, t: Sizes, s: number, k: Keep, place: ScanPlace, c: PartContext): Built {
  const u = t.u;
  const margin = 6 * u;
  const inner = w - 2 * margin;
  const top = unitBand(input, w, margin, t, c);
  const headline = headlineBlock(input, inner, t, s, k.subLine, c);
  const tiles = k.steps ? [stepTiles(input.guide.steps, inner, input.guide.steps.length >= 4 ? 2 : 1, u, s, c)] : [];
  const call = callToAction(input.guide, input.profile);
  const { block: codes, side: qrSize } = qrRow(call.main, Math.min(0.3 * w, 0.2 * h) * k.qrShare * loneBoost(call.main) * SYMBOL_SHARE, place, t, c);
  const cta = textBlock(call.headline, inner, { size: atLeast(t, 5, t.body), font: 'extrabold', color: c.colors.primary, leading: LEADING.tight, align: 'center', balance: true }, c.m);
  const bottom = infoBand(input, w, margin, t, k.venues, c);
  const gap = 2.5 * u;
  const body = stack([headline, ...tiles, cta, centred(codes, inner)], gap);
  return frame([top, body, bottom], w, h, margin, gap, qrSize, c);
}

function landscape(input: CampaignInput, w: number, h: number, t: Sizes, s: number, k: Keep, place: ScanPlace, c: PartContext): Built {
  const u = t.u;
  const margin = 5 * u;
  const inner = w - 2 * margin;
  const top = unitBand(input, w, margin, t, c);
  const bottom = infoBand(input, w, margin, t, k.venues, c);
  const call = callToAction(input.guide, input.profile);
  const { block: codes, side: qrSize } = qrRow(call.main, Math.min(0.17 * w, 0.42 * h) * k.qrShare * loneBoost(call.main) * SYMBOL_SHARE, place, t, c);
  const ctaStyle = { size: atLeast(t, 4.5, t.body), font: 'extrabold' as const, color: c.colors.primary, leading: LEADING.tight, balance: true };
  // With the steps, the call to action heads the codes' column; without them it follows the headline.
  const right = k.steps ? stack([textBlock(call.headline, Math.max(codes.width, 0.25 * w), { ...ctaStyle, align: 'center' }, c.m), codes], 2.5 * u) : codes;
  const leftW = inner - right.width - 5 * u;
  const below = k.steps ? stepTiles(input.guide.steps, leftW, input.guide.steps.length >= 4 ? 2 : 1, u, s * 0.85, c) : textBlock(call.headline, leftW, ctaStyle, c.m);
  const left = stack([headlineBlock(input, leftW, t, s, k.subLine, c, { maxLines: 2, size: k.steps ? 5.5 : 7 }), below], 3 * u);
  const body = row([left, right], 5 * u, 'middle');
  return frame([top, body, bottom], w, h, margin, 3 * u, qrSize, c);
}

/** Near-square (social posts): headline across, then the steps as a list beside the codes. */
function square(input: CampaignInput, w: number, h: number, t: Sizes, s: number, k: Keep, place: ScanPlace, c: PartContext): Built {
  const u = t.u;
  const margin = 5 * u;
  const inner = w - 2 * margin;
  const top = unitBand(input, w, margin, t, c);
  const bottom = infoBand(input, w, margin, t, k.venues, c);
  const call = callToAction(input.guide, input.profile);
  const { block: codes, side: qrSize } = qrRow(call.main, 0.19 * w * k.qrShare * loneBoost(call.main) * SYMBOL_SHARE, place, t, c);
  const right = stack([textBlock(call.headline, Math.max(codes.width, 0.36 * w), { size: atLeast(t, 3.6, t.body), font: 'extrabold', color: c.colors.primary, leading: LEADING.tight, align: 'center', balance: true }, c.m), codes], 2 * u);
  const listW = inner - right.width - 4 * u;
  const middle = k.steps ? row([stepTiles(input.guide.steps, listW, 1, u, s * 0.8, c, { compact: true }), right], 4 * u, 'middle') : centred(right, inner);
  // Across the full width, a title in two lines leaves the steps their room.
  const body = stack([headlineBlock(input, inner, t, s, k.subLine, c, { maxLines: 2, size: 4.8 }), middle], 3 * u);
  return frame([top, body, bottom], w, h, margin, 2.5 * u, qrSize, c);
}

/** Top band and bottom band at the edges; the body centred in what is left. */
function frame([top, body, bottom]: [Block, Block, Block], w: number, h: number, margin: number, gap: number, qrSize: number, c: PartContext): Built {
  const height = top.height + body.height + bottom.height + gap;
  return {
    qrSize,
    height,
    block: {
      width: w,
      height,
      place(x, y) {
        const items: Item[] = [{ type: 'rect', x, y, width: w, height: h, fill: c.colors.paper }];
        items.push(...top.place(x, y));
        const free = h - top.height - bottom.height - body.height;
        items.push(...body.place(x + margin, y + top.height + free / 2));
        items.push(...bottom.place(x, y + h - bottom.height));
        return items;
      },
    },
  };
}

function headlineBlock(input: CampaignInput, width: number, t: Sizes, s: number, subLine: boolean, c: PartContext, o: { maxLines: number; size: number } = { maxLines: 3, size: 7 }): Block {
  const u = t.u;
  const { guide } = input;
  // The title is never smaller than the body text, whatever the scale.
  const minSize = Math.max(4 * u * s, t.body);
  const title = fitTextBlock(guide.title, width, { size: Math.max(o.size * u * s, minSize), font: 'extrabold', color: c.colors.ink, leading: LEADING.tight, balance: true }, { maxLines: o.maxLines, minSize }, c.m);
  const lines: Block[] = [title ?? { width, height: Infinity, place: () => [] }];
  // A short intro (what to have ready) says more on a wall than who the guide is for; a long one does not read from afar.
  const intro = guide.intro[0];
  const sub = intro && intro.reduce((n, span) => n + span.text.length, 0) <= 140 ? intro : guide.audience;
  if (subLine) lines.push(textBlock(sub, width, { size: Math.max(3.2 * u * s, t.min), font: 'regular', strongFont: 'bold', color: c.colors.muted, leading: LEADING.heading }, c.m));
  return stack(lines, 1.2 * u);
}

/**
 * The codes side by side at one size, each with its label under it: `design`
 * (the dark square), or larger when the place's distance asks for more.
 */
function qrRow(cards: QrCard[], design: number, place: ScanPlace, t: Sizes, c: PartContext): { block: Block; side: number } {
  const u = t.u;
  const specs = sameSide(
    cards.map((card) => qrSpec(card.url, place, levelFor(card.url, place, design))),
    design,
  );
  const side = specs[0]!.side;
  const size = commonBox(specs);
  // A lone code's label may run wider than the code: a web address must not break.
  const textW = cards.length === 1 ? size * 1.5 : size;
  const blocks = cards.map((card, i) => {
    const text = Math.max(atLeast(t, 2.6), size * 0.09);
    const label = textBlock(card.label, textW, { size: text, font: 'bold', color: c.colors.ink, leading: LEADING.tight, align: 'center' }, c.m);
    const caption = textBlock(card.caption, textW, { size: Math.max(text * 0.8, t.min), font: 'regular', color: c.colors.muted, leading: LEADING.tight, align: 'center', noWidow: true }, c.m);
    return stack([centred(qrBlock(specs[i]!, c.colors.ink, size), textW), label, caption], 0.6 * u);
  });
  return { block: row(blocks, codeGap(blocks, side, Math.max(4 * u, size * 0.15))), side };
}

/** A lone code (the portal) takes much of the room two store codes would. */
const loneBoost = (cards: QrCard[]) => (cards.length === 1 ? 1.4 : 1);

function unitBand(input: CampaignInput, w: number, margin: number, t: Sizes, c: PartContext): Block {
  const u = t.u;
  const { profile, logo } = input;
  const logoH = logo ? 8 * u : 0;
  const logoW = logo ? (logoH * logo.width) / logo.height : 0;
  const textW = w - 2 * margin - (logo ? logoW + 2 * u : 0);
  const lines: Block[] = [];
  if (profile.unit.parent) lines.push(textBlock(profile.unit.parent.toLocaleUpperCase('vi'), textW, { size: atLeast(t, 2.4), font: 'semibold', color: c.colors.onBandSoft, leading: LEADING.tight }, c.m));
  lines.push(textBlock(profile.unit.name, textW, { size: atLeast(t, 4.2, t.body), font: 'bold', color: c.colors.onBand, leading: LEADING.tight }, c.m));
  const text = stack(lines, 0.6 * u);
  // Accents on capitals rise above the line: the band keeps them 5 mm inside the top trim.
  const padTop = Math.max(2 * u, SAFE_EDGE + 6);
  const padBottom = 2 * u;
  const height = Math.max(text.height, logoH) + padTop + padBottom;
  return {
    width: w,
    height,
    place(x, y) {
      const items: Item[] = [
        { type: 'rect', x, y, width: w, height, fill: c.colors.band },
        { type: 'rect', x, y: y + height - 0.8 * u, width: w, height: 0.8 * u, fill: c.colors.gold },
      ];
      const inner = height - padTop - padBottom;
      if (logo) items.push({ type: 'image', x: x + margin, y: y + padTop + (inner - logoH) / 2, width: logoW, height: logoH, png: logo.png });
      items.push(...text.place(x + margin + (logo ? logoW + 2 * u : 0), y + padTop + (inner - text.height) / 2));
      return items;
    },
  };
}

/** Deadline, hotline and where to go, large enough to read from a distance. */
function infoBand(input: CampaignInput, w: number, margin: number, t: Sizes, shown: VenueShown, c: PartContext): Block {
  const u = t.u;
  const { profile } = input;
  const footer = footerLines(profile, input.guide);
  const { deadline, contact } = footer;
  const names: RichText[] = profile.venues.map((v) => [{ text: v.name, strong: true }]);
  const venues: RichText[] = shown === 'detail' ? footer.venues : shown === 'names' ? names : [[...names[0]!, { text: ` và ${names.length - 1} nơi khác`, strong: false }]];
  const inner = w - 2 * margin;
  const lines: Block[] = [];
  if (deadline) lines.push(textBlock(deadline, inner, { size: atLeast(t, 4.2, t.body), font: 'extrabold', strongFont: 'extrabold', color: c.colors.onBand, leading: LEADING.tight }, c.m));
  const small = { size: atLeast(t, 2.4), font: 'regular' as const, strongFont: 'bold' as const, color: c.colors.onBand, leading: LEADING.body };
  if (contact) lines.push(textBlock(contact, inner, small, c.m));
  const where: RichText = venues.length ? [{ text: 'Nơi làm thủ tục: ', strong: true }, ...venues.flatMap((v, i) => (i ? [{ text: '; ', strong: false }, ...v] : v))] : [];
  if (where.length) lines.push(textBlock(where, inner, small, c.m));
  lines.push(textBlock(footer.stamp, inner, { ...small, size: atLeast(t, 1.6), color: c.colors.onBandSoft }, c.m));
  const text = stack(lines, 0.8 * u);
  // Text 5 mm or more inside the bottom trim, also on small sheets.
  const padTop = 2.2 * u;
  const padBottom = Math.max(2.2 * u, SAFE_EDGE + 2);
  const height = text.height + padTop + padBottom;
  return { width: w, height, place: (x, y) => [{ type: 'rect', x, y, width: w, height, fill: c.colors.band }, ...text.place(x + margin, y + padTop)] };
}
