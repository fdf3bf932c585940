import { join } from 'node:path';
import { listGuides, renderGuide } from '../../content/guides.js';
import type { LaidOutDocument } from '../../layout/display-list.js';
import { writeFileAtomic } from '../../output/write-atomic.js';
import { DEFAULT_SLOGAN, layoutBanner, parseBannerSize } from '../../products/banner.js';
import { layoutLeaflet } from '../../products/leaflet.js';
import { layoutPoster } from '../../products/poster.js';
import { pageFileNames, renderDocument, type OutputFormat } from '../../products/render.js';
import { IMAGE_DPI, IMAGE_PRESETS, layoutScreenImage } from '../../products/screen-image.js';
import { loadUnitFor, noteGuideNeeds } from '../unit.js';
import { watchInterrupt } from '../interrupt.js';
import { sourceDate } from '../output-options.js';

interface KitFile {
  name: string;
  doc: LaidOutDocument;
  format: OutputFormat;
  dpi: number;
}

/** The campaign guide for posters, screens and the banner. */
const CAMPAIGN_GUIDE = 'kich-hoat';

/**
 * The whole set at default sizes: every guide as an A5 leaflet (PDF and PNG),
 * an A2 poster, the four screen pictures, and a 500 × 80 cm banner.
 */
export async function kitCommand(o: { allowScheme?: string[]; unit: string; out: string }): Promise<number> {
  const date = sourceDate();
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  const { profile, logo, m } = unit;
  const files: KitFile[] = [];
  // Lay out everything first: a problem stops the run before any file is written.
  const infos = listGuides();
  for (const info of infos) noteGuideNeeds(info, profile);
  const guides = infos.map((info) => renderGuide(info, profile));
  for (const guide of guides) {
    const { doc, notices } = layoutLeaflet({ profile, guide, paper: 'a5', logo }, m);
    for (const n of notices) process.stderr.write(`Lưu ý: ${n}\n`);
    files.push({ name: `to-roi-${guide.id}.pdf`, doc, format: 'pdf', dpi: 200 }, { name: `to-roi-${guide.id}.png`, doc, format: 'png', dpi: 200 });
  }
  const campaign = { profile, guide: guides.find((g) => g.id === CAMPAIGN_GUIDE)!, logo };
  files.push({ name: `ap-phich-${CAMPAIGN_GUIDE}-a2.pdf`, doc: layoutPoster(campaign, { size: 'a2', landscape: false, bleed: 0 }, m).doc, format: 'pdf', dpi: 150 });
  for (const [preset, px] of Object.entries(IMAGE_PRESETS)) {
    files.push({ name: `anh-${CAMPAIGN_GUIDE}-${preset}.png`, doc: layoutScreenImage(campaign, px, m), format: 'png', dpi: IMAGE_DPI });
  }
  const banner = parseBannerSize('500x80cm')!;
  files.push({ name: 'bang-ron-500x80cm.pdf', doc: layoutBanner(profile, profile.slogan ?? DEFAULT_SLOGAN, banner.width, banner.height, m), format: 'pdf', dpi: 72 });

  const interrupt = watchInterrupt();
  for (const [i, f] of files.entries()) {
    interrupt.check(i, files.length, 'tệp');
    const pages = await renderDocument(f.doc, unit.fonts, { format: f.format, dpi: f.dpi, date });
    const names = f.format === 'pdf' ? [f.name] : pageFileNames(f.name, pages.length);
    for (const [p, name] of names.entries()) {
      const path = join(o.out, name);
      await writeFileAtomic(path, pages[p]!);
      process.stdout.write(`Đã tạo ${path}\n`);
    }
  }
  interrupt.dispose();
  return 0;
}
