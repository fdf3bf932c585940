import { PNG } from 'pngjs';
import type { ImageItem } from '../layout/display-list.js';
import { cmykOf } from './colors.js';
import { xobjectName, type Resources } from './page-xobjects.js';
import type { PageContent } from './pdf-content.js';
import { deflate } from './pdf-deflate.js';

/**
 * Images (logos) as PDF image XObjects, written at once and each stored once.
 * pdfkit's own image() decodes a PNG with transparency on a background thread
 * and numbers its mask object whenever that finishes, so the same input could
 * give different bytes from run to run; decoding here, synchronously, cannot.
 * For the print shop (cmyk) the pixels are converted as every other colour is.
 */
export class PdfImages {
  private images = new Map<Buffer, PDFKit.PDFKitReference>();

  constructor(
    private pdf: PDFKit.PDFDocument,
    private cmyk: boolean,
  ) {}

  draw(content: PageContent, resources: Resources, item: ImageItem): void {
    let image = this.images.get(item.png);
    if (!image) this.images.set(item.png, (image = this.embed(item.png)));
    const name = xobjectName(resources, 'Im', image);
    // An image fills the unit square from its bottom-left corner; the page's user space runs top-down.
    content.op(`q ${item.width} 0 0 ${-item.height} ${item.x} ${item.y + item.height} cm /${name} Do Q`);
  }

  private embed(png: Buffer): PDFKit.PDFKitReference {
    const { width, height, colour, alpha } = encodedImage(png, this.cmyk);
    const image = { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8, Filter: 'FlateDecode' };
    const ref = this.pdf.ref({ ...image, ColorSpace: this.cmyk ? 'DeviceCMYK' : 'DeviceRGB' });
    if (alpha) {
      const mask = this.pdf.ref({ ...image, ColorSpace: 'DeviceGray' });
      mask.end(alpha);
      (ref as unknown as { data: Record<string, unknown> }).data.SMask = mask;
    }
    ref.end(colour);
    return ref;
  }
}

interface EncodedImage {
  width: number;
  height: number;
  /** Deflated pixels, RGB or CMYK. */
  colour: Uint8Array;
  /** Deflated alpha, when any pixel is not opaque. */
  alpha?: Uint8Array;
}

/** Decoded and deflated once per process: every PDF of a batch carries the same logo. */
const encoded = new WeakMap<Buffer, Partial<Record<'rgb' | 'cmyk', EncodedImage>>>();

function encodedImage(png: Buffer, cmyk: boolean): EncodedImage {
  let forPng = encoded.get(png);
  if (!forPng) encoded.set(png, (forPng = {}));
  const space = cmyk ? 'cmyk' : 'rgb';
  let image = forPng[space];
  if (!image) {
    const { width, height, data } = PNG.sync.read(png); // always 8-bit RGBA
    const n = cmyk ? 4 : 3;
    const colour = Buffer.alloc(width * height * n);
    const alpha = Buffer.alloc(width * height);
    for (let p = 0; p < width * height; p++) {
      const [r, g, b] = [data[4 * p]!, data[4 * p + 1]!, data[4 * p + 2]!];
      const components = cmyk ? cmykOf(r / 255, g / 255, b / 255).map((v) => Math.round(v * 255)) : [r, g, b];
      colour.set(components, n * p);
      alpha[p] = data[4 * p + 3]!;
    }
    image = { width, height, colour: deflate(colour), alpha: alpha.some((a) => a !== 255) ? deflate(alpha) : undefined };
    forPng[space] = image;
  }
  return image;
}
