import PDFDocument from 'pdfkit';
import type { Box, Color, Item, LaidOutDocument, Page } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import { qrRuns } from '../qr/matrix.js';
import { channels, toCmyk } from './colors.js';
import { fastSubsets } from './font-subset.js';
import { compressWith } from './pdf-deflate.js';
import { PdfImages } from './pdf-images.js';

export interface PdfOptions {
  /** The PDF's creation date; never the clock, so that reruns give the same bytes. */
  date?: Date;
  /** Write colours as CMYK, as print shops ask, instead of RGB. */
  cmyk?: boolean;
  /**
   * Make each QR code a clickable link too, for a PDF read on a phone (default).
   * Label sheets are only ever printed: there the links would be dead weight.
   */
  links?: boolean;
}

type PdfColor = string | [number, number, number, number];

/** Draws a laid-out document with pdfkit: fonts embedded and subset, QR codes as vectors. */
export async function paintPdf(doc: LaidOutDocument, fonts: FontSet, options: PdfOptions): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const writer = openPdf(doc, fonts, options, (c) => chunks.push(c));
  for (const page of doc.pages) writer.addPage(page);
  await writer.end();
  return Buffer.concat(chunks);
}

export interface PdfWriter {
  addPage(page: Page): void;
  /** Finishes the file; resolves once every byte has been handed to `sink`. */
  end(): Promise<void>;
}

/**
 * A PDF written page by page: each page goes to `sink` as soon as it is drawn,
 * so a batch of thousands of pages never sits in memory.
 */
export function openPdf(meta: { title: string; author: string }, fonts: FontSet, options: PdfOptions, sink: (chunk: Buffer) => void): PdfWriter {
  const pdf = compressWith(new PDFDocument({
    autoFirstPage: false,
    margin: 0,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: meta.title,
      Author: meta.author,
      Creator: 'vneid-print',
      Producer: 'vneid-print',
      // pdfkit always writes a date and derives the file ID from it: without
      // SOURCE_DATE_EPOCH it is the epoch, the reproducible-builds convention.
      CreationDate: options.date ?? new Date(0),
      ModDate: options.date ?? new Date(0),
    },
  }));
  // The parsed fonts the layout measured with: shaping is identical, and their
  // glyph tables are parsed once per process rather than once per document.
  // Their subsets are assembled from glyphs read once per process (font-subset.ts).
  for (const face of Object.values(fonts.faces)) {
    fastSubsets(face.font);
    pdf.registerFont(face.id, face.font as unknown as string); // pdfkit takes a fontkit font, though its types say path
  }
  pdf.on('data', sink);
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const color = options.cmyk ? toCmyk : (c: Color): PdfColor => c;
  const reused: Reused = { qr: new QrForms(pdf, options.cmyk ?? false), images: new PdfImages(pdf, options.cmyk ?? false) };
  const links = options.links ?? true;
  return {
    addPage(page) {
      pdf.addPage({ size: [page.width, page.height], margin: 0 });
      setBoxes(pdf, page);
      for (const item of page.items) drawItem(pdf, item, color, reused, links);
      forgetShaping(pdf);
    },
    end() {
      pdf.end();
      return done;
    },
  };
}

/**
 * Each distinct QR code is written once as a form XObject and placed wherever
 * it appears: a thousand stickers carry the two store codes, not two thousand.
 */
class QrForms {
  private forms = new Map<string, { name: string; ref: PDFKit.PDFKitReference }>();

  constructor(
    private pdf: PDFKit.PDFDocument,
    private cmyk: boolean,
  ) {}

  draw(item: Extract<Item, { type: 'qr' }>): void {
    const n = item.modules.length;
    const key = `${item.color}|${item.level}|${item.url}`;
    let form = this.forms.get(key);
    if (!form) {
      const runs = qrRuns(item.modules)
        .map((r) => `${r.x} ${r.y} ${r.length} 1 re`)
        .join('\n');
      const fill = this.cmyk ? `${toCmyk(item.color).map((v) => v / 100).join(' ')} k` : `${rgb(item.color).join(' ')} rg`;
      const ref = this.pdf.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, n, n], Resources: {} });
      ref.end(`${fill}\n${runs}\nf\n`);
      form = { name: `Qr${this.forms.size + 1}`, ref };
      this.forms.set(key, form);
    }
    const page = this.pdf.page as unknown as { xobjects: Record<string, PDFKit.PDFKitReference> };
    page.xobjects[form.name] = form.ref;
    const cell = item.size / (n + 2 * item.margin);
    // The page's user space already runs top-down, as the form's module grid does.
    this.pdf.addContent(`q ${cell} 0 0 ${cell} ${item.x + item.margin * cell} ${item.y + item.margin * cell} cm /${form.name} Do Q`);
  }
}

function rgb(hex: Color): [number, number, number] {
  return channels(hex).map((v) => Math.round(v * 1000) / 1000) as [number, number, number];
}

/**
 * pdfkit keeps the shaping of every distinct string it has drawn. In a batch
 * every block name is new, so that cache would grow with every page: reset it
 * once it is large (the strings that repeat come back at once).
 */
function forgetShaping(pdf: PDFKit.PDFDocument): void {
  const families = (pdf as unknown as { _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }> })._fontFamilies;
  for (const font of Object.values(families)) {
    if (font.layoutCache && Object.keys(font.layoutCache).length > 2000) font.layoutCache = Object.create(null);
  }
}

/** TrimBox and BleedBox, in PDF's bottom-up coordinates. */
function setBoxes(pdf: PDFKit.PDFDocument, page: Page): void {
  const box = (b: Box) => [b.x, page.height - b.y - b.height, b.x + b.width, page.height - b.y];
  const dict = (pdf.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
  if (page.trimBox) dict.TrimBox = box(page.trimBox);
  if (page.bleedBox) dict.BleedBox = box(page.bleedBox);
}

/** What is written once per document and placed wherever it appears. */
interface Reused {
  qr: QrForms;
  images: PdfImages;
}

function drawItem(pdf: PDFKit.PDFDocument, item: Item, color: (c: Color) => PdfColor, reused: Reused, links: boolean): void {
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
    case 'qr':
      reused.qr.draw(item);
      if (links) pdf.link(item.x, item.y, item.size, item.size, item.url);
      return;
    case 'image':
      reused.images.draw(item);
      return;
    case 'clip':
      pdf.save();
      pdf.rect(item.x, item.y, item.width, item.height).clip();
      for (const inner of item.items) drawItem(pdf, inner, color, reused, links);
      pdf.restore();
      return;
    default:
      item satisfies never;
  }
}
