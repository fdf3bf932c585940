import * as jsQRModule from 'jsqr';
import type * as ZXingReader from 'zxing-wasm/reader';
import { platform } from '../platform/platform.js';
import type { GrayImage } from './camera.js';

// jsqr is CommonJS with a TypeScript default export: under Node's ESM the
// function arrives as the module object's default.
export const jsQR = jsQRModule.default as unknown as typeof jsQRModule.default.default;

/** What each decoder read from one frame. */
export interface Reads {
  /** jsQR: a port of its own in JavaScript; it returns the one code it finds, if any. */
  jsqr: string | undefined;
  /** ZXing-C++ (WebAssembly build): every code it finds in the frame. */
  zxing: string[];
}

/** Each grey level as one RGBA pixel, in the machine's byte order. */
const OPAQUE_GREY = new Uint32Array(new Uint8Array(Array.from({ length: 256 }, (_, g) => [g, g, g, 255]).flat()).buffer);

/** Two independent decoders on one frame. */
export async function decode(frame: GrayImage): Promise<Reads> {
  const rgba = new Uint8ClampedArray(frame.width * frame.height * 4);
  const pixels = new Uint32Array(rgba.buffer);
  for (let i = 0; i < frame.data.length; i++) pixels[i] = OPAQUE_GREY[frame.data[i]!]!;
  const js = jsQR(rgba, frame.width, frame.height, { inversionAttempts: 'dontInvert' })?.data;
  const image = { data: rgba, width: frame.width, height: frame.height, colorSpace: 'srgb' } as unknown as Parameters<typeof ZXingReader.readBarcodes>[0];
  // Up to two symbols: a neighbouring code in the frame must show up, not hide.
  const found = await (await platform().zxing()).readBarcodes(image, { formats: ['QRCode'], maxNumberOfSymbols: 2, tryInvert: false });
  return { jsqr: js, zxing: found.filter((r) => r.isValid).map((r) => r.text) };
}
