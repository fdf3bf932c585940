import { checkTemplateGlyphs, renderGuide } from '../../content/guides.js';
import type { PaperName } from '../../layout/page-sizes.js';
import { layoutLeaflet } from '../../products/leaflet.js';
import { pageFileNames, renderDocument, type OutputFormat } from '../../products/render.js';
import { loadUnitFor, noteGuideNeeds } from '../unit.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { checkDpi, pickGuide, resolveFormat, sourceDate } from '../output-options.js';

export interface LeafletOptions {
  /** Extra link schemes for QR codes (--allow-scheme). */
  allowScheme?: string[];
  unit: string;
  guide?: string;
  /** A guide template of the user's own, instead of --guide. */
  template?: string;
  size: PaperName;
  format?: OutputFormat;
  dpi: number;
  out?: string;
}

export async function leafletCommand(o: LeafletOptions): Promise<number> {
  const format = resolveFormat(o.format, o.out);
  const dpi = checkDpi(o.dpi);
  const date = sourceDate();
  const info = pickGuide(o.guide, o.template);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  noteGuideNeeds(info, unit.profile);
  checkTemplateGlyphs(info, unit.fonts.missingGlyphs);
  const { doc, notices } = layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper: o.size, logo: unit.logo }, unit.m);
  for (const n of notices) process.stderr.write(`Lưu ý: ${n}\n`);
  const files = await renderDocument(doc, unit.fonts, { format, dpi, date });
  const out = o.out ?? `to-roi-${info.id}-${o.size}.${format}`;
  // A PDF holds every page; pictures are one file a page.
  const names = format === 'pdf' ? [out] : pageFileNames(out, files.length);
  for (const [i, name] of names.entries()) await writeFileAtomic(name, files[i]!);
  process.stdout.write(`Đã tạo ${names.join(', ')} (tờ hướng dẫn "${info.title}", khổ ${o.size.toUpperCase()}${doc.pages.length > 1 ? ', hai mặt' : ''})\n`);
  return 0;
}
