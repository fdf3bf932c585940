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
}

/**
 * A poster or screen picture of any shape: a headline, the steps as big numbered
 * tiles, large QR codes, and bands for the unit and for the deadline and hotline.
 * Tall shapes stack these; wide shapes put the codes in a column of their own.
 * Undefined when the content cannot fit this shape legibly.
 */
export function layoutCampaign(input: CampaignInput, width: number, height: number, c: PartContext, o: { bodyFloor?: number; place: ScanPlace }): CampaignPage | undefined {
  const u = Math.min(width, height) / 100;
  const ratio = width / height;
  const [shape, tiles] = ratio >= 1.3 ? [landscape, 0.85] : ratio <= 1 / 1.15 ? [portrait, 1] : [square, 0.8];
  // The steps' text never goes under the floor the viewing distance asks for.
  const minScale = Math.max(0.6, (o.bodyFloor ?? 0) / (STEP_SIZE * u * tiles));
  // Give way in this order: a little QR size, the venues' addresses and hours, then
  // the line under the headline. The steps' type never shrinks below the floor.
  for (const [venueDetail, subLine] of [[true, true], [false, true], [false, false]] as const) {
    for (const qrShare of [1, 0.85, 0.7, 0.6]) {
      const build = (s: number) => shape({ ...input, subLine }, width, height, u, s, qrShare, venueDetail, o.place, c);
      const scale = minScale > 1.3 ? undefined : fitScale((s) => build(s).height, height, minScale, 1.3);
      if (scale === undefined) continue;
      const { block, qrSize } = build(scale);
      return { page: { width, height, items: block.place(0, 0) }, qrSize };
    }
  }
  return undefined;
}

/** The steps' text size at scale 1, in units of 1 % of the short side (see stepTiles). */
const STEP_SIZE = 3.6;

interface Built {
  block: Block;
  height: number;
  qrSize: number;
}

/** Design size of a code's dark square, from the size of its whole printed square (quiet zone included). */
const SYMBOL_SHARE = 0.8;

function portrait(input: CampaignInput, w: number, h: number, u: number, s: number, qrShare: number, venueDetail: boolean, place: ScanPlace, c: PartContext): Built {
  const margin = 6 * u;
  const inner = w - 2 * margin;
  const top = unitBand(input, w, margin, u, c);
  const headline = headlineBlock(input, inner, u, s, c);
  const tiles = stepTiles(input.guide.steps, inner, input.guide.steps.length >= 4 ? 2 : 1, u, s, c);
  const call = callToAction(input.guide, input.profile);
  const { block: codes, side: qrSize } = qrRow(call.main, Math.min(0.3 * w, 0.2 * h) * qrShare * loneBoost(call.main) * SYMBOL_SHARE, place, u, c);
  const cta = textBlock(call.headline, inner, { size: 5 * u, font: 'extrabold', color: c.colors.primary, leading: LEADING.tight, align: 'center' }, c.m);
  const bottom = infoBand(input, w, margin, u, venueDetail, c);
  const gap = 2.5 * u;
  const body = stack([headline, tiles, cta, centred(codes, inner)], gap);
  return frame([top, body, bottom], w, h, margin, gap, qrSize, c);
}

function landscape(input: CampaignInput, w: number, h: number, u: number, s: number, qrShare: number, venueDetail: boolean, place: ScanPlace, c: PartContext): Built {
  const margin = 5 * u;
  const inner = w - 2 * margin;
  const top = unitBand(input, w, margin, u, c);
  const bottom = infoBand(input, w, margin, u, venueDetail, c);
  const call = callToAction(input.guide, input.profile);
  const { block: codes, side: qrSize } = qrRow(call.main, Math.min(0.17 * w, 0.42 * h) * qrShare * loneBoost(call.main) * SYMBOL_SHARE, place, u, c);
  const right = stack([textBlock(call.headline, Math.max(codes.width, 0.25 * w), { size: 4.5 * u, font: 'extrabold', color: c.colors.primary, leading: LEADING.tight, align: 'center' }, c.m), codes], 2.5 * u);
  const leftW = inner - right.width - 5 * u;
  const left = stack([headlineBlock(input, leftW, u, s, c), stepTiles(input.guide.steps, leftW, input.guide.steps.length >= 4 ? 2 : 1, u, s * 0.85, c)], 3 * u);
  const body = row([left, right], 5 * u, 'middle');
  return frame([top, body, bottom], w, h, margin, 3 * u, qrSize, c);
}

