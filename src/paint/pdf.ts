import PDFDocument from 'pdfkit';
import type { Box, Color, GroupItem, Item, LaidOutDocument, Page } from '../layout/display-list.js';
import type { FontSet } from '../layout/fonts.js';
import { ungroupItems } from '../layout/translate.js';
import { qrRuns } from '../qr/matrix.js';
import { channels, toCmyk } from './colors.js';
import { fastSubsets } from './font-subset.js';
import { xobjectName, type Resources } from './page-xobjects.js';
import { num, PageContent } from './pdf-content.js';
import { compressWith } from './pdf-deflate.js';
import { PdfImages } from './pdf-images.js';
import { PdfText, type SharedGlyphs } from './pdf-text.js';

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
  /**
   * Glyphs each face's subset holds whether this document draws them or not
   * (sharedGlyphs): the documents of one batch then embed the same fonts and
   * draw a page the same in each, and each such stream is deflated once.
   */
  glyphs?: SharedGlyphs;
}

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
    // pdfkit would load Helvetica's metrics as the default font, though nothing is drawn with it.
    font: null as unknown as string,
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
  // Helvetica would have been font F1: the faces keep their names (F2…), from which their subsets' names derive.
  (pdf as unknown as { _fontCount: number })._fontCount = 1;
  for (const face of Object.values(fonts.faces)) {
    fastSubsets(face.font);
    pdf.registerFont(face.id, face.font as unknown as string); // pdfkit takes a fontkit font, though its types say path
  }
  pdf.on('data', sink);
  const done = new Promise<void>((resolve, reject) => {
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const cmyk = options.cmyk ?? false;
  const content = new PageContent(cmyk);
  const painter: Painter = {
    pdf,
    cmyk,
    content,
    resources: { fonts: {}, xobjects: {} },
    text: new PdfText(pdf, options.glyphs),
    qr: new QrForms(pdf, cmyk),
    images: new PdfImages(pdf, cmyk),
    groups: new WeakMap(),
    links: options.links ?? true,
    height: 0,
  };
  return {
    addPage(page) {
      pdf.addPage({ size: [page.width, page.height], margin: 0 });
      setBoxes(pdf, page);
      // pdfkit's page keeps its fonts and XObjects where its resources dictionary is written from.
      painter.resources = pdf.page as unknown as Resources;
      painter.height = page.height;
      for (const item of page.items) drawItem(painter, item);
      pdf.addContent(content.take());
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
  private forms = new Map<string, PDFKit.PDFKitReference>();

  constructor(
    private pdf: PDFKit.PDFDocument,
    private cmyk: boolean,
  ) {}

  draw(content: PageContent, resources: Resources, item: Extract<Item, { type: 'qr' }>): void {
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
      this.forms.set(key, (form = ref));
    }
    const name = xobjectName(resources, 'Qr', form);
    const cell = item.size / (n + 2 * item.margin);
    // The page's user space already runs top-down, as the form's module grid does.
    content.op(`q ${cell} 0 0 ${cell} ${item.x + item.margin * cell} ${item.y + item.margin * cell} cm /${name} Do Q`);
  }
}

function rgb(hex: Color): [number, number, number] {
  return channels(hex).map((v) => Math.round(v * 1000) / 1000) as [number, number, number];
}

/** TrimBox and BleedBox, in PDF's bottom-up coordinates. */
function setBoxes(pdf: PDFKit.PDFDocument, page: Page): void {
  const box = (b: Box) => [b.x, page.height - b.y - b.height, b.x + b.width, page.height - b.y];
  const dict = (pdf.page as unknown as { dictionary: { data: Record<string, unknown> } }).dictionary.data;
  if (page.trimBox) dict.TrimBox = box(page.trimBox);
  if (page.bleedBox) dict.BleedBox = box(page.bleedBox);
}

/** A document's drawing state: the page (or form) being written and what is written once per document. */
interface Painter {
  pdf: PDFKit.PDFDocument;
  cmyk: boolean;
  content: PageContent;
  /** Where the page or form being drawn names its fonts and XObjects. */
  resources: Resources;
  text: PdfText;
  qr: QrForms;
  images: PdfImages;
  /** Each group's form, by its items: the same drawing placed again is placed, not drawn. */
  groups: WeakMap<Item[], PDFKit.PDFKitReference>;
  links: boolean;
  /** The page's (or form's) height, for the text's bottom-up coordinates. */
  height: number;
}

/** Each item as pdfkit's own drawing calls would write it (pdf-content.ts). */
function drawItem(p: Painter, item: Item): void {
  switch (item.type) {
    case 'rect':
    case 'circle':
    case 'line':
      p.content.shape(item);
      return;
    case 'text':
      p.text.draw(p.content, p.resources, item, p.height);
      return;
    case 'qr':
      p.qr.draw(p.content, p.resources, item);
      if (p.links) p.pdf.link(item.x, item.y, item.size, item.size, item.url);
      return;
    case 'image':
      p.images.draw(p.content, p.resources, item);
      return;
    case 'clip':
      p.content.clip(item.x, item.y, item.width, item.height);
      for (const inner of item.items) drawItem(p, inner);
      p.content.op('Q');
      return;
    case 'group': {
      let form = p.groups.get(item.items);
      if (!form) p.groups.set(item.items, (form = groupForm(p, item)));
      p.content.op(`q 1 0 0 1 ${num(item.x)} ${num(item.y)} cm /${xobjectName(p.resources, 'Fm', form)} Do Q`);
      // A link is the page's, where the code is placed.
      if (p.links) for (const qr of ungroupItems(item.items)) if (qr.type === 'qr') p.pdf.link(item.x + qr.x, item.y + qr.y, qr.size, qr.size, qr.url);
      return;
    }
    default:
      item satisfies never;
  }
}

/**
 * A group drawn once as a form XObject, in the page's top-down space moved to
 * the group's corner. Its box reaches well past the group's own, so that no
 * accent or stroke that leaves the block is cut.
 */
function groupForm(p: Painter, group: GroupItem): PDFKit.PDFKitReference {
  const resources: Resources = { fonts: {}, xobjects: {} };
  const content = new PageContent(p.cmyk);
  for (const item of group.items) drawItem({ ...p, content, resources, height: group.height, links: false }, item);
  const reach = Math.max(group.width, group.height);
  const used = { ...(Object.keys(resources.fonts).length ? { Font: resources.fonts } : {}), ...(Object.keys(resources.xobjects).length ? { XObject: resources.xobjects } : {}) };
  const form = p.pdf.ref({ Type: 'XObject', Subtype: 'Form', BBox: [-reach, -reach, group.width + reach, group.height + reach], Resources: used });
  form.end(content.take());
  return form;
}
