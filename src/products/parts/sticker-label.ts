import { contentStamp } from '../../content/guide-meta.js';
import { PRODUCTS } from '../catalog.js';
import type { Guide } from '../../content/guides.js';
import type { UnitProfile } from '../../content/profile.js';
import type { RichText } from '../../content/rich-text.js';
import { centred, padX, row, stack, type Block } from '../../layout/block.js';
import type { Item } from '../../layout/display-list.js';
import { MM } from '../../layout/page-sizes.js';
import { codeGap, commonBox, qrBlock, qrSpec, sameSide, type QrSpec } from '../../layout/qr-block.js';
import { textBlock } from '../../layout/text-block.js';
import { LEADING } from '../../layout/theme.js';
import { encodable } from '../../qr/matrix.js';
import { fitScale, type ScaleMemo } from '../fit-scale.js';
import { levelsFor, STICKER, type QrLevel } from '../scan-distance.js';
import { numberedItem } from './numbered-item.js';
import { storeQrCards, type QrCard } from './store-qr-panel.js';
import type { PartContext } from './part-context.js';

/** What one sticker says beyond the unit's details: a block (building) of flats. */
export interface StickerEntry {
  block: string;
  address?: string;
  /** The block's own link (e.g. its Zalo group), shown as a third code. */
  url?: string;
  urlLabel?: string;
}

/** No text on a sticker under 7 pt: it is read from 30 cm in a lobby's light. */
const STICKER_FLOOR = PRODUCTS.stickers.floors.min;
const pt = (size: number) => Math.max(STICKER_FLOOR, size);
/** How far text stays inside each label's cut. */
const LABEL_EDGE = 2.2 * MM;


interface Variant {
  steps: boolean;
  address: boolean;
  /** The reminder's warning (never give the OTP to anyone). */
  warning: boolean;
  /** The issuing unit's name in the footer (the hotline and the date always stay). */
  unitName: boolean;
  /**
   * The smallest scale the search may try. Every text size is held at the 7-pt
   * floor by pt(), so below 1 only the gaps and the name's size still shrink.
   */
  minScale: number;
}
const VARIANTS: Variant[] = [
  { steps: true, address: true, warning: true, unitName: true, minScale: 6.5 / 7.5 },
  // The reminder's two cases matter more in a lobby than the unit's name or the address.
  { steps: true, address: true, warning: true, unitName: false, minScale: 6.5 / 7.5 },
  { steps: true, address: false, warning: true, unitName: false, minScale: 6.5 / 7.5 },
  { steps: false, address: true, warning: true, unitName: true, minScale: 5 / 6.5 },
  { steps: false, address: false, warning: true, unitName: true, minScale: 5 / 6.5 },
  { steps: false, address: false, warning: true, unitName: false, minScale: 5 / 6.5 },
  { steps: false, address: false, warning: false, unitName: false, minScale: 5 / 6.5 },
];
// Stickers in a batch mostly fit at the same scale: each search starts where the last one ended.
const memos = new Map<string, ScaleMemo>();
function memo(shape: string, v: Variant, width: number, height: number): ScaleMemo {
  const key = `${shape}|${v.steps}|${v.address}|${v.warning}|${v.unitName}|${width.toFixed(1)}|${height.toFixed(1)}`;
  let m = memos.get(key);
  if (!m) memos.set(key, (m = {}));
  return m;
}

/** The design size fits a 68-mm-high label; beyond it a short name would look louder than its neighbours. */
const DESIGN_HEIGHT = 67.7 * MM;

/**
 * One sticker filling a label of the given size. The composition follows the
 * label's shape; on small labels the unit's name, the address, the reminder steps
 * and then the warning give way before any text goes under its floor. Returns
 * undefined when nothing fits.
 */
export function stickerLabel(entry: StickerEntry, reminder: Guide, profile: UnitProfile, width: number, height: number, c: PartContext): StickerLabel | undefined {
  // Codes keep the size their distance asks for (scan-distance.ts): level Q gives way to M
  // first, then the text, variant by variant.
  const shapes: Shape[] = height >= width ? [portrait] : height < 45 * MM ? [compact] : [landscape, stacked];
  for (const v of VARIANTS) {
    for (const shape of shapes) {
      for (const level of levelsFor(STICKER)) {
        const build = (s: number) => shape(entry, reminder, profile, width, height, s, v, level, c);
        const scale = fitScale((s) => build(s).height, height, v.minScale, Math.max(1, Math.min(width, height) / DESIGN_HEIGHT), memo(`${shape.name}|${level}`, v, width, height));
        if (scale !== undefined) return { ...build(scale), levels: stickerCodes(entry, profile, level).map((x) => x.spec.level), leftOut: leftOut(entry, v, shape) };
      }
    }
  }
  return undefined;
}

