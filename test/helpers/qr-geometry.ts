import type { Box, Item, Page, QrItem } from '../../src/layout/display-list.js';
import { MM } from '../../src/layout/page-sizes.js';
import { ARM_MIN_SIDE, FAR_RATIO, minSide, QUIET_MODULES, SPACING_RATIO, type ScanPlace } from '../../src/products/scan-distance.js';
import { drawnItems, inkBox } from './ink.js';

/** A code as printed: its dark square (finder to finder), module and quiet zone. */
export interface Measured {
  qr: QrItem;
  /** The dark square on the page. */
  symbol: Box;
  side: number;
  module: number;
  /** Quiet zone in modules (white square around the dark one). */
  quiet: number;
}

export function measure(qr: QrItem): Measured {
  const n = qr.modules.length;
  const module = qr.size / (n + 2 * qr.margin);
  const side = module * n;
  return { qr, symbol: { x: qr.x + qr.margin * module, y: qr.y + qr.margin * module, width: side, height: side }, side, module, quiet: qr.margin };
}

export const codesOn = (page: Page): QrItem[] => drawnItems(page).filter((i): i is QrItem => i.type === 'qr');

const mm = (pt: number) => `${(pt / MM).toFixed(2)} mm`;

/** Where an item leaves ink (white fills leave none). */
function inkOf(item: Item): Box | undefined {
  switch (item.type) {
    case 'text': {
      const b = inkBox(item);
      return { x: b.left, y: b.top, width: b.right - b.left, height: b.bottom - b.top };
    }
    case 'rect': {
      const white = !item.fill || /^#fff(fff)?$/i.test(item.fill);
      if (white && !item.stroke) return undefined;
      const s = item.stroke ? (item.strokeWidth ?? 1) / 2 : 0;
      return { x: item.x - s, y: item.y - s, width: item.width + 2 * s, height: item.height + 2 * s };
    }
    case 'line':
      return { x: Math.min(item.x1, item.x2) - item.width / 2, y: Math.min(item.y1, item.y2) - item.width / 2, width: Math.abs(item.x2 - item.x1) + item.width, height: Math.abs(item.y2 - item.y1) + item.width };
    case 'circle':
      return { x: item.cx - item.r, y: item.cy - item.r, width: 2 * item.r, height: 2 * item.r };
    case 'qr':
      return measure(item).symbol;
    case 'image':
    case 'clip':
      return { x: item.x, y: item.y, width: item.width, height: item.height };
  }
}

const overlaps = (a: Box, b: Box, eps = 0.01) => a.x < b.x + b.width - eps && b.x < a.x + a.width - eps && a.y < b.y + b.height - eps && b.y < a.y + a.height - eps;

/** Items that leave ink on a code's quiet zone or dark square, other than the code itself, as drawn. */
export function inkOnCode(page: Page, qr: QrItem): string[] {
  const items = drawnItems(page);
  // The code as this page draws it (a page made from another draws its groups out anew).
  const at = items.findIndex((i) => i === qr || (i.type === 'qr' && i.url === qr.url && i.x === qr.x && i.y === qr.y));
  const white = items[at - 1];
  const square = { x: qr.x, y: qr.y, width: qr.size, height: qr.size };
  const found: string[] = [];
  // The quiet zone is a white square laid under the code; anything drawn before it is covered.
  if (!(white?.type === 'rect' && white.fill === '#FFFFFF' && Math.abs(white.x - qr.x) < 0.01 && Math.abs(white.y - qr.y) < 0.01 && Math.abs(white.width - qr.size) < 0.01)) found.push('no white square under the code');
  for (const item of items.slice(at + 1)) {
    const ink = inkOf(item);
    if (ink && overlaps(ink, square)) found.push(item.type === 'text' ? `text "${item.text}"` : item.type);
  }
  return found;
}

/** The distance between two dark squares (0 when they overlap). */
export function spacing(a: Box, b: Box): number {
  const dx = Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.max(0, dx, dy);
}

/** A label directly under the code: text starting within 8 mm (an eighth of the code on a poster) below its white square, centred on it. */
export function labelUnder(page: Page, qr: QrItem): string | undefined {
  const bottom = qr.y + qr.size;
  const near = Math.max(8 * MM, qr.size / 8);
  const label = drawnItems(page).find((i) => {
    if (i.type !== 'text') return false;
    const b = inkBox(i);
    const centre = (b.left + b.right) / 2;
    return b.top >= bottom - 0.01 && b.top <= bottom + near && centre > qr.x && centre < qr.x + qr.size;
  });
  return label?.type === 'text' ? label.text : undefined;
}

/**
 * What is wrong with the codes of one product (a page, a label, half of a
 * two-up sheet), against the rules of scan-distance.ts for `place`. `within`:
 * where each white square must lie whole (a label's cut).
 */
export function codeProblems(page: Page, codes: QrItem[], place: ScanPlace, within?: Box): string[] {
  const problems: string[] = [];
  const measured = codes.map(measure);
  for (const m of measured) {
    const name = `${m.qr.url} (${mm(m.side)}, ${m.qr.level})`;
    const floor = place.reach === 'arm' ? ARM_MIN_SIDE : place.distance / FAR_RATIO;
    if (m.side < floor - 0.01) problems.push(`${name}: under ${mm(floor)}`);
    if (m.side < minSide(place, m.qr.modules.length) - 0.01) problems.push(`${name}: modules of ${mm(m.module)} give under 3 preview pixels at ${mm(place.distance)}`);
    if (m.quiet < QUIET_MODULES - 1e-6) problems.push(`${name}: quiet zone of ${m.quiet.toFixed(2)} modules`);
    const ink = inkOnCode(page, m.qr);
    if (ink.length) problems.push(`${name}: ink on its quiet zone: ${ink.join(', ')}`);
    if (!labelUnder(page, m.qr)) problems.push(`${name}: no label directly under it`);
    if (within && !(m.qr.x >= within.x - 0.01 && m.qr.y >= within.y - 0.01 && m.qr.x + m.qr.size <= within.x + within.width + 0.01 && m.qr.y + m.qr.size <= within.y + within.height + 0.01)) {
      problems.push(`${name}: quiet zone cut by the edge`);
    }
  }
  for (let i = 0; i < measured.length; i++) {
    for (let j = i + 1; j < measured.length; j++) {
      const [a, b] = [measured[i]!, measured[j]!];
      const need = Math.max(a.side, b.side) * SPACING_RATIO;
      const gap = spacing(a.symbol, b.symbol);
      if (gap < need - 0.01) problems.push(`${a.qr.url} and ${b.qr.url}: ${mm(gap)} apart, under ${mm(need)}`);
    }
  }
  return problems;
}
