import { contentStamp } from '../../content/guide-meta.js';
import { PRODUCTS } from '../catalog.js';
import type { Guide } from '../../content/guides.js';
import type { UnitProfile } from '../../content/profile.js';
import type { RichText } from '../../content/rich-text.js';
import { centred, drawnOnce, padX, row, stack, type Block } from '../../layout/block.js';
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
/** The design size fits a 68-mm-high label; beyond it a short name would look louder than its neighbours. */
const DESIGN_HEIGHT = 67.7 * MM;

/** Stickers of one batch on labels of one size, and what they all share. */
interface Run {
  reminder: Guide;
  profile: UnitProfile;
  w: number;
  h: number;
  c: PartContext;
  /** What `make` gives for `key`, made once: the codes, the steps and the bands are the same on every label. */
  once<T>(key: string, make: () => T): T;
}

/** Parts a run keeps, at most: a batch whose rows each have a link brings new codes on every label. */
const MAX_KEPT = 500;

/**
 * Lays out the stickers of one batch, each filling a label of the given size.
 * The composition follows the label's shape; on small labels the unit's name,
 * the address, the reminder steps and then the warning give way before any text
 * goes under its floor. A sticker is undefined when nothing fits.
 */
export function stickerLabels(reminder: Guide, profile: UnitProfile, width: number, height: number, c: PartContext): (entry: StickerEntry) => StickerLabel | undefined {
  const kept = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    if (kept.has(key)) return kept.get(key) as T;
    if (kept.size >= MAX_KEPT) kept.clear();
    const made = make();
    kept.set(key, made);
    return made;
  };
  const run: Run = { reminder, profile, w: width, h: height, c, once };
  // Stickers in a batch mostly fit at the same scale: each search starts where the last one ended.
  const memos = new Map<string, ScaleMemo>();
  const memo = (key: string) => {
    let m = memos.get(key);
    if (!m) memos.set(key, (m = {}));
    return m;
  };
  const shapes: Shape[] = height >= width ? [portrait] : height < 45 * MM ? [compact] : [landscape, stacked];
  const max = Math.max(1, Math.min(width, height) / DESIGN_HEIGHT);
  return (entry) => {
    // Codes keep the size their distance asks for (scan-distance.ts): level Q gives way to M
    // first, then the text, variant by variant.
    for (const v of VARIANTS) {
      for (const shape of shapes) {
        for (const level of levelsFor(STICKER)) {
          // The search may measure a scale twice, and the one found is built again: each is built once.
          const built = new Map<number, Block>();
          const build = (s: number) => {
            let block = built.get(s);
            if (!block) built.set(s, (block = shape(entry, s, v, level, run)));
            return block;
          };
          const scale = fitScale((s) => build(s).height, height, v.minScale, max, memo(`${shape.name}|${level}|${VARIANTS.indexOf(v)}`));
          if (scale !== undefined) {
            const levels = once(`levels|${level}|${linkKey(entry)}`, () => stickerCodes(entry, profile, level).map((x) => x.spec.level));
            return { ...build(scale), levels, leftOut: leftOut(entry, v, shape) };
          }
        }
      }
    }
    return undefined;
  };
}

/** The sticker's own link and its label, which make its codes differ from the batch's (the length keeps the two apart). */
function linkKey(entry: StickerEntry): string {
  return entry.url ? `${entry.url.length}:${entry.url}${entry.urlLabel ?? blockLinkLabel(entry.url)}` : '';
}

/** Key of the parts a shape shares between stickers, at one scale, variant and level. */
const sharedKey = (shape: Shape, s: number, v: Variant, level: QrLevel, entry: StickerEntry) => `${shape.name}|${s}|${VARIANTS.indexOf(v)}|${level}|${linkKey(entry)}`;

/**
 * A part drawn alike on every sticker that asks for it with the same `key` (what
 * it is made from): made once, and drawn once into the PDF, as a form placed on
 * each label. Those with a link of their own share it too.
 */
const batchPart = <T extends Block>(run: Run, key: string, make: () => T): T => run.once(`part|${key}`, () => drawnOnce(make()));

/** The codes, drawn once for the batch, unless the sticker brings a link of its own. */
const batchCodes = (entry: StickerEntry, codeRow: Block): Block => (entry.url ? codeRow : drawnOnce(codeRow));

const topBand = (run: Run, size: number, pad: number) => batchPart(run, `band|${run.w}|${size}|${pad}`, () => band(run.reminder.title, run.w, size, pad, run.c));
const footBand = (run: Run, v: Variant, size: number, pad: number) => batchPart(run, `foot|${VARIANTS.indexOf(v)}|${run.w}|${size}|${pad}`, () => footerLine(footerText(run, v), run.w, size, pad, run.c));
const steps = (run: Run, width: number, s: number) => batchPart(run, `steps|${width}|${s}`, () => reminderSteps(run, width, s));

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

/** A sticker's own text: the block's name and its address. */
interface OwnText {
  name: Block;
  address: Block | undefined;
  splitsWords: boolean;
}