/** Parts of a sticker that give way on a small label, in the order they are told to the user. */
export type StickerPart = 'warning' | 'steps' | 'address';

/** A laid-out sticker, the error correction of each of its codes (for the manifest), and what it left out. */
export interface StickerLabel extends Block {
  levels: QrLevel[];
  leftOut: StickerPart[];
}

/** Every composition of a sticker takes the same arguments. */
type Shape = typeof landscape;

/** What a sticker in this variant and shape does not print that a full one would. */
function leftOut(entry: StickerEntry, v: Variant, shape: Shape): StickerPart[] {
  const parts: StickerPart[] = [];
  if (!v.warning) parts.push('warning');
  // The stacked and compact shapes never have room for the steps.
  if (!v.steps || shape === stacked || shape === compact) parts.push('steps');
  if (!v.address && entry.address) parts.push('address');
  return parts;
}

/** The codes a sticker carries, all at the size its distance asks for (or `design`, when larger). */
export function stickerCodes(entry: StickerEntry, profile: UnitProfile, level: QrLevel, design = 0): (Omit<QrCard, 'field'> & { spec: QrSpec })[] {
  const cards = stickerCards(entry, profile);
  const specs = sameSide(
    cards.map((card) => qrSpec(card.url, STICKER, encodable(card.url, level) ? level : 'M')),
    design,
  );
  return cards.map((card, i) => ({ ...card, spec: specs[i]! }));
}

/** Parts shared by both shapes, at text scale `s` (points of a 10-pt base). */
function parts(entry: StickerEntry, reminder: Guide, profile: UnitProfile, textW: number, s: number, v: Variant, align: 'left' | 'center', c: PartContext) {
  const { m } = c;
  const name = textBlock(entry.block, textW, { size: pt(13 * s), font: 'extrabold', color: c.colors.ink, leading: LEADING.tight, align, balance: true }, m);
  const address = v.address && entry.address ? textBlock(entry.address, textW, { size: pt(8 * s), font: 'regular', color: c.colors.muted, leading: LEADING.tight, align }, m) : undefined;
  const steps = v.steps ? numberedSteps(reminder.steps.map((st) => st.title), textW, 7.5 * s, c) : undefined;
  const warning = v.warning && reminder.notes.length ? textBlock(reminder.notes[0]!, textW, { size: pt(7.5 * s), font: 'bold', strongFont: 'extrabold', color: c.colors.primary, leading: LEADING.tight, align }, m) : undefined;
  const hotline = profile.contact?.phone;
  const stamp = contentStamp(reminder, { short: true });
  // The band across the foot carries the warning, the hotline, the unit and the date.
  const warningSpans: RichText = v.warning && reminder.notes.length ? [...reminder.notes[0]!.map((sp) => ({ ...sp, strong: true })), { text: ' · ', strong: false }] : [];
  const footer: RichText = [
    ...warningSpans,
    ...(hotline ? [{ text: `Hỗ trợ: ${hotline}`, strong: true }, { text: ' · ', strong: false }] : []),
    { text: `${v.unitName ? `${profile.unit.name} · ` : ''}${stamp}`, strong: false },
  ];
  // On a narrow column the hotline, the unit and the date each take their own line.
  const footerLines: RichText[] = [...(hotline ? [[{ text: `Hỗ trợ: ${hotline}`, strong: true }]] : []), ...(v.unitName ? [[{ text: profile.unit.name, strong: false }]] : []), [{ text: stamp, strong: false }]];
  return { name, address, steps, warning, footer, footerLines, splitsWords: name.splitsWords || !!address?.splitsWords };
}

function numberedSteps(titles: RichText[], width: number, size: number, c: PartContext): Block {
  const disc = size * 1.5;
  const gap = size * 0.5;
  const blocks = titles.map((title, i) => {
    const text = textBlock(title, width - disc - gap, { size: pt(size), font: 'regular', strongFont: 'bold', color: c.colors.ink, leading: LEADING.tight }, c.m);
    return numberedItem(i + 1, text, { disc, numberSize: pt(size), gap, width }, c);
  });
  return stack(blocks, size * 0.35);
}

function band(text: RichText | string, width: number, size: number, pad: number, c: PartContext): Block {
  const inner = textBlock(text, width - 2 * pad, { size: pt(size), font: 'extrabold', strongFont: 'extrabold', color: c.colors.onBand, leading: LEADING.tight, align: 'center' }, c.m);
  // Text stays 2 mm or more inside the label's cut edge.
  const padY = Math.max(LABEL_EDGE, pad * 0.6);
  const height = inner.height + 2 * padY;
  return { width, height, place: (x, y) => [{ type: 'rect', x, y, width, height, fill: c.colors.band }, ...inner.place(x + pad, y + padY)] };
}

