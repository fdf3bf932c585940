import PDFDocument from 'pdfkit';
import type { Box, Color, Item, LaidOutDocument, Page } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import { qrRuns } from '../qr/matrix.js';

export interface PdfOptions {
  /** The PDF's creation date; never the clock, so that reruns give the same bytes. */
  date?: Date;
  /** Write colours as CMYK, as print shops ask, instead of RGB. */
  cmyk?: boolean;
}

type PdfColor = string | [number, number, number, number];

/** Draws a laid-out document with pdfkit: fonts embedded and subset, QR codes as vectors. */
export function paintPdf(doc: LaidOutDocument, fonts: FontSet, options: PdfOptions): Promise<Buffer> {
  const pdf = new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: doc.title,
      Author: doc.author,
      Creator: 'vneid-print',
      Producer: 'vneid-print',
      // pdfkit always writes a date and derives the file ID from it: without
      // SOURCE_DATE_EPOCH it is the epoch, the reproducible-builds convention.
      CreationDate: options.date ?? new Date(0),
      ModDate: options.date ?? new Date(0),
    },
  });
  for (const face of Object.values(fonts.faces)) pdf.registerFont(face.id, face.file);

  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });

  const color = options.cmyk ? toCmyk : (c: Color): PdfColor => c;
  for (const page of doc.pages) {
    pdf.addPage({ size: [page.width, page.height], margin: 0 });
    setBoxes(pdf, page);
    for (const item of page.items) drawItem(pdf, item, color);
  }
  pdf.end();
  return done;
}

/** TrimBox and BleedBox, in PDF's bottom-up coordinates. */
function setBoxes(pdf: PDFKit.PDFDocument, page: Page): void {
  const box = (b: Box) => [b.x, page.height - b.y - b.height, b.x + b.width, page.height - b.y];
  const dict = (pdf.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
  if (page.trimBox) dict.TrimBox = box(page.trimBox);
  if (page.bleedBox) dict.BleedBox = box(page.bleedBox);
}

function drawItem(pdf: PDFKit.PDFDocument, item: Item, color: (c: Color) => PdfColor): void {
  switch (item.type) {
    case 'rect': {
      if (item.radius) pdf.roundedRect(item.x, item.y, item.width, item.height, item.radius);
      else pdf.rect(item.x, item.y, item.width, item.height);
      if (item.fill && item.stroke) pdf.lineWidth(item.strokeWidth ?? 1).fillAndStroke(color(item.fill), color(item.stroke));
      else if (item.fill) pdf.fill(color(item.fill));
      else if (item.stroke) pdf.lineWidth(item.strokeWidth ?? 1).stroke(color(item.stroke));
      return;
    }
    case 'circle':
      pdf.circle(item.cx, item.cy, item.r).fill(color(item.fill));
      return;
    case 'line':
      pdf.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width);
      if (item.dash) pdf.dash(item.dash[0], { space: item.dash[1] });
      pdf.stroke(color(item.color)).restore();
      return;
    case 'text':
      // lineBreak:false keeps pdfkit from wrapping or adding pages: layout placed it.
      pdf.font(item.font).fontSize(item.size).fillColor(color(item.color)).text(item.text, item.x, item.y, { lineBreak: false, baseline: 'alphabetic' });
      return;
    case 'qr': {
      const cell = item.size / (item.modules.length + 2 * item.margin);
      const ox = item.x + item.margin * cell;
      const oy = item.y + item.margin * cell;
      for (const run of qrRuns(item.modules)) pdf.rect(ox + run.x * cell, oy + run.y * cell, run.length * cell, cell);
      pdf.fill(color(item.color));
      // On screen the code is also a link, for people who get the PDF on their phone.
      pdf.link(item.x, item.y, item.size, item.size, item.url);
      return;
    }
    case 'image':
      pdf.image(item.png, item.x, item.y, { width: item.width, height: item.height });
      return;
    case 'clip':
      pdf.save();
      pdf.rect(item.x, item.y, item.width, item.height).clip();
      for (const inner of item.items) drawItem(pdf, inner, color);
      pdf.restore();
      return;
    default:
      item satisfies never;
  }
}

/** '#RRGGBB' as CMYK percentages; pure black goes to K only, so text prints with one plate. */
export function toCmyk(hex: Color): [number, number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
  const k = 1 - Math.max(r, g, b);
  if (k >= 1) return [0, 0, 0, 100];
  const pct = (v: number) => Math.round(((1 - v - k) / (1 - k)) * 1000) / 10;
  return [pct(r), pct(g), pct(b), Math.round(k * 1000) / 10];
}