/**
 * A sticker composed with its own text at text scale `s` (points of a 10-pt
 * base). A search for the scale mostly asks whether a sticker overflows: composed
 * first with one line standing for each text (no text sets fewer), then with the
 * name set, it may overflow already, and the rest is never set.
 */
function withOwnText(run: Run, entry: StickerEntry, textW: number, s: number, v: Variant, align: 'left' | 'center', compose: (own: OwnText) => Block): Block {
  const { c, h } = run;
  const nameSize = pt(13 * s);
  const addressSize = pt(8 * s);
  const address = v.address && entry.address ? entry.address : undefined;
  const oneLine = (text: string, size: number): Block => ({ width: 0, height: text ? size * LEADING.tight : 0, place: () => [] });
  const addressLine = address === undefined ? undefined : oneLine(address, addressSize);
  if (compose({ name: oneLine(entry.block, nameSize), address: addressLine, splitsWords: false }).height > h) return NO_FIT;
  const name = textBlock(entry.block, textW, { size: nameSize, font: 'extrabold', color: c.colors.ink, leading: LEADING.tight, align, balance: true }, c.m);
  if (address === undefined) return compose({ name, address: undefined, splitsWords: name.splitsWords });
  if (compose({ name, address: addressLine, splitsWords: name.splitsWords }).height > h) return NO_FIT;
  const set = textBlock(address, textW, { size: addressSize, font: 'regular', color: c.colors.muted, leading: LEADING.tight, align }, c.m);
  return compose({ name, address: set, splitsWords: name.splitsWords || set.splitsWords });
}

/** The reminder's warning (never give the OTP to anyone), when the variant has it. */
function warningBlock(run: Run, textW: number, s: number, v: Variant, align: 'left' | 'center'): Block | undefined {
  const { reminder, c } = run;
  return v.warning && reminder.notes.length ? textBlock(reminder.notes[0]!, textW, { size: pt(7.5 * s), font: 'bold', strongFont: 'extrabold', color: c.colors.primary, leading: LEADING.tight, align }, c.m) : undefined;
}

/** The band across the foot: the warning, the hotline, the unit and the date. */
function footerText(run: Run, v: Variant): RichText {
  const { reminder, profile } = run;
  const hotline = profile.contact?.phone;
  const stamp = contentStamp(reminder, { short: true });
  const warningSpans: RichText = v.warning && reminder.notes.length ? [...reminder.notes[0]!.map((sp) => ({ ...sp, strong: true })), { text: ' · ', strong: false }] : [];
  return [
    ...warningSpans,
    ...(hotline ? [{ text: `Hỗ trợ: ${hotline}`, strong: true }, { text: ' · ', strong: false }] : []),
    { text: `${v.unitName ? `${profile.unit.name} · ` : ''}${stamp}`, strong: false },
  ];
}

/** On a narrow column the hotline, the unit and the date each take their own line. */
function footerLines(run: Run, v: Variant): RichText[] {
  const { reminder, profile } = run;
  const hotline = profile.contact?.phone;
  const stamp = contentStamp(reminder, { short: true });
  return [...(hotline ? [[{ text: `Hỗ trợ: ${hotline}`, strong: true }]] : []), ...(v.unitName ? [[{ text: profile.unit.name, strong: false }]] : []), [{ text: stamp, strong: false }]];
}

