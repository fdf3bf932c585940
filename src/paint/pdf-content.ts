import type { CircleItem, Color, LineItem, RectItem } from '../layout/display-list.js';
import { channels, toCmyk } from './colors.js';

/**
 * A page's content stream, written as pdfkit's own drawing calls write it:
 * the same operators, numbers formatted alike, one line each. pdfkit turns every
 * operator into a buffer of its own and a page's drawing into thousands of calls;
 * here a page is one string, handed to pdfkit once (test/paint/pdf-content.test.ts
 * compares the files the two write).
 */
export class PageContent {
  private ops: string[] = [];
  private colors = new Map<string, string>();

  constructor(private cmyk: boolean) {}

  /** One operator line, as pdfkit's addContent takes it. */
  op(line: string): void {
    this.ops.push(line);
  }

  /** A shape of the display list, as pdf.ts drew it with pdfkit's rect, roundedRect, circle, fill, stroke and dash. */
  shape(item: RectItem | CircleItem | LineItem): void {
    switch (item.type) {
      case 'rect':
        if (item.radius) this.roundedRect(item.x, item.y, item.width, item.height, item.radius);
        else this.rect(item.x, item.y, item.width, item.height);
        if (item.fill && item.stroke) {
          this.lineWidth(item.strokeWidth ?? 1);
          this.color(item.fill, false);
          this.color(item.stroke, true);
          this.ops.push('B');
        } else if (item.fill) {
          this.color(item.fill, false);
          this.ops.push('f');
        } else if (item.stroke) {
          this.lineWidth(item.strokeWidth ?? 1);
          this.color(item.stroke, true);
          this.ops.push('S');
        }
        return;
      case 'circle':
        this.circle(item.cx, item.cy, item.r);
        this.color(item.fill, false);
        this.ops.push('f');
        return;
      case 'line':
        this.ops.push('q');
        this.moveTo(item.x1, item.y1);
        this.lineTo(item.x2, item.y2);
        this.lineWidth(item.width);
        if (item.dash) this.dash(item.dash[0], item.dash[1]);
        this.color(item.color, true);
        this.ops.push('S\nQ');
        return;
      default:
        item satisfies never;
    }
  }

  /** The start of a clip to a rectangle (pdfkit's save, rect and clip); op('Q') ends it. */
  clip(x: number, y: number, w: number, h: number): void {
    this.ops.push('q');
    this.rect(x, y, w, h);
    this.ops.push('W n');
  }

  /** pdfkit's fillColor or strokeColor of a colour. */
  color(color: Color, stroke: boolean): void {
    const key = stroke ? `S${color}` : color;
    let op = this.colors.get(key);
    if (op === undefined) {
      op = colorOp(color, this.cmyk, stroke);
      this.colors.set(key, op);
    }
    this.ops.push(op);
  }

  private rect(x: number, y: number, w: number, h: number): void {
    this.ops.push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re`);
  }

  private moveTo(x: number, y: number): void {
    this.ops.push(`${num(x)} ${num(y)} m`);
  }

  private lineTo(x: number, y: number): void {
    this.ops.push(`${num(x)} ${num(y)} l`);
  }

  private curveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void {
    this.ops.push(`${num(x1)} ${num(y1)} ${num(x2)} ${num(y2)} ${num(x)} ${num(y)} c`);
  }

  /** pdfkit's roundedRect with one radius for every corner. */
  private roundedRect(x: number, y: number, w: number, h: number, radius: number): void {
    const r = Math.max(0, Math.min(radius || 0, Math.min(0.5 * w, 0.5 * h)));
    const cp = r * (1.0 - KAPPA);
    this.moveTo(x + r, y);
    this.lineTo(x + w - r, y);
    if (r > 0) this.curveTo(x + w - cp, y, x + w, y + cp, x + w, y + r);
    this.lineTo(x + w, y + h - r);
    if (r > 0) this.curveTo(x + w, y + h - cp, x + w - cp, y + h, x + w - r, y + h);
    this.lineTo(x + r, y + h);
    if (r > 0) this.curveTo(x + cp, y + h, x, y + h - cp, x, y + h - r);
    this.lineTo(x, y + r);
    if (r > 0) this.curveTo(x, y + cp, x + cp, y, x + r, y);
    this.ops.push('h');
  }

  /** pdfkit's circle. */
  private circle(cx: number, cy: number, r: number): void {
    const x = cx - r;
    const y = cy - r;
    const o = r * KAPPA;
    const xe = x + r * 2;
    const ye = y + r * 2;
    const xm = x + r;
    const ym = y + r;
    this.moveTo(x, ym);
    this.curveTo(x, ym - o, xm - o, y, xm, y);
    this.curveTo(xm + o, y, xe, ym - o, xe, ym);
    this.curveTo(xe, ym + o, xm + o, ye, xm, ye);
    this.curveTo(xm - o, ye, x, ym + o, x, ym);
    this.ops.push('h');
  }

  private lineWidth(w: number): void {
    this.ops.push(`${num(w)} w`);
  }

  /** pdfkit's dash(length, { space }). */
  private dash(length: number, space: number): void {
    const lengths = [length, space || length];
    if (!lengths.every((v) => Number.isFinite(v) && v > 0)) throw new Error(`dash lengths must be numbers above zero: ${lengths.join(', ')}`);
    this.ops.push(`[${lengths.map(num).join(' ')}] 0 d`);
  }

  /** The page's operators as the bytes pdfkit would have written, emptying this for the next page. */
  take(): Uint8Array {
    const text = this.ops.join('\n') + '\n';
    this.ops = [];
    // Every operator is ASCII (numbers, hex glyph codes, resource names), so UTF-8 is pdfkit's byte-per-character.
    return encoder.encode(text);
  }
}

const encoder = new TextEncoder();

const KAPPA = 4.0 * ((Math.sqrt(2) - 1.0) / 3.0);

/** A number as pdfkit writes it in a content stream: rounded to six decimals, then JavaScript's own formatting. */
export function num(n: number): string {
  if (n > -1e21 && n < 1e21) return `${Math.round(n * 1e6) / 1e6}`;
  throw new Error(`unsupported number: ${n}`);
}

/** pdfkit's colour operators for '#RRGGBB' (0–255 over 255) or, for print shops, CMYK percentages over 100. */
function colorOp(color: Color, cmyk: boolean, stroke: boolean): string {
  const parts = cmyk ? toCmyk(color).map((p) => p / 100) : channels(color);
  const space = cmyk ? 'DeviceCMYK' : 'DeviceRGB';
  return stroke ? `/${space} CS\n${parts.join(' ')} SCN` : `/${space} cs\n${parts.join(' ')} scn`;
}