function footerLine(text: RichText, width: number, size: number, pad: number, c: PartContext): Block {
  const inner = textBlock(text, width - 2 * pad, { size: pt(size), font: 'regular', strongFont: 'bold', color: c.colors.ink, leading: LEADING.tight, align: 'center' }, c.m);
  const padY = Math.max(LABEL_EDGE, pad / 2);
  const height = inner.height + 2 * padY;
  return { width, height, place: (x, y) => [{ type: 'rect', x, y, width, height, fill: c.colors.tint }, ...inner.place(x + pad, y + padY)] };
}

/** A code on its quiet zone, with its label directly under it. */
function qrWithLabel(spec: QrSpec, size: number, label: string, caption: string | undefined, s: number, c: PartContext): Block {
  const lab = textBlock(label, size, { size: pt(8 * s), font: 'bold', color: c.colors.ink, leading: LEADING.tight, align: 'center' }, c.m);
  const cap = caption ? textBlock(caption, size, { size: pt(6.5 * s), font: 'regular', color: c.colors.muted, leading: LEADING.tight, align: 'center' }, c.m) : undefined;
  const text = stack(cap ? [lab, cap] : [lab], 0.5 * s);
  const qr = qrBlock(spec, c.colors.ink, size);
  return {
    width: Math.max(size, text.width),
    height: size + 1.5 * s + text.height,
    place: (x, y) => [...qr.place(x + (text.width - size) / 2, y), ...text.place(x, y + size + 1.5 * s)],
  };
}

/** The two store codes, then the block's own link when it has one. */
function stickerCards(entry: StickerEntry, profile: UnitProfile): Omit<QrCard, 'field'>[] {
  const stores = storeQrCards(profile).slice(0, 2);
  return entry.url ? [...stores, { url: entry.url, label: entry.urlLabel ?? blockLinkLabel(entry.url), caption: '' }] : stores;
}

/**
 * The sticker's codes side by side, each with its label under it, at least a
 * third of a code apart (dark square to dark square) and never closer than `gap`
 * between their labels.
 */
function codes(entry: StickerEntry, profile: UnitProfile, level: QrLevel, design: number, s: number, gap: number, c: PartContext, captions = true): Block {
  const cards = stickerCodes(entry, profile, level, design);
  const box = commonBox(cards.map((card) => card.spec));
  const blocks = cards.map((card) => qrWithLabel(card.spec, box, card.label, captions ? card.caption : undefined, s, c));
  return row(blocks, codeGap(blocks, cards[0]!.spec.side, gap));
}


