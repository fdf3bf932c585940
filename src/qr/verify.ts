import { sha1 } from '@noble/hashes/legacy';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import type { Box, Item, Page, QrItem, TextItem } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import { translateItems, ungroupItems } from '../layout/translate.js';
import { framePageSvg, pageSvgContent } from '../paint/svg.js';
import { platform } from '../platform/platform.js';
import { PREVIEW_FOCAL } from '../products/scan-distance.js';
import { photograph, type GrayImage } from './camera.js';
import { decode, type Reads } from './decoders.js';

export interface QrFailure {
  qr: QrItem;
  /** What each decoder read instead (nothing, or another code). */
  reads: Reads;
}

/**
 * The frame is the code's white square (its quiet zone) and this share of it more
 * on each side: a tilted phone sees a little past it. A label set close under the
 * code stays out, so the store codes of every sticker in a batch read as one.
 */
const RENDER_MARGIN = 0.03;
/** Render pixels per preview pixel (each preview pixel sums several), and per module at the least. */
const RENDER_PER_PREVIEW_PX = 3;
const RENDER_PER_MODULE = 4;
const RENDER_MAX_PX = 1600;

/**
 * Reads each QR code on the page back as a phone `distance` points away would:
 * only the code's region is drawn, with everything drawn there (a label or a
 * rule over the quiet zone is caught), then photographed through the imitated
 * 1080p preview (camera.ts) and decoded by two independent decoders, each of
 * which must read this code and nothing else. A region already proven (the same
 * drawing at the same distance: the store codes on every sticker of a batch) is
 * not read again.
 */
export async function verifyQrCodes(page: Page, fonts: FontSet, at: { distance: number }, proven: Set<string>): Promise<QrFailure[]> {
  const jobs = new Map<string, { qr: QrItem; region: Region }>();
  // Groups drawn out where they are placed: a region is what is drawn there, however it was composed.
  const items = ungroupItems(page.items);
  // Where each item of the page can leave ink, found once for all its codes (a sheet holds sixteen).
  const bounds = items.map(boundsOf);
  for (const qr of items.filter((i): i is QrItem => i.type === 'qr')) {
    const region = regionOf(items, bounds, qr, at.distance, fonts);
    if (!proven.has(region.key) && !jobs.has(region.key)) jobs.set(region.key, { qr, region });
  }
  // Regions render in parallel (libvips threads); frames are made and decoded one by one.
  const scenes = await Promise.all([...jobs.values()].map(({ region }) => render(region, fonts)));
  const failures: QrFailure[] = [];
  let i = 0;
  for (const [key, { qr, region }] of jobs) {
    const frame = photograph({ image: scenes[i++]!, box: region.box }, region.aim, at.distance, seedOf(key));
    const reads = await decode(frame);
    if (reads.jsqr === qr.url && reads.zxing.length === 1 && reads.zxing[0] === qr.url) proven.add(key);
    else failures.push({ qr, reads });
  }
  return failures;
}

interface Region {
  /** What is drawn there, moved so the render box starts at 0, 0. */
  items: Item[];
  /** The render box on the page. */
  box: Box;
  /** Where the phone aims and how much it frames, in page points. */
  aim: { cx: number; cy: number; view: number };
  /** The drawing and the distance: equal keys photograph the same. */
  key: string;
  /** Render size in pixels. */
  px: number;
}

/** The code and its quiet zone, and a little around, with everything drawn there. */
function regionOf(items: Item[], bounds: Box[], qr: QrItem, distance: number, fonts: FontSet): Region {
  const module = qr.size / (qr.modules.length + 2 * qr.margin);
  const view = qr.size;
  const cx = qr.x + qr.size / 2;
  const cy = qr.y + qr.size / 2;
  const side = view * (1 + 2 * RENDER_MARGIN);
  const box = { x: cx - side / 2, y: cy - side / 2, width: side, height: side };
  const drawn = translateItems(within(items, box, fonts, bounds), -box.x, -box.y);
  const scale = Math.max((RENDER_PER_PREVIEW_PX * PREVIEW_FOCAL) / distance, RENDER_PER_MODULE / module);
  const px = Math.min(RENDER_MAX_PX, Math.ceil(side * scale));
  const key = regionKey(JSON.stringify([Math.round(distance * 100), px, side.toFixed(2), drawn.map(keyOf)]));
  return { items: drawn, box, aim: { cx, cy, view }, key, px };
}

// The SHA-1 of each region's description met lately: the same drawing comes on every sticker of a batch.
const regionKeys = new Map<string, string>();

function regionKey(description: string): string {
  let key = regionKeys.get(description);
  if (!key) {
    if (regionKeys.size >= 1_000) regionKeys.clear();
    regionKeys.set(description, (key = bytesToHex(sha1(utf8ToBytes(description)))));
  }
  return key;
}