/** Near-square (social posts): headline across, then the steps as a list beside the codes. */
function square(input: CampaignInput, w: number, h: number, u: number, s: number, qrShare: number, venueDetail: boolean, place: ScanPlace, c: PartContext): Built {
  const margin = 5 * u;
  const inner = w - 2 * margin;
  const top = unitBand(input, w, margin, u, c);
  const bottom = infoBand(input, w, margin, u, venueDetail, c);
  const call = callToAction(input.guide, input.profile);
  const { block: codes, side: qrSize } = qrRow(call.main, 0.19 * w * qrShare * loneBoost(call.main) * SYMBOL_SHARE, place, u, c);
  const right = stack([textBlock(call.headline, Math.max(codes.width, 0.25 * w), { size: 3.6 * u, font: 'extrabold', color: c.colors.primary, leading: LEADING.tight, align: 'center' }, c.m), codes], 2 * u);
  const listW = inner - right.width - 4 * u;
  const middle = row([stepTiles(input.guide.steps, listW, 1, u, s * 0.8, c, { compact: true }), right], 4 * u, 'middle');
  const body = stack([headlineBlock(input, inner, u, s, c), middle], 3 * u);
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

function headlineBlock(input: CampaignInput, width: number, u: number, s: number, c: PartContext): Block {
  const { guide } = input;
  const title = fitTextBlock(guide.title, width, { size: 7 * u * s, font: 'extrabold', color: c.colors.ink, leading: LEADING.tight, balance: true }, { maxLines: 3, minSize: 4 * u * s }, c.m);
  const lines: Block[] = [title ?? { width, height: Infinity, place: () => [] }];
  // A short intro (what to have ready) says more on a wall than who the guide is for; a long one does not read from afar.
  const intro = guide.intro[0];
  const sub = intro && intro.reduce((n, span) => n + span.text.length, 0) <= 140 ? intro : guide.audience;
  if (input.subLine !== false) lines.push(textBlock(sub, width, { size: 3.2 * u * s, font: 'regular', strongFont: 'bold', color: c.colors.muted, leading: LEADING.tight }, c.m));
  return stack(lines, 1.2 * u);
}

/**
 * The codes side by side at one size, each with its label under it: `design`
 * (the dark square), or larger when the place's distance asks for more.
 */
function qrRow(cards: QrCard[], design: number, place: ScanPlace, u: number, c: PartContext): { block: Block; side: number } {
  const specs = sameSide(
    cards.map((card) => qrSpec(card.url, place, levelFor(card.url, place, design))),
    design,
  );
  const side = specs[0]!.side;
  const size = commonBox(specs);
  // A lone code's label may run wider than the code: a web address must not break.
  const textW = cards.length === 1 ? size * 1.5 : size;
  const blocks = cards.map((card, i) => {
    const text = Math.max(2.6 * u, size * 0.09);
    const label = textBlock(card.label, textW, { size: text, font: 'bold', color: c.colors.ink, leading: LEADING.tight, align: 'center' }, c.m);
    const caption = textBlock(card.caption, textW, { size: text * 0.8, font: 'regular', color: c.colors.muted, leading: LEADING.tight, align: 'center' }, c.m);
    return stack([centred(qrBlock(specs[i]!, c.colors.ink, size), textW), label, caption], 0.6 * u);
  });
  return { block: row(blocks, codeGap(blocks, side, Math.max(4 * u, size * 0.15))), side };
}

/** A lone code (the portal) takes much of the room two store codes would. */
const loneBoost = (cards: QrCard[]) => (cards.length === 1 ? 1.4 : 1);

function unitBand(input: CampaignInput, w: number, margin: number, u: number, c: PartContext): Block {
  const { profile, logo } = input;
  const logoH = logo ? 8 * u : 0;
  const logoW = logo ? (logoH * logo.width) / logo.height : 0;
  const textW = w - 2 * margin - (logo ? logoW + 2 * u : 0);
  const lines: Block[] = [];
  if (profile.unit.parent) lines.push(textBlock(profile.unit.parent.toLocaleUpperCase('vi'), textW, { size: 2.4 * u, font: 'semibold', color: c.colors.onBandSoft, leading: LEADING.tight }, c.m));
  lines.push(textBlock(profile.unit.name, textW, { size: 4.2 * u, font: 'bold', color: c.colors.onBand, leading: LEADING.tight }, c.m));
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
function infoBand(input: CampaignInput, w: number, margin: number, u: number, venueDetail: boolean, c: PartContext): Block {
  const { profile } = input;
  const footer = footerLines(profile, input.guide);
  const { deadline, contact } = footer;
  const venues: RichText[] = venueDetail ? footer.venues : profile.venues.map((v) => [{ text: v.name, strong: true }]);
  const inner = w - 2 * margin;
  const lines: Block[] = [];
  if (deadline) lines.push(textBlock(deadline, inner, { size: 4.2 * u, font: 'extrabold', strongFont: 'extrabold', color: c.colors.onBand, leading: LEADING.tight }, c.m));
  const small = { size: 2.4 * u, font: 'regular' as const, strongFont: 'bold' as const, color: c.colors.onBand, leading: LEADING.body };
  if (contact) lines.push(textBlock(contact, inner, small, c.m));
  const where: RichText = venues.length ? [{ text: 'Nơi làm thủ tục: ', strong: true }, ...venues.flatMap((v, i) => (i ? [{ text: '; ', strong: false }, ...v] : v))] : [];
  if (where.length) lines.push(textBlock(where, inner, small, c.m));
  lines.push(textBlock(footer.stamp, inner, { ...small, size: 1.6 * u, color: c.colors.onBandSoft }, c.m));
  const text = stack(lines, 0.8 * u);
  // Text 5 mm or more inside the bottom trim, also on small sheets.
  const padTop = 2.2 * u;
  const padBottom = Math.max(2.2 * u, SAFE_EDGE + 2);
  const height = text.height + padTop + padBottom;
  return { width: w, height, place: (x, y) => [{ type: 'rect', x, y, width: w, height, fill: c.colors.band }, ...text.place(x + margin, y + padTop)] };
}
