import { findGuide, renderGuide } from '../../content/guides.js';
import type { PaperName } from '../../layout/page-sizes.js';
import { layoutLeaflet } from '../../products/leaflet.js';
import { renderDocument, type OutputFormat } from '../../products/render.js';
import { loadUnit } from '../../products/unit-context.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { checkDpi, resolveFormat, sourceDate } from '../output-options.js';

export interface LeafletOptions {
  unit: string;
  guide: string;
  size: PaperName;
  format?: OutputFormat;
  dpi: number;
  out?: string;
}

export async function leafletCommand(o: LeafletOptions): Promise<number> {
  const format = resolveFormat(o.format, o.out);
  const dpi = checkDpi(o.dpi);
  const date = sourceDate();
  const info = findGuide(o.guide);
  const unit = await loadUnit(o.unit);
  const doc = layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper: o.size, logo: unit.logo }, unit.m);
  const [file] = await renderDocument(doc, unit.fonts, { format, dpi, date });
  const out = o.out ?? `to-roi-${info.id}-${o.size}.${format}`;
  await writeFileAtomic(out, file!);
  process.stdout.write(`Đã tạo ${out} (tờ hướng dẫn "${info.title}", khổ ${o.size.toUpperCase()})\n`);
  return 0;
}
