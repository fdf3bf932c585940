import { checkTemplateGlyphs, renderGuide } from '../../content/guides.js';
import type { PaperName } from '../../layout/page-sizes.js';
import { layoutLeaflet } from '../../products/leaflet.js';
import { pageFileNames, renderDocument, type OutputFormat } from '../../products/render.js';
import { loadUnitFor, noteGuideNeeds } from '../unit.js';
import { checkOutFile } from '../../output/destination.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { checkDpi, pickGuide, resolveFormat, sourceDate } from '../output-options.js';
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
  format?: OutputFormat;
  dpi: number;
  out?: string;
}

export async function leafletCommand(o: LeafletOptions): Promise<number> {
  const format = resolveFormat(o.format, o.out);
  const dpi = checkDpi(o.dpi);
  const date = sourceDate();
  if (o.largePrint && o.size === 'a5') throw new UserError({ field: '--size', message: 'chữ to (--large-print) in trên khổ A4', hint: 'bỏ --size a5, hoặc bỏ --large-print' });
  const paper: PaperName = o.largePrint ? 'a4' : (o.size ?? 'a5');
  const info = pickGuide(o.guide, o.template);
  const out = o.out ?? `to-roi-${info.id}-${o.largePrint ? 'chu-to' : paper}.${format}`;
  await checkOutFile(out);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  noteGuideNeeds(info, unit.profile);
  checkTemplateGlyphs(info, unit.fonts.missingGlyphs);
  const { doc, notices } = layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper, largePrint: o.largePrint, logo: unit.logo }, unit.m);
  for (const n of notices) process.stderr.write(`Lưu ý: ${n}\n`);
  const files = await renderDocument(doc, unit.fonts, { format, dpi, date });
  // A PDF holds every page; pictures are one file a page.
  const names = format === 'pdf' ? [out] : pageFileNames(out, files.length);
  for (const name of names.slice(1)) await checkOutFile(name);
  for (const [i, name] of names.entries()) await writeFileAtomic(name, files[i]!);
  const what = `khổ ${paper.toUpperCase()}${o.largePrint ? ', chữ to' : ''}${doc.pages.length > 1 ? ', hai mặt' : ''}`;
  process.stdout.write(`Đã tạo ${names.join(', ')} (tờ hướng dẫn "${info.title}", ${what})\n`);
  return 0;
}