function reminderSteps(run: Run, width: number, s: number): Block {
  return numberedSteps(run.reminder.steps.map((st) => st.title), width, 7.5 * s, run.c);
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

function landscape(entry: StickerEntry, s: number, v: Variant, level: QrLevel, run: Run): Block {
  const { w, h, c } = run;
  const pad = Math.max(2.5 * MM, 0.04 * h);
  const shared = run.once(sharedKey(landscape, s, v, level, entry), () => {
    const n = entry.url ? 3 : 2;
    const design = Math.min(0.26 * w, 0.45 * h) * (n === 3 ? 0.8 : 1) * SYMBOL_SHARE;
    const codeRow = codes(entry, run.profile, level, design, s, 2 * MM, c);
    const textW = w - 2 * pad - codeRow.width - 2 * MM;
    // Steps need a column wide enough for a few words a line.
    if (textW < (v.steps ? 30 : 12) * MM) return undefined;
    return { codeRow: batchCodes(entry, codeRow), textW, steps: v.steps ? steps(run, textW, s) : undefined, top: topBand(run, 10 * s, pad), bottom: footBand(run, v, 6.5 * s, pad) };
  });
  if (!shared) return NO_FIT;
  return withOwnText(run, entry, shared.textW, s, v, 'left', (own) => {
    const right = stack([own.name, own.address, shared.steps].filter((b): b is Block => !!b), 1.6 * MM * s);
    const middle = row([shared.codeRow, right], 2 * MM);
    return frame(w, [shared.top, padX(middle, pad), shared.bottom], h, !own.splitsWords, c);
  });
}

function portrait(entry: StickerEntry, s: number, v: Variant, level: QrLevel, run: Run): Block {
  const { w, h, c } = run;
  const pad = Math.max(3 * MM, 0.05 * w);
  const inner = w - 2 * pad;
  const shared = run.once(sharedKey(portrait, s, v, level, entry), () => {
    const n = entry.url ? 3 : 2;
    const design = ((inner - (n - 1) * 4 * MM) / n - 2 * MM) * SYMBOL_SHARE;
    // Three codes stand only as far apart as they must (a third of a code), labels never closer than 1 mm.
    const gap = n === 3 ? 1 * MM : 4 * MM;
    const codeRow = codes(entry, run.profile, level, design, s, gap, c);
    if (codeRow.width > inner + 0.01) return undefined;
    return { codeRow: batchCodes(entry, codeRow), steps: v.steps ? steps(run, inner, s) : undefined, top: topBand(run, 14 * s, pad), bottom: footBand(run, v, 8 * s, pad) };
  });
  if (!shared) return NO_FIT;
  return withOwnText(run, entry, inner, s, v, 'center', (own) => {
    const head = stack(own.address ? [own.name, own.address] : [own.name], 1 * MM * s);
    const body = stack([head, centred(shared.codeRow, inner), shared.steps].filter((b): b is Block => !!b), 3.5 * MM * s);
    return frame(w, [shared.top, padX(body, pad), shared.bottom], h, !own.splitsWords, c);
  });
}

/**
 * A landscape label whose codes leave no column for the text beside them (three
 * codes on 99 × 68 mm): the name above the row of codes, the steps left out.
 */
function stacked(entry: StickerEntry, s: number, v: Variant, level: QrLevel, run: Run): Block {
  const { w, h, c } = run;
  const pad = Math.max(2.5 * MM, 0.04 * h);
  const inner = w - 2 * pad;
  if (v.steps) return NO_FIT;
  const shared = run.once(sharedKey(stacked, s, v, level, entry), () => {
    const codeRow = codes(entry, run.profile, level, 0, s, 2 * MM, c);
    if (codeRow.width > inner + 0.01) return undefined;
    return { codeRow: batchCodes(entry, codeRow), top: topBand(run, 10 * s, pad), bottom: footBand(run, v, 6.5 * s, pad) };
  });
  if (!shared) return NO_FIT;
  return withOwnText(run, entry, inner, s, v, 'center', (own) => {
    const head = stack(own.address ? [own.name, own.address] : [own.name], 0.8 * MM * s);
    const body = stack([head, centred(shared.codeRow, inner)], Math.max(2.5 * MM, 1.6 * MM * s));
    return frame(w, [shared.top, padX(body, pad), shared.bottom], h, !own.splitsWords, c);
  });
}

/**
 * Small wide labels (like 90 × 40 mm): the codes at the size their distance
 * asks for on the left, and the call to action, block, address and hotline in a
 * column beside them. A 70 × 37 mm label has no room for that (see sticker-sheet.ts).
 */
function compact(entry: StickerEntry, s: number, v: Variant, level: QrLevel, run: Run): Block {
  const { w, h, c } = run;
  const pad = 2 * MM;
  const gap = 1.5 * MM;
  const shared = run.once(sharedKey(compact, s, v, level, entry), () => {
    const codeRow = codes(entry, run.profile, level, 0, s * 0.8, gap, c, false);
    const textW = w - 2 * pad - codeRow.width - gap;
    if (textW < 18 * MM) return undefined;
    const cta = batchPart(run, `cta|${textW}|${s}`, () => textBlock(run.reminder.title, textW, { size: pt(8 * s), font: 'extrabold', color: c.colors.primary, leading: LEADING.tight }, c.m));
    const foot = batchPart(run, `lines|${VARIANTS.indexOf(v)}|${textW}|${s}`, () => stack(footerLines(run, v).map((l) => textBlock(l, textW, { size: pt(5.5 * s), font: 'regular', strongFont: 'bold', color: c.colors.ink, leading: LEADING.tight }, c.m)), 0));
    const warning = warningBlock(run, textW, s * 0.7, v, 'left');
    return { codeRow: batchCodes(entry, codeRow), textW, cta, foot, warning: warning && batchPart(run, `warning|${textW}|${s}`, () => warning) };
  });
  if (!shared) return NO_FIT;
  const { codeRow, cta, foot, warning } = shared;
  return withOwnText(run, entry, shared.textW, s * 0.7, v, 'left', (own) => {
    const column = stack([cta, own.name, ...(own.address ? [own.address] : []), ...(warning ? [warning] : []), foot], 1 * MM);
    const body = row([codeRow, column], gap);
    const fits = !own.splitsWords && !cta.splitsWords;
    return {
      width: w,
      height: fits ? body.height + 2 * pad : Infinity,
      place: (x, y) => [{ type: 'rect', x, y, width: w, height: h, fill: c.colors.paper }, { type: 'rect', x, y, width: w, height: 1.2 * MM, fill: c.colors.primary }, ...body.place(x + pad, y + (h - body.height) / 2 + 0.4 * MM)],
    };
  });
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
