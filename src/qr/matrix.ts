import QRCode from 'qrcode';
import type { QrLevel } from '../products/scan-distance.js';

/** The most a QR code holds at level M: version 40, byte mode. Links are checked against it before any code is made. */
export const QR_MAX_BYTES = 2331;
/** The same at level Q: a longer link is made at M. */
const QR_MAX_BYTES_Q = 1663;

/** Whether `text` fits a code at `level` at all. */
export function encodable(text: string, level: QrLevel): boolean {
  return Buffer.byteLength(text, 'utf8') <= (level === 'Q' ? QR_MAX_BYTES_Q : QR_MAX_BYTES);
}

// Choosing the mask is the costly part of making a code; a batch repeats the same
// store links on every sticker, so each text is encoded once per process and
// level, and every sticker shares that one matrix.
const cache = new Map<string, boolean[][]>();

/**
 * The dark modules of a QR code for `text` at `level`, row-major (quiet zone not
 * included). M (15 % of the code may be lost) for screens and leaflets; Q (25 %)
 * for stickers and posters, scuffed in a lobby or a hallway (see scan-distance.ts).
 */
export function qrModules(text: string, level: QrLevel = 'M'): boolean[][] {
  const key = `${level}\u0000${text}`;
  let modules = cache.get(key);
  if (!modules) {
    modules = encode(text, level);
    if (cache.size > 500) cache.clear();
    cache.set(key, modules);
  }
  return modules;
}

function encode(text: string, level: QrLevel): boolean[][] {
  const qr = QRCode.create(text, { errorCorrectionLevel: level });
  const n = qr.modules.size;
  const out: boolean[][] = [];
  for (let y = 0; y < n; y++) {
    const r: boolean[] = [];
    for (let x = 0; x < n; x++) r.push(qr.modules.get(y, x) === 1);
    out.push(r);
  }
  return out;
}

/** Horizontal runs of dark modules: fewer, larger rectangles for both painters. */
export function qrRuns(modules: boolean[][]): { x: number; y: number; length: number }[] {
  const runs: { x: number; y: number; length: number }[] = [];
  modules.forEach((r, y) => {
    let x = 0;
    while (x < r.length) {
      if (!r[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < r.length && r[x]) x++;
      runs.push({ x: start, y, length: x - start });
    }
  });
  return runs;
}
