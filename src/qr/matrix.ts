import QRCode from 'qrcode';

/** The most a QR code holds at level M: version 40, byte mode. Links are checked against it before any code is made. */
export const QR_MAX_BYTES = 2331;

// Choosing the mask is the costly part of making a code; a batch repeats the same
// store links on every sticker, so each text is encoded once per process.
const cache = new Map<string, boolean[][]>();

/** The dark modules of a QR code for `text`, row-major (quiet zone not included). */
export function qrModules(text: string): boolean[][] {
  let modules = cache.get(text);
  if (!modules) {
    modules = encode(text);
    if (cache.size > 10_000) cache.clear();
    cache.set(text, modules);
  }
  return modules;
}

function encode(text: string): boolean[][] {
  // Level M survives a scuffed sticker or a fold and keeps store links small (~33×33).
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
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
