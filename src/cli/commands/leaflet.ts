import { checkTemplateGlyphs } from '../../content/guides.js';
import type { PaperName } from '../../layout/page-sizes.js';
import { fileNames } from '../../products/catalog.js';
import { layoutOneDocument } from '../../export/one-document.js';
import { exportDocument, type OutputFormat } from '../../export/render.js';
import { loadUnitFor, noteGuideNeeds, noteLayoutChoices } from '../unit.js';
import { checkOutFile } from '../../output/destination.js';
import { writeAllOrNone } from '../../output/write-atomic.js';
import { checkBleed, checkDpi, pickGuide, resolveFormat, sourceDate } from '../output-options.js';
import { UserError } from '../../errors.js';

export interface LeafletOptions {
  /** Extra link schemes for QR codes (--allow-scheme). */
  allowScheme?: string[];
  unit: string;
  guide?: string;
  /** A guide template of the user's own, instead of --guide. */
  template?: string;
  size?: PaperName;
  /** Body text of 14 pt or more, on A4. */
  largePrint?: boolean;
  /** Bleed for a print shop, mm (0 for none). */
  bleed?: number;
  format?: OutputFormat;
  dpi: number;
  out?: string;
}

export async function leafletCommand(o: LeafletOptions): Promise<number> {
  const format = resolveFormat(o.format, o.out);
  const dpi = checkDpi(o.dpi);
  const date = sourceDate();
  if (o.largePrint && o.size === 'a5') throw new UserError({ field: '--size', message: 'chữ to (--large-print) in trên khổ A4', hint: 'bỏ --size a5, hoặc bỏ --large-print' });
  const info = pickGuide(o.guide, o.template);
  const request = { product: 'leaflet' as const, guide: info, size: o.size ?? 'a5', largePrint: !!o.largePrint, bleedMm: checkBleed(o.bleed ?? 0, format) };
  const paper: PaperName = o.largePrint ? 'a4' : request.size;
  const out = o.out ?? fileNames.leaflet(info.id, paper, request.largePrint, format);
  await checkOutFile(out);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  noteGuideNeeds(info, unit.profile);
  checkTemplateGlyphs(info, unit.fonts.missingGlyphs);
  const { doc, notices } = layoutOneDocument(request, unit);
  noteLayoutChoices(notices);
  // A PDF holds every page; pictures are one file a page.
  const files = await exportDocument(doc, unit.fonts, out, { format, dpi, date });
  for (const f of files.slice(1)) await checkOutFile(f.name);
  await writeAllOrNone(files);
  const what = `khổ ${paper.toUpperCase()}${o.largePrint ? ', chữ to' : ''}${doc.pages.length > 1 ? ', hai mặt' : ''}`;
  process.stdout.write(`Đã tạo ${files.map((f) => f.name).join(', ')} (tờ hướng dẫn "${info.title}", ${what})\n`);
  return 0;
}
