import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfPageText {
  width: number;
  height: number;
  /** The page's text, lines joined by spaces, as a reader would copy it. */
  text: string;
}

/** Extracts what a PDF viewer shows: page sizes in points and the text on each page. */
export async function readPdf(bytes: Buffer): Promise<PdfPageText[]> {
  const doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: PdfPageText[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    let text = '';
    for (const item of content.items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : '');
    }
    pages.push({ width: x1 - x0, height: y1 - y0, text: text.replace(/\s+/g, ' ').trim() });
  }
  await doc.destroy();
  return pages;
}
