import { renderGuide } from '../../content/guides.js';
import type { PaperName } from '../../layout/page-sizes.js';
import { layoutLeaflet } from '../../products/leaflet.js';
import { renderDocument, type OutputFormat } from '../../products/render.js';
import { loadUnitFor } from '../unit.js';
import { checkOutFile } from '../../output/destination.js';
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
  const out = o.out ?? `to-roi-${info.id}-${o.size}.${format}`;
  await checkOutFile(out);
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  const doc = layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper: o.size, logo: unit.logo }, unit.m);
  const [file] = await renderDocument(doc, unit.fonts, { format, dpi, date });
  await writeFileAtomic(out, file!);
  process.stdout.write(`Đã tạo ${out} (tờ hướng dẫn "${info.title}", khổ ${o.size.toUpperCase()})\n`);
  return 0;
}
