import { listGuides, renderGuide } from '../../content/guides.js';
import type { LaidOutDocument } from '../../layout/display-list.js';
import { stageOutput } from '../../output/staged-output.js';
import { DEFAULT_SLOGAN, layoutBanner, parseBannerSize } from '../../products/banner.js';
import { layoutLeaflet } from '../../products/leaflet.js';
import { layoutPoster } from '../../products/poster.js';
import { pageFileNames, renderDocument, type OutputFormat } from '../../export/render.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../../products/screen-image.js';
import { PRODUCTS } from '../../products/catalog.js';
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
 * an A2 poster, the four screen pictures, and a 500 × 80 cm banner; all of
 * them appear together at the end, or none.
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
    files.push({ name: `to-roi-${guide.id}.pdf`, doc, format: 'pdf', dpi: PRODUCTS.leaflet.dpi }, { name: `to-roi-${guide.id}.png`, doc, format: 'png', dpi: PRODUCTS.leaflet.dpi });
  }
  const campaign = { profile, guide: guides.find((g) => g.id === CAMPAIGN_GUIDE)!, logo };
  files.push({ name: `ap-phich-${CAMPAIGN_GUIDE}-a2.pdf`, doc: layoutPoster(campaign, { size: 'a2', landscape: false, bleed: 0 }, m).doc, format: 'pdf', dpi: PRODUCTS.poster.dpi });
  for (const [preset, px] of Object.entries(IMAGE_PRESETS)) {
    files.push({ name: `anh-${CAMPAIGN_GUIDE}-${preset}.png`, doc: layoutScreenImage(campaign, px, m).doc, format: 'png', dpi: PRODUCTS.image.dpi });
  }
  const banner = parseBannerSize('500x80cm')!;
  files.push({ name: 'bang-ron-500x80cm.pdf', doc: layoutBanner(profile, profile.slogan ?? DEFAULT_SLOGAN, banner.width, banner.height, m), format: 'pdf', dpi: 72 });

  // A picture of a two-sided leaflet is two files: the front and "-mat-sau".
  const namesOf = (f: KitFile) => (f.format === 'pdf' ? [f.name] : pageFileNames(f.name, f.doc.pages.length));
  const staged = await stageOutput(o.out, files.flatMap(namesOf));
  const interrupt = watchInterrupt();
  try {
    for (const [i, f] of files.entries()) {
      const pages = await renderDocument(f.doc, unit.fonts, { format: f.format, dpi: f.dpi, date });
      for (const [p, name] of namesOf(f).entries()) await staged.write(name, pages[p]!);
      interrupt.check(i + 1, files.length, 'tệp');
    }
    for (const path of await staged.commit()) process.stdout.write(`Đã tạo ${path}\n`);
    return 0;
  } catch (err) {
    await staged.discard();
    throw err;
  } finally {
    interrupt.dispose();
  }
}
