import { createHash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import type { Item, LaidOutDocument } from '../layout/display-list.js';
import { loadFonts } from '../layout/fonts.js';
import { paintPdf, type PdfOptions } from './pdf.js';
import type { PoolReply } from './pdf-pool.js';

// A worker of pdf-pool.ts: draws the documents it is handed, one at a time, in order.
const fonts = loadFonts();
/** A picture arrives as a new copy with every document: the same bytes get the same Buffer, so the logo is decoded once per worker (pdf-images.ts). */
const pictures = new Map<string, Buffer>();

function picture(bytes: Uint8Array): Buffer {
  const key = createHash('sha1').update(bytes).digest('hex');
  let png = pictures.get(key);
  if (!png) {
    if (pictures.size > 50) pictures.clear();
    pictures.set(key, (png = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)));
  }
  return png;
}

function revive(items: Item[]): void {
  for (const item of items) {
    if (item.type === 'image') item.png = picture(item.png);
    else if (item.type === 'clip') revive(item.items);
  }
}

parentPort!.on('message', async ({ id, doc, options }: { id: number; doc: LaidOutDocument; options: PdfOptions }) => {
  let reply: PoolReply;
  try {
    for (const page of doc.pages) revive(page.items);
    const bytes = await paintPdf(doc, fonts, options);
    reply = { id, bytes };
  } catch (err) {
    reply = { id, error: { message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined } };
  }
  parentPort!.postMessage(reply);
});
