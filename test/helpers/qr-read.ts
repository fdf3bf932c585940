import sharp from 'sharp';
import type { Page, QrItem } from '../../src/layout/display-list.js';
import { jsQR } from '../../src/qr/decoders.js';
import { drawnItems } from './ink.js';

/**
 * Reads every QR code back from a rendered page image. jsQR finds one code per
 * image, so each code's region (from the display list) is cropped first.
 */
export async function readQrCodes(image: Buffer, page: Page): Promise<string[]> {
  const meta = await sharp(image).metadata();
  const scale = meta.width! / page.width;
  const codes = drawnItems(page).filter((i): i is QrItem => i.type === 'qr');
  const found: string[] = [];
  for (const qr of codes) {
    // The code's square holds its quiet zone: crop to it, not into what is printed around.
    const left = Math.max(0, Math.floor(qr.x * scale));
    const top = Math.max(0, Math.floor(qr.y * scale));
    const side = Math.min(Math.ceil(qr.size * scale), meta.width! - left, meta.height! - top);
    const { data, info } = await sharp(image).extract({ left, top, width: side, height: side }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const result = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
    found.push(result?.data ?? '(không đọc được)');
  }
  return found;
}
