// The few things the library needs from where it runs, as ports: its files
// (fonts, guide templates, label sheets), a way to turn an SVG into pixels, and
// the ZXing reader. Node (the command line, the tests) gets them from disk,
// sharp and the package's .wasm (platform/node.ts, the default); the web page's
// worker sets its own (src/browser/) before anything is drawn. Everything else
// — layout, painters, batches — is the same code on both.

/// <reference types="handlebars" />
import type * as ZXingReader from 'zxing-wasm/reader';
import type { FontId } from '../layout/fonts.js';
import { nodePlatform } from './node.js';

/** A text file shipped with the program, named as messages name it. */
export interface ShippedText {
  file: string;
  text: string;
}

/** A guide template shipped with the program; the web build compiles its body ahead (no eval in the page). */
export interface ShippedTemplate extends ShippedText {
  compiled?: TemplateSpecification;
}

export interface Assets {
  /** The TrueType file of one face of Be Vietnam Pro. */
  font(id: FontId): Uint8Array;
  /** The guide templates (templates/guides/*.hbs), sorted by file name. */
  guides(): ShippedTemplate[];
  /** The sticker's reminder template (templates/stickers/nhac-viec.hbs). */
  stickerReminder(): ShippedTemplate;
  /** The label sheets (assets/sheets/*.json) by name, sorted. */
  sheets(): { name: string; file: string; text: string }[];
}

export type RasterFormat = 'png' | 'jpg' | 'webp';

export interface GreyImage {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

/** An SVG (with its pixel size in width/height) drawn on white. */
export interface Rasteriser {
  /** As an image file; `dpi` is recorded in it where the format can. */
  encode(svg: string, format: RasterFormat, dpi: number): Promise<Uint8Array>;
  /** As grey levels, one byte a pixel (the QR read-back photographs it). */
  grey(svg: string): Promise<GreyImage>;
}

export interface Platform {
  assets: Assets;
  raster: Rasteriser;
  /** ZXing-C++ as WebAssembly, ready to read (loaded on first use). */
  zxing(): Promise<typeof ZXingReader>;
}

let current: Platform | undefined;

/** What the library runs on: Node's unless another was set. */
export function platform(): Platform {
  return (current ??= nodePlatform());
}

/** Sets where the library runs (the browser's worker does, before anything else). */
export function setPlatform(p: Platform): void {
  current = p;
}
