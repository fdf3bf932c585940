// The platform on Node: files from the package on disk, sharp (librsvg) for
// pictures, ZXing's .wasm from its package; sharp and ZXing are loaded when
// first used.

import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type SharpModule from 'sharp';
import type * as ZXingReader from 'zxing-wasm/reader';
import type { FontId } from '../layout/fonts.js';
import { loadSharp } from '../paint/load-sharp.js';
import type { Platform } from './platform.js';

/** Each face's file in @expo-google-fonts/be-vietnam-pro (the web build bundles the same files). */
export const FONT_FILES: Record<FontId, string> = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  semibold: '600SemiBold/BeVietnamPro_600SemiBold.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  extrabold: '800ExtraBold/BeVietnamPro_800ExtraBold.ttf',
};

/** The package's own folders, two levels up from src/platform and dist/platform. */
const GUIDES_DIR = fileURLToPath(new URL('../../templates/guides/', import.meta.url));
const REMINDER = fileURLToPath(new URL('../../templates/stickers/nhac-viec.hbs', import.meta.url));
const SHEETS_DIR = fileURLToPath(new URL('../../assets/sheets/', import.meta.url));

let zxing: Promise<typeof ZXingReader> | undefined;

// libvips's grey level (flattened on white, then greyscale) of each RGBA value met so far.
const greyOfColour = new Map<number, number>();

/**
 * The render's pixels as libvips's flatten().greyscale() makes them, the same
 * bytes at a fraction of the cost: both steps work pixel by pixel, and a region
 * holds few colours, so libvips converts each new colour once, in a strip of
 * them, and the pixels look theirs up.
 */
async function greyLevels(sharp: typeof SharpModule, rgba: Buffer, pixels: number): Promise<Uint8ClampedArray> {
  const aligned = rgba.byteOffset % 4 === 0;
  const colours = new Int32Array(aligned ? rgba.buffer : Uint8Array.from(rgba).buffer, aligned ? rgba.byteOffset : 0, pixels);
  const grey = new Uint8Array(pixels);
  const fresh = lookUp(colours, grey, greyOfColour);
  if (fresh.size) {
    const strip = Int32Array.from(fresh);
    const levels = await sharp(Buffer.from(strip.buffer), { raw: { width: strip.length, height: 1, channels: 4 } }).flatten({ background: '#FFFFFF' }).greyscale().raw().toBuffer();
    const learnt = new Map(Array.from(strip, (c, i) => [c, levels[i]!]));
    lookUp(colours, grey, learnt);
    if (greyOfColour.size + learnt.size > 1 << 16) greyOfColour.clear();
    for (const [c, level] of learnt) greyOfColour.set(c, level);
  }
  return new Uint8ClampedArray(grey.buffer);
}

/** Sets the pixels whose colour `levels` knows (a run of one colour is looked up once); returns the colours it does not know. */
function lookUp(colours: Int32Array, grey: Uint8Array, levels: Map<number, number>): Set<number> {
  const unknown = new Set<number>();
  let last = ~colours[0]!;
  let level: number | undefined;
  for (let i = 0; i < colours.length; i++) {
    const c = colours[i]!;
    if (c !== last) {
      level = levels.get(c);
      if (level === undefined) unknown.add(c);
      last = c;
    }
    if (level !== undefined) grey[i] = level;
  }
  return unknown;
}

export function nodePlatform(): Platform {
  const require = createRequire(import.meta.url);
  return {
    assets: {
      font: (id) => readFileSync(require.resolve(`@expo-google-fonts/be-vietnam-pro/${FONT_FILES[id]}`)),
      guides: () =>
        readdirSync(GUIDES_DIR)
          .filter((f) => f.endsWith('.hbs'))
          .sort()
          .map((f) => ({ file: join(GUIDES_DIR, f), text: readFileSync(join(GUIDES_DIR, f), 'utf8') })),
      stickerReminder: () => ({ file: REMINDER, text: readFileSync(REMINDER, 'utf8') }),
      sheets: () =>
        readdirSync(SHEETS_DIR)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => ({ name: basename(f, '.json'), file: join(SHEETS_DIR, f), text: readFileSync(join(SHEETS_DIR, f), 'utf8') })),
    },
    raster: {
      async encode(svg, format, dpi) {
        const image = (await loadSharp())(Buffer.from(svg), { limitInputPixels: false }).flatten({ background: '#FFFFFF' }).withMetadata({ density: dpi });
        switch (format) {
          case 'png':
            return image.png({ compressionLevel: 6 }).toBuffer();
          case 'jpg':
            return image.jpeg({ quality: 90, chromaSubsampling: '4:4:4' }).toBuffer();
          case 'webp':
            return image.webp({ quality: 90 }).toBuffer();
        }
      },
      async grey(svg) {
        const sharp = await loadSharp();
        const { data, info } = await sharp(Buffer.from(svg)).raw().toBuffer({ resolveWithObject: true });
        return { data: await greyLevels(sharp, data, info.width * info.height), width: info.width, height: info.height };
      },
    },
    zxing() {
      // From the package's own .wasm file, never fetched.
      return (zxing ??= import('zxing-wasm/reader').then((module) => {
        const bytes = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
        const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
        module.prepareZXingModule({ overrides: { wasmBinary } });
        return module;
      }));
    },
  };
}
