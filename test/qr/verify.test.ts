import { beforeAll, describe, expect, it } from 'vitest';
import { findGuide, listGuides, renderGuide } from '../../src/content/guides.js';
import type { Page, QrItem } from '../../src/layout/display-list.js';
import { MM, POSTER_PAPER, type PosterSize } from '../../src/layout/page-sizes.js';
import { layoutLeaflet } from '../../src/products/leaflet.js';
import { layoutPoster } from '../../src/products/poster.js';
import { HANDOUT, LEAFLET, posterPlace, screenPlace, STICKER, type ScanPlace } from '../../src/products/scan-distance.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../../src/products/screen-image.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { qrModules } from '../../src/qr/matrix.js';
import { verifyQrCodes } from '../../src/qr/verify.js';
import { example } from '../helpers/cli.js';
import { handoutPages, HOLDING, STICKER_ROWS, stickerSheets } from '../helpers/fixtures.js';
import { codeProblems, codesOn, measure } from '../helpers/qr-geometry.js';

/**
 * Every product's codes read back as a phone at the product's distance sees
 * them (src/qr/verify.ts: the imitated 1080p preview, jsQR and ZXing), and codes
 * drawn wrong that must fail. Their sizes are measured against the rules in
 * test/products/scan-distance.test.ts.
 */
let unit: UnitContext;
let school: UnitContext;
beforeAll(async () => {
  unit = await loadUnit(example('phuong-binh-thanh.yaml'));
  school = await loadUnit(example('truong-thcs-tan-trung.yaml'));
});

const stickers = (preset: string, rows = STICKER_ROWS) => stickerSheets(unit, preset, rows);
const handout = (o = {}) => handoutPages(school, o);

describe('the read-back: a phone at the declared distance, two decoders', () => {
  const readBack = async (page: Page, place: Pick<ScanPlace, 'distance'>) => (await verifyQrCodes(page, unit.fonts, place, new Set())).map((f) => ({ url: f.qr.url, ...f.reads }));

  it.each(HOLDING)('stickers on %s read at 30 cm', async (preset) => {
    const { doc } = stickers(preset);
    for (const page of doc.pages) expect(await readBack(page, STICKER)).toEqual([]);
  });

  it('leaflets read at 30 cm: A5 and A4, two store codes and the lone portal code', async () => {
    for (const paper of ['a5', 'a4'] as const) {
      for (const id of ['kich-hoat', listGuides().find((g) => g.meta.action === 'open-portal')!.id]) {
        const { doc } = layoutLeaflet({ profile: unit.profile, guide: renderGuide(findGuide(id), unit.profile), paper }, unit.m);
        for (const page of doc.pages) expect(await readBack(page, LEAFLET), `${paper} ${id}`).toEqual([]);
      }
    }
  });

  it('handouts read at 40 cm, in colour, in grayscale, two-up and in large print', async () => {
    for (const o of [{}, { palette: 'grayscale' as const }, { twoUp: true }, { largePrint: true }]) {
      const [, back] = await handout(o);
      expect(await readBack(back!, HANDOUT), JSON.stringify(o)).toEqual([]);
    }
  });

  it('posters read at the distance of their size, portrait and landscape', async () => {
    for (const size of Object.keys(POSTER_PAPER) as PosterSize[]) {
      for (const landscape of [false, true]) {
        const page = layoutPoster({ profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile) }, { size, landscape, bleed: 0 }, unit.m).doc.pages[0]!;
        expect(await readBack(page, posterPlace(size)), `${size} ${landscape}`).toEqual([]);
      }
    }
  });

  it('screen pictures read from their diagonal', async () => {
    for (const px of Object.values(IMAGE_PRESETS)) {
      const page = layoutScreenImage({ profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile) }, px, unit.m).doc.pages[0]!;
      expect(await readBack(page, screenPlace(page.width, page.height))).toEqual([]);
    }
  });

  it('fails a code with a label drawn over it, naming that code', async () => {
    const { doc } = stickers('a4-2x4', STICKER_ROWS.slice(0, 1));
    const page = doc.pages[0]!;
    const android = codesOn(page)[1]!;
    const { symbol } = measure(android);
    const damaged: Page = { ...page, items: [...page.items, { type: 'rect', x: symbol.x, y: symbol.y + symbol.height * 0.55, width: symbol.width, height: 9, fill: '#C8102E' }, { type: 'text', x: symbol.x + 4, y: symbol.y + symbol.height * 0.55 + 7, text: 'Android', font: 'bold', size: 8, color: '#FFFFFF', width: 30 }] };
    expect(codeProblems(damaged, [android], STICKER)).toEqual([expect.stringContaining('ink on its quiet zone: rect, text "Android"')]);
    const failed = await readBack(damaged, STICKER);
    expect(failed.map((f) => f.url)).toEqual([android.url]);
  });

  it('fails codes shrunk to fit a label too small for them (14 mm, a 3-module quiet zone, 1.5 mm apart), which the same camera reads from 15 cm', async () => {
    const side = 14 * MM;
    const code = (url: string, x: number): QrItem => {
      const modules = qrModules(url, 'M');
      return { type: 'qr', x, y: 20, size: (side * (modules.length + 6)) / modules.length, modules, margin: 3, color: '#1B1F24', url, level: 'M' };
    };
    const ios = code(unit.profile.qr.ios, 20);
    const android = code(unit.profile.qr.android, 20 + ios.size + 1.5 * MM);
    const label = (q: QrItem, text: string) => ({ type: 'text' as const, x: q.x + 10, y: q.y + q.size + 9, text, font: 'bold' as const, size: 7, color: '#1B1F24' as const, width: 25 });
    const square = (q: QrItem) => ({ type: 'rect' as const, x: q.x, y: q.y, width: q.size, height: q.size, fill: '#FFFFFF' as const });
    const page: Page = {
      width: 200 * MM,
      height: 60 * MM,
      items: [{ type: 'rect', x: 0, y: 0, width: 200 * MM, height: 60 * MM, fill: '#FFF7D6' }, square(ios), ios, square(android), android, label(ios, 'iPhone'), label(android, 'Android')],
    };
    expect(codeProblems(page, [ios, android], STICKER).join('\n')).toMatch(/under 22\.00 mm[\s\S]*under 3 preview pixels[\s\S]*quiet zone of 3\.00 modules[\s\S]*apart, under/);
    // 14 mm of 33 modules at 30 cm: about 2.1 preview pixels a module.
    const failed = await readBack(page, STICKER);
    expect(failed.map((f) => f.url).sort()).toEqual([ios.url, android.url].sort());
    // At 15 cm (twice the pixels a module) the same codes read: it is the size for the distance, not the encoding.
    expect(await readBack(page, { distance: 150 * MM })).toEqual([]);
    // The margin, where the camera's strictness shows: both read from 24 cm (2.7 preview pixels a module), neither from 26 cm (2.5).
    expect(await readBack(page, { distance: 240 * MM })).toEqual([]);
    expect((await readBack(page, { distance: 260 * MM })).map((f) => f.url).sort()).toEqual([ios.url, android.url].sort());
  });
});