async function render(region: Region, fonts: FontSet): Promise<GrayImage> {
  const { box, px } = region;
  const content = pageSvgContent({ width: box.width, height: box.height, items: region.items }, fonts);
  const svg = framePageSvg(content, px, px, { x: 0, y: 0, width: box.width, height: box.height });
  return platform().raster.grey(svg);
}

/** The items that draw inside `box` (`bounds`: each item's, when known): rectangles cut to it, clips kept with what of them draws there. */
function within(items: Item[], box: Box, fonts: FontSet, bounds?: Box[]): Item[] {
  const out: Item[] = [];
  const outside = (b: Box) => b.x > box.x + box.width || b.y > box.y + box.height || b.x + b.width < box.x || b.y + b.height < box.y;
  for (let i = 0; i < items.length; i++) {
    const item = items[i]!;
    if (outside(bounds?.[i] ?? boundsOf(item))) continue;
    // Text near the box: its glyphs' own outline decides.
    if (item.type === 'text' && outside(inkOf(item, fonts))) continue;
    if (item.type === 'clip') {
      const inner = within(item.items, box, fonts);
      if (inner.length) out.push({ ...item, items: inner });
    } else if (item.type === 'rect' && !item.stroke && !item.radius) {
      // A page or label background is the same wherever it starts: cut to the box, it keys the same.
      const x = Math.max(item.x, box.x - 1);
      const y = Math.max(item.y, box.y - 1);
      const right = Math.min(item.x + item.width, box.x + box.width + 1);
      const bottom = Math.min(item.y + item.height, box.y + box.height + 1);
      out.push({ ...item, x, y, width: right - x, height: bottom - y });
    } else out.push(item);
  }
  return out;
}

/** Where an item can leave ink: generous for text (accents above, descenders below). */
function boundsOf(item: Item): Box {
  switch (item.type) {
    case 'rect': {
      const s = item.stroke ? (item.strokeWidth ?? 1) / 2 : 0;
      return { x: item.x - s, y: item.y - s, width: item.width + 2 * s, height: item.height + 2 * s };
    }
    case 'circle':
      return { x: item.cx - item.r, y: item.cy - item.r, width: 2 * item.r, height: 2 * item.r };
    case 'line': {
      const s = item.width / 2;
      return { x: Math.min(item.x1, item.x2) - s, y: Math.min(item.y1, item.y2) - s, width: Math.abs(item.x2 - item.x1) + 2 * s, height: Math.abs(item.y2 - item.y1) + 2 * s };
    }
    case 'text':
      // Be Vietnam Pro: stacked accents on capitals reach 1.15 em, descenders 0.27 em.
      return { x: item.x - 0.1 * item.size, y: item.y - 1.2 * item.size, width: item.width + 0.2 * item.size, height: 1.5 * item.size };
    case 'qr':
      return { x: item.x, y: item.y, width: item.size, height: item.size };
    case 'image':
    case 'clip':
    case 'group':
      return { x: item.x, y: item.y, width: item.width, height: item.height };
  }
}

const inks = new Map<string, { minX: number; maxX: number; minY: number; maxY: number; em: number }>();

/** Where a line of text leaves ink, from its glyph outlines (cached by font and text). */
function inkOf(item: TextItem, fonts: FontSet): Box {
  const key = `${item.font}|${item.text}`;
  let ink = inks.get(key);
  if (!ink) {
    const font = fonts.faces[item.font].font;
    const { bbox } = font.layout(item.text);
    if (inks.size > 2_000) inks.clear();
    inks.set(key, (ink = { minX: bbox.minX, maxX: bbox.maxX, minY: bbox.minY, maxY: bbox.maxY, em: font.unitsPerEm }));
  }
  const k = item.size / ink.em;
  return { x: item.x + ink.minX * k, y: item.y - ink.maxY * k, width: (ink.maxX - ink.minX) * k, height: (ink.maxY - ink.minY) * k };
}

const imageHashes = new WeakMap<Uint8Array, string>();

/** An item as a key: coordinates to a hundredth of a point, matrices by what they encode, pictures by hash. */
function keyOf(item: Item): unknown {
  switch (item.type) {
    case 'qr':
      return { ...round(item), modules: undefined, n: item.modules.length };
    case 'image': {
      let hash = imageHashes.get(item.png);
      if (!hash) imageHashes.set(item.png, (hash = bytesToHex(sha1(item.png))));
      return { ...round(item), png: hash };
    }
    case 'clip':
      return { ...round(item), items: item.items.map(keyOf) };
    default:
      return round(item);
  }
}

function round<T extends object>(item: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) out[k] = typeof v === 'number' ? Math.round(v * 100) / 100 : v;
  return out as T;
}

/** FNV-1a of the key: the frame's tilt and noise follow from what is photographed. */
function seedOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
