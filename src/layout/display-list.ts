import type { FontId } from './fonts.js';

/**
 * The middle of the pipeline: pages of positioned items, in PDF points with the
 * origin at the top-left. Layout writes it; painters only read it.
 */
export type Color = `#${string}`;

export interface TextItem {
  type: 'text';
  x: number;
  /** The baseline. */
  y: number;
  text: string;
  font: FontId;
  size: number;
  color: Color;
  /** Measured advance width, so painters and tests need not measure again. */
  width: number;
}

export interface RectItem {
  type: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill?: Color;
  stroke?: Color;
  strokeWidth?: number;
  radius?: number;
}

export interface CircleItem {
  type: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill: Color;
}

export interface LineItem {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: Color;
  width: number;
  dash?: [number, number];
}

export interface QrItem {
  type: 'qr';
  x: number;
  y: number;
  /** Side of the whole code including its quiet zone (the white square under it). */
  size: number;
  /** Dark modules, row-major, quiet zone excluded. */
  modules: boolean[][];
  /** Quiet zone width in modules on each side. */
  margin: number;
  color: Color;
  /** What the code encodes, for tests and read-back. */
  url: string;
  /** Error correction: M (15 %) or Q (25 %). */
  level: 'M' | 'Q';
}

export interface ImageItem {
  type: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  /** PNG bytes. */
  png: Buffer;
}

/** Items drawn only inside a rectangle: a window onto a larger page (poster tiles). */
export interface ClipItem {
  type: 'clip';
  x: number;
  y: number;
  width: number;
  height: number;
  items: Item[];
}

/**
 * One drawing placed with its top-left corner at (x, y); its items are measured
 * from that corner. The same `items` array placed again is the same drawing (the
 * bands, steps and codes every sticker of a batch shares): a PDF writes it once,
 * as a form, and places it wherever it appears.
 */
export interface GroupItem {
  type: 'group';
  x: number;
  y: number;
  width: number;
  height: number;
  items: Item[];
}

export type Item = TextItem | RectItem | CircleItem | LineItem | QrItem | ImageItem | ClipItem | GroupItem;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Page {
  width: number;
  height: number;
  items: Item[];
  /** For print shops: the finished size, and the area backgrounds run out to. */
  trimBox?: Box;
  bleedBox?: Box;
}

export interface LaidOutDocument {
  title: string;
  /** Shown as the PDF's author: the issuing unit. */
  author: string;
  pages: Page[];
}
