import { zlibSync } from 'fflate';
import { deflateMemo } from './deflate-memo.js';

/**
 * The one deflate every PDF stream is compressed with, on Node and in the
 * browser: fflate, pure JavaScript, so the same document is the same bytes
 * wherever it is made. (pdfkit deflates with Node's zlib on Node and with fflate
 * in its browser build; the two compress the same data differently.)
 */
export const deflate = (data: Uint8Array): Uint8Array => zlibSync(data, { level: 6 });

/**
 * The streams of every document this process writes: those that come again are
 * deflated once (deflate-memo.ts). pdfkit copies a stream's bytes before writing
 * them, so no reader ever holds a remembered array.
 */
const deflateStream = deflateMemo(deflate);

interface Reference {
  compress: boolean;
  buffer: Uint8Array[] | Uint8Array;
  data: Record<string, unknown>;
  finalize(): void;
}

/**
 * Makes `pdf` compress its streams with `deflate` instead of pdfkit's own: each
 * stream pdfkit would compress is compressed here, just before pdfkit writes it,
 * with the same Filter entry in the same place.
 */
export function compressWith(pdf: PDFKit.PDFDocument): PDFKit.PDFDocument {
  const doc = pdf as unknown as { ref(data?: object): Reference };
  const ref = doc.ref.bind(doc);
  doc.ref = (data) => {
    const r = ref(data);
    if (!r.compress) return r;
    r.compress = false;
    const finalize = r.finalize.bind(r);
    r.finalize = () => {
      const chunks = r.buffer as Uint8Array[];
      if (chunks.length) {
        const length = chunks.reduce((n, c) => n + c.length, 0);
        const all = new Uint8Array(length);
        let at = 0;
        for (const c of chunks) all.set(c, (at += c.length) - c.length);
        r.buffer = [deflateStream(all)];
        r.data.Filter = 'FlateDecode';
      }
      finalize();
    };
    return r;
  };
  return pdf;
}
