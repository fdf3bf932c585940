import PDFDocument from 'pdfkit';
import type { Item, LaidOutDocument } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import { qrRuns } from '../qr/matrix.js';

export interface PdfOptions {
  /** The PDF's creation date; never the clock, so that reruns give the same bytes. */
  date?: Date;
}

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

  for (const page of doc.pages) {
    pdf.addPage({ size: [page.width, page.height], margin: 0 });
    for (const item of page.items) drawItem(pdf, item);
  }
  pdf.end();
  return done;
}

function drawItem(pdf: PDFKit.PDFDocument, item: Item): void {
  switch (item.type) {
    case 'rect': {
      if (item.radius) pdf.roundedRect(item.x, item.y, item.width, item.height, item.radius);
      else pdf.rect(item.x, item.y, item.width, item.height);
      if (item.fill && item.stroke) pdf.lineWidth(item.strokeWidth ?? 1).fillAndStroke(item.fill, item.stroke);
      else if (item.fill) pdf.fill(item.fill);
      else if (item.stroke) pdf.lineWidth(item.strokeWidth ?? 1).stroke(item.stroke);
      return;
    }
    case 'circle':
      pdf.circle(item.cx, item.cy, item.r).fill(item.fill);
      return;
    case 'line':
      pdf.save().moveTo(item.x1, item.y1).lineTo(item.x2, item.y2).lineWidth(item.width);
      if (item.dash) pdf.dash(item.dash[0], { space: item.dash[1] });
      pdf.stroke(item.color).restore();
      return;
    case 'text':
      // lineBreak:false keeps pdfkit from wrapping or adding pages: layout placed it.
      pdf.font(item.font).fontSize(item.size).fillColor(item.color).text(item.text, item.x, item.y, { lineBreak: false, baseline: 'alphabetic' });
      return;
    case 'qr': {
      const cell = item.size / (item.modules.length + 2 * item.margin);
      const ox = item.x + item.margin * cell;
      const oy = item.y + item.margin * cell;
      for (const run of qrRuns(item.modules)) pdf.rect(ox + run.x * cell, oy + run.y * cell, run.length * cell, cell);
      pdf.fill(item.color);
      // On screen the code is also a link, for people who get the PDF on their phone.
      pdf.link(item.x, item.y, item.size, item.size, item.url);
      return;
    }
    case 'image':
      pdf.image(item.png, item.x, item.y, { width: item.width, height: item.height });
      return;
  }
}
