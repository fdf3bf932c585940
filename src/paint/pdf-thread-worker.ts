import { parentPort } from 'node:worker_threads';
import type { Item } from '../layout/display-list.js';
import { loadFonts } from '../layout/fonts.js';
import { openPdf, type PdfWriter } from './pdf.js';
import type { FromThread, ToThread } from './pdf-thread.js';

// The worker of pdf-thread.ts: one PDF, page by page, its bytes sent back after each page.
const fonts = loadFonts();
const port = parentPort!;
let chunks: Buffer[] = [];
let writer: PdfWriter | undefined;
let pages = 0;

/** A picture arrives as a new copy with every page: the same bytes get the same Buffer, so the logo is decoded once (pdf-images.ts). */
const pictures: Buffer[] = [];
function revive(items: Item[]): void {
  for (const item of items) {
    if (item.type === 'image') {
      const bytes = Buffer.from(item.png.buffer, item.png.byteOffset, item.png.byteLength);
      let same = pictures.find((p) => p.equals(bytes));
      if (!same) {
        if (pictures.length >= 8) pictures.length = 0;
        pictures.push((same = bytes));
      }
      item.png = same;
    } else if (item.type === 'clip') revive(item.items);
  }
}

const send = (message: FromThread) => port.postMessage(message);
/** What pdfkit wrote since the last call, as one message. */
function flush(extra: { pages?: number } = {}): void {
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
  chunks = [];
  send({ bytes, ...extra });
}

port.on('message', async (m: ToThread) => {
  try {
    if ('open' in m) {
      writer = openPdf(m.open.meta, fonts, m.open.options, (chunk) => chunks.push(chunk));
    } else if ('page' in m) {
      revive(m.page.items);
      writer!.addPage(m.page);
      flush({ pages: ++pages });
    } else {
      await writer!.end();
      flush();
      send({ ended: true });
    }
  } catch (err) {
    send({ error: { message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined } });
  }
});
