import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listGuides, renderGuide } from '../content/guides.js';
import { parseProfile } from '../content/profile.js';
import { UserError } from '../errors.js';
import { loadFonts } from '../layout/fonts.js';
import { createMeasurer } from '../layout/measure.js';
import { DEFAULT_SLOGAN, layoutBanner, parseBannerSize } from '../products/banner.js';
import { layoutLeaflet } from '../products/leaflet.js';
import { layoutPoster } from '../products/poster.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../products/screen-image.js';
import type { Item } from '../layout/display-list.js';
import type { FontId } from '../layout/fonts.js';
import { fastSubsets } from '../paint/font-subset.js';

const SAMPLE = fileURLToPath(new URL('../../examples/phuong-binh-thanh.yaml', import.meta.url));

/**
 * Lays out the sample unit's products once, synchronously, while the startup
 * snapshot is built: the fonts' tables are then decoded, the guides' words shaped
 * and the parsers compiled before a user's first command starts.
 */
export function warmUp(): void {
  const fonts = loadFonts();
  const m = createMeasurer(fonts);
  const text = new Map<FontId, Set<string>>();
  const profile = parseProfile(readFileSync(SAMPLE, 'utf8'), SAMPLE, { missingGlyphs: fonts.missingGlyphs });
  for (const info of listGuides()) {
    const guide = renderGuide(info, profile);
    for (const paper of ['a5', 'a4'] as const) for (const page of layoutLeaflet({ profile, guide, paper }, m).doc.pages) collectText(page.items, text);
    layoutPoster({ profile, guide }, { size: 'a2', landscape: false, bleed: 0 }, m);
    for (const px of Object.values(IMAGE_PRESETS)) {
      // A picture a guide does not fit is refused to the user; here it has warmed up all the same.
      try {
        layoutScreenImage({ profile, guide }, px, m);
      } catch (err) {
        if (!(err instanceof UserError)) throw err;
      }
    }
  }
  const banner = parseBannerSize('500x80cm')!;
  layoutBanner(profile, DEFAULT_SLOGAN, banner.width, banner.height, m);
  // The PDF subsets' parts (font-subset.ts) for every glyph the leaflets use. pdfkit itself cannot
  // run here: it loads its standard fonts with a require of its own, which a snapshot cannot hold.
  for (const [id, strings] of text) {
    const font = fonts.faces[id].font;
    fastSubsets(font);
    const subset = font.createSubset();
    for (const s of strings) for (const glyph of font.layout(s).glyphs) subset.includeGlyph(glyph);
    subset.encode();
  }
}

function collectText(items: Item[], into: Map<FontId, Set<string>>): void {
  for (const item of items) {
    if (item.type === 'text') {
      if (!into.has(item.font)) into.set(item.font, new Set());
      into.get(item.font)!.add(item.text);
    } else if (item.type === 'clip' || item.type === 'group') collectText(item.items, into);
  }
}