export function blockLinkLabel(url: string): string {
  return /(^|\.)zalo\.me$/.test(safeHost(url)) ? 'Nhóm Zalo tòa nhà' : 'Trang của tòa nhà';
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Design size of a code's dark square, from the size of its whole printed square (quiet zone included). */
const SYMBOL_SHARE = 0.8;

function landscape(entry: StickerEntry, reminder: Guide, profile: UnitProfile, w: number, h: number, s: number, v: Variant, level: QrLevel, c: PartContext): Block {
  const pad = Math.max(2.5 * MM, 0.04 * h);
  const n = entry.url ? 3 : 2;
  const design = Math.min(0.26 * w, 0.45 * h) * (n === 3 ? 0.8 : 1) * SYMBOL_SHARE;
  const gap = 2 * MM;
  const codeRow = codes(entry, profile, level, design, s, gap, c);
  const textW = w - 2 * pad - codeRow.width - 2 * MM;
  // Steps need a column wide enough for a few words a line.
  if (textW < (v.steps ? 30 : 12) * MM) return NO_FIT;
  const p = parts(entry, reminder, profile, textW, s, v, 'left', c);
  const right = stack([p.name, p.address, p.steps].filter((b): b is Block => !!b), 1.6 * MM * s);
  const middle = row([codeRow, right], 2 * MM);
  const top = band(reminder.title, w, 10 * s, pad, c);
  const bottom = footerLine(p.footer, w, 6.5 * s, pad, c);
  return frame(w, [top, padX(middle, pad), bottom], h, !p.splitsWords, c);
}

function portrait(entry: StickerEntry, reminder: Guide, profile: UnitProfile, w: number, h: number, s: number, v: Variant, level: QrLevel, c: PartContext): Block {
  const pad = Math.max(3 * MM, 0.05 * w);
  const inner = w - 2 * pad;
  const n = entry.url ? 3 : 2;
  const design = ((inner - (n - 1) * 4 * MM) / n - 2 * MM) * SYMBOL_SHARE;
  // Three codes stand only as far apart as they must (a third of a code), labels never closer than 1 mm.
  const gap = n === 3 ? 1 * MM : 4 * MM;
  const p = parts(entry, reminder, profile, inner, s, v, 'center', c);
  const head = stack(p.address ? [p.name, p.address] : [p.name], 1 * MM * s);
  const codeRow = codes(entry, profile, level, design, s, gap, c);
  if (codeRow.width > inner + 0.01) return NO_FIT;
  const body = stack([head, centred(codeRow, inner), p.steps].filter((b): b is Block => !!b), 3.5 * MM * s);
  const top = band(reminder.title, w, 14 * s, pad, c);
  const bottom = footerLine(p.footer, w, 8 * s, pad, c);
  return frame(w, [top, padX(body, pad), bottom], h, codeRow.width <= inner + 0.01 && !p.splitsWords, c);
}

/**
 * A landscape label whose codes leave no column for the text beside them (three
 * codes on 99 × 68 mm): the name above the row of codes, the steps left out.
 */
function stacked(entry: StickerEntry, reminder: Guide, profile: UnitProfile, w: number, h: number, s: number, v: Variant, level: QrLevel, c: PartContext): Block {
  const pad = Math.max(2.5 * MM, 0.04 * h);
  const inner = w - 2 * pad;
  if (v.steps) return NO_FIT;
  const codeRow = codes(entry, profile, level, 0, s, 2 * MM, c);
  if (codeRow.width > inner + 0.01) return NO_FIT;
  const p = parts(entry, reminder, profile, inner, s, { ...v, steps: false }, 'center', c);
  const head = stack(p.address ? [p.name, p.address] : [p.name], 0.8 * MM * s);
  const body = stack([head, centred(codeRow, inner)], Math.max(2.5 * MM, 1.6 * MM * s));
  const top = band(reminder.title, w, 10 * s, pad, c);
  const bottom = footerLine(p.footer, w, 6.5 * s, pad, c);
  return frame(w, [top, padX(body, pad), bottom], h, !v.steps && codeRow.width <= inner + 0.01 && !p.splitsWords, c);
}

/**
 * Small wide labels (like 90 × 40 mm): the codes at the size their distance
 * asks for on the left, and the call to action, block, address and hotline in a
 * column beside them. A 70 × 37 mm label has no room for that (see sticker-sheet.ts).
 */
function compact(entry: StickerEntry, reminder: Guide, profile: UnitProfile, w: number, h: number, s: number, v: Variant, level: QrLevel, c: PartContext): Block {
  const pad = 2 * MM;
  const gap = 1.5 * MM;
  const codeRow = codes(entry, profile, level, 0, s * 0.8, gap, c, false);
  const textW = w - 2 * pad - codeRow.width - gap;
  if (textW < 18 * MM) return NO_FIT;
  const p = parts(entry, reminder, profile, textW, s * 0.7, { ...v, steps: false }, 'left', c);
  const cta = textBlock(reminder.title, textW, { size: pt(8 * s), font: 'extrabold', color: c.colors.primary, leading: LEADING.tight }, c.m);
  const foot = stack(p.footerLines.map((l) => textBlock(l, textW, { size: pt(5.5 * s), font: 'regular', strongFont: 'bold', color: c.colors.ink, leading: LEADING.tight }, c.m)), 0);
  const column = stack([cta, p.name, ...(p.address ? [p.address] : []), ...(p.warning ? [p.warning] : []), foot], 1 * MM);
  const body = row([codeRow, column], gap);
  const fits = textW >= 18 * MM && !p.splitsWords && !cta.splitsWords;
  return {
    width: w,
    height: fits ? body.height + 2 * pad : Infinity,
    place: (x, y) => [{ type: 'rect', x, y, width: w, height: h, fill: c.colors.paper }, { type: 'rect', x, y, width: w, height: 1.2 * MM, fill: c.colors.primary }, ...body.place(x + pad, y + (h - body.height) / 2 + 0.4 * MM)],
  };
}

/** What a shape returns when its codes leave no room: known before any text is set. */
const NO_FIT: Block = { width: 0, height: Infinity, place: () => [] };

/** A label: band on top, body, footer band at the very bottom; slack goes around the body. */
function frame(w: number, [top, body, bottom]: [Block, Block, Block], h: number, fits: boolean, c: PartContext): Block {
  const height = fits ? top.height + body.height + bottom.height + 2 * MM : Infinity;
  return {
    width: w,
    height,
    place(x, y) {
      const slack = Math.max(0, h - height);
      const items: Item[] = [{ type: 'rect', x, y, width: w, height: h, fill: c.colors.paper }];
      items.push(...top.place(x, y));
      items.push(...body.place(x, y + top.height + 1 * MM + slack / 2));
      items.push(...bottom.place(x, y + h - bottom.height));
      return items;
    },
  };
}
