import { findGuide, listGuides } from '../../content/guides.js';
import { layoutOneDocument, type OneDocument } from '../../export/one-document.js';
import { exportDocument, exportNames, type OutputFormat } from '../../export/render.js';
import { DEFAULT_SLOGAN, parseBannerSize } from '../../products/banner.js';
import { IMAGE_PRESETS, type ImagePreset } from '../../products/screen-image.js';
import { loadUnitFor, noteGuideNeeds, noteLayoutChoices } from '../unit.js';
import { sourceDate } from '../output-options.js';
import { runStaged } from '../staged-batch.js';

interface KitFile {
  name: string;
  made: OneDocument;
  format: OutputFormat;
}

/** The campaign guide for posters, screens and the banner. */
const CAMPAIGN_GUIDE = 'kich-hoat';
const BANNER_SIZE = '500x80cm';

/**
 * The whole set at default sizes, laid out and exported as the single commands
 * do it: every guide as an A5 leaflet (PDF and PNG), an A2 poster, the four
 * screen pictures, and a 500 × 80 cm banner; all of them appear together at
 * the end, or none.
 */
export async function kitCommand(o: { allowScheme?: string[]; unit: string; out: string }): Promise<number> {
  const date = sourceDate();
  const unit = await loadUnitFor(o.unit, o.allowScheme);
  const { profile } = unit;
  const files: KitFile[] = [];
  // Lay out everything first: a problem stops the run before any file is written.
  const guides = listGuides();
  for (const info of guides) noteGuideNeeds(info, profile);
  for (const info of guides) {
    const made = layoutOneDocument({ product: 'leaflet', guide: info, size: 'a5', largePrint: false }, unit);
    // The kit's leaflets are all A5: their names say only the guide.
    files.push({ name: `to-roi-${info.id}.pdf`, made, format: 'pdf' }, { name: `to-roi-${info.id}.png`, made, format: 'png' });
  }
  const campaign = findGuide(CAMPAIGN_GUIDE);
  const poster = layoutOneDocument({ product: 'poster', guide: campaign, size: 'a2', landscape: false, bleedMm: 0 }, unit);
  files.push({ name: poster.fileName('pdf'), made: poster, format: 'pdf' });
  for (const preset of Object.keys(IMAGE_PRESETS) as ImagePreset[]) {
    const image = layoutOneDocument({ product: 'image', guide: campaign, px: IMAGE_PRESETS[preset], preset }, unit);
    files.push({ name: image.fileName('png'), made: image, format: 'png' });
  }
  const banner = layoutOneDocument({ product: 'banner', slogan: profile.slogan ?? DEFAULT_SLOGAN, ...parseBannerSize(BANNER_SIZE)!, label: BANNER_SIZE }, unit);
  files.push({ name: banner.fileName('pdf'), made: banner, format: 'pdf' });

  // What each layout chose (two sides, details left out), once per document, named by its file.
  const told = new Set<OneDocument>();
  for (const f of files) {
    if (told.has(f.made)) continue;
    told.add(f.made);
    noteLayoutChoices(f.made.notices, f.name);
  }

  // A picture of a two-sided leaflet is two files: the front and "-mat-sau".
  const names = files.flatMap((f) => exportNames(f.name, f.format, f.made.doc.pages.length));
  const { paths } = await runStaged(o.out, names, undefined, async (sink, hooks) => {
    for (const [i, f] of files.entries()) {
      for (const file of await exportDocument(f.made.doc, unit.fonts, f.name, { format: f.format, dpi: f.made.dpi, date })) await sink.write(file.name, file.bytes);
      hooks.checkStop?.(i + 1, files.length, 'tệp');
    }
  });
  for (const path of paths) process.stdout.write(`Đã tạo ${path}\n`);
  return 0;
}
