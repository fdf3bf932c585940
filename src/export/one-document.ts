import { renderGuide, type GuideInfo } from '../content/guides.js';
import type { LogoImage } from '../content/logo.js';
import type { UnitProfile } from '../content/profile.js';
import type { LaidOutDocument } from '../layout/display-list.js';
import type { Measurer } from '../layout/measure.js';
import { MM, type PaperName, type PosterSize } from '../layout/page-sizes.js';
import type { TileSheet } from '../layout/tiles.js';
import { withBleed } from '../layout/bleed.js';
import { fileNames, PRODUCTS } from '../products/catalog.js';
import { layoutBanner } from '../products/banner.js';
import { layoutLeaflet } from '../products/leaflet.js';
import { layoutPoster } from '../products/poster.js';
import { layoutScreenImage, type Seen } from '../products/screen-image.js';
import type { OutputFormat } from './render.js';

/** A one-document product as the front ends ask for it: the command line's options, the web page's form, the kit. */
export type OneDocumentRequest =
  | { product: 'leaflet'; guide: GuideInfo; size: PaperName; largePrint: boolean; bleedMm?: number }
  | { product: 'poster'; guide: GuideInfo; size: PosterSize; landscape: boolean; bleedMm: number; tile?: TileSheet }
  | { product: 'image'; guide: GuideInfo; px: { width: number; height: number; seen?: Seen }; preset?: string }
  /** A street banner at real size (points); `label` is its size as the user wrote it ("500x80cm"). */
  | { product: 'banner'; slogan: string; width: number; height: number; label: string };

export interface OneDocument {
  doc: LaidOutDocument;
  /** Choices the layout made that the user should know about. */
  notices: string[];
  /** Resolution its pictures are made at. */
  dpi: number;
  /** The file name when the user gives none. */
  fileName: (format: OutputFormat) => string;
  /** Posters: the printed side of each QR code in points, and the tiles when split over office sheets. */
  qrSize?: number;
  tiles?: { rows: number; columns: number };
}

/** Lays out a leaflet, poster, screen picture or banner for a unit, the same way for every front end. */
export function layoutOneDocument(req: OneDocumentRequest, unit: { profile: UnitProfile; logo?: LogoImage; m: Measurer }): OneDocument {
  if (req.product === 'banner') {
    const doc = layoutBanner(unit.profile, req.slogan, req.width, req.height, unit.m);
    return { doc, notices: [], dpi: PRODUCTS.banner.dpi, fileName: () => fileNames.banner(req.label) };
  }
  const guide = renderGuide(req.guide, unit.profile);
  const id = req.guide.id;
  switch (req.product) {
    case 'leaflet': {
      const paper: PaperName = req.largePrint ? 'a4' : req.size;
      const { doc, notices } = layoutLeaflet({ profile: unit.profile, guide, paper, largePrint: req.largePrint, logo: unit.logo }, unit.m);
      // For a print shop: colour runs past the trim, with crop marks and PDF boxes.
      const bleed = (req.bleedMm ?? 0) * MM;
      if (bleed > 0) doc.pages = doc.pages.map((page) => withBleed(page, bleed));
      return { doc, notices, dpi: PRODUCTS.leaflet.dpi, fileName: (f) => fileNames.leaflet(id, paper, req.largePrint, f) };
    }
    case 'poster': {
      const r = layoutPoster({ profile: unit.profile, guide, logo: unit.logo }, { size: req.size, landscape: req.landscape, bleed: req.bleedMm * MM, tile: req.tile }, unit.m);
      return { doc: r.doc, notices: r.notices, dpi: PRODUCTS.poster.dpi, fileName: (f) => fileNames.poster(id, req.size, req.landscape, f, req.tile), qrSize: r.qrSize, tiles: r.tiles };
    }
    case 'image': {
      const { doc, notices } = layoutScreenImage({ profile: unit.profile, guide, logo: unit.logo }, req.px, unit.m);
      return { doc, notices, dpi: PRODUCTS.image.dpi, fileName: (f) => fileNames.image(id, req.preset ?? `${req.px.width}x${req.px.height}`, f) };
    }
  }
}
