import * as jsQRModule from 'jsqr';
import type { Page, QrItem } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import { framePageSvg, pageSvgContent } from '../paint/svg.js';
import { loadSharp } from '../paint/load-sharp.js';

// jsqr is CommonJS with a TypeScript default export: under Node's ESM the
// function arrives as the module object's default.
const jsQR = jsQRModule.default as unknown as typeof jsQRModule.default.default;

/** Pixels per QR module in the read-back raster: coarse enough to be quick, fine enough to decode. */
const PX_PER_MODULE = 5;

export interface QrFailure {
  qr: QrItem;
  read: string | undefined;
}

/**
 * Rasterises the page around each QR code, with whatever else is drawn there,
 * and decodes it. A code already proven at the same size is not read twice.
 */
export async function verifyQrCodes(page: Page, fonts: FontSet, proven: Set<string>): Promise<QrFailure[]> {
  const sharp = loadSharp();
  const failures: QrFailure[] = [];
  let content: string | undefined; // the page is drawn once, and only if a code needs reading
  for (const qr of page.items.filter((i): i is QrItem => i.type === 'qr')) {
    const key = `${qr.size.toFixed(2)}|${qr.color}|${qr.url}`;
    if (proven.has(key)) continue;
    // Take in some of the surroundings, as a phone camera would.
    const pad = qr.size * 0.15;
    const view = { x: qr.x - pad, y: qr.y - pad, width: qr.size + 2 * pad, height: qr.size + 2 * pad };
    const px = Math.ceil(((qr.modules.length + 2 * qr.margin) * PX_PER_MODULE * view.width) / qr.size);
    content ??= pageSvgContent(page, fonts);
    const svg = framePageSvg(content, px, px, view);
    const { data, info } = await sharp(Buffer.from(svg)).flatten({ background: '#FFFFFF' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    const read = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data;
    if (read === qr.url) proven.add(key);
    else failures.push({ qr, read });
  }
  return failures;
}
