import { beforeAll, describe, expect, it } from 'vitest';
import { findGuide, listGuides, renderGuide } from '../../src/content/guides.js';
import { UserError } from '../../src/errors.js';
import type { Page } from '../../src/layout/display-list.js';
import { MM, POSTER_PAPER, type PosterSize } from '../../src/layout/page-sizes.js';
import { labelSlots, listSheetPresets, loadSheetPreset } from '../../src/layout/sheet-preset.js';
import { layoutHandout } from '../../src/products/handout.js';
import { layoutLeaflet } from '../../src/products/leaflet.js';
import { layoutPoster } from '../../src/products/poster.js';
import { layoutStickerSheets, stickerReminder } from '../../src/products/sticker-sheet.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { example } from '../helpers/cli.js';
import { crowdedUnit } from '../helpers/fixtures.js';
import { inkBox, texts } from '../helpers/ink.js';

/**
 * Type sizes and distances to the trim, measured on the display list of every
 * product: what a reader at the product's distance and an office printer's
 * unprintable edge decide.
 */
const EDGE = 5 * MM;

function sizes(pages: Page[]): number[] {
  return pages.flatMap((p) => texts(p).map((t) => t.size)).sort((a, b) => a - b);
}
const median = (xs: number[]) => xs[Math.floor(xs.length / 2)]!;

/** Text whose ink comes nearer than `edge` to the page's trim. */
function nearTrim(page: Page, edge: number): string[] {
  return texts(page)
    .filter((t) => {
      const b = inkBox(t);
      return b.left < edge || b.top < edge || b.right > page.width - edge || b.bottom > page.height - edge;
    })
    .map((t) => t.text);
}

const UNITS: [string, () => Promise<UnitContext>][] = [
  ['phuong-binh-thanh', () => loadUnit(example('phuong-binh-thanh.yaml'))],
  ['truong-thcs-tan-trung', () => loadUnit(example('truong-thcs-tan-trung.yaml'))],
  ['xa-thanh-nhut', () => loadUnit(example('xa-thanh-nhut.yaml'))],
  ['four long venues', crowdedUnit],
];

/**
 * The layout, or the refusal the user gets when the content cannot fit above the
 * floor: a UserError that says what to do. Only the crowded unit may be refused.
 */
function laidOutOrAdvised<T>(name: string, make: () => T): T | undefined {
  try {
    return make();
  } catch (err) {
    if (!(err instanceof UserError) || name !== 'four long venues') throw err;
    expect(err.problems[0]!.hint).toMatch(/A4|rút gọn|bớt/);
    return undefined;
  }
}

describe.each(UNITS)('leaflets for %s', (name, load) => {
  let unit: UnitContext;
  beforeAll(async () => {
    unit = await load();
  });

  it("A4 holds every guide, however long the unit's details", () => {
    for (const info of listGuides()) expect(() => layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper: 'a4', logo: unit.logo }, unit.m), info.id).not.toThrow();
  });

  for (const { paper, largePrint, min, body } of [
    { paper: 'a5' as const, largePrint: false, min: 9, body: 10 },
    { paper: 'a4' as const, largePrint: false, min: 10.8, body: 12 },
    { paper: 'a4' as const, largePrint: true, min: 12.7, body: 14 },
  ]) {
    it(`${paper.toUpperCase()}${largePrint ? ' large print' : ''}: no text under ${min} pt, body text ${body} pt or more, all of it ${EDGE / MM} mm inside the trim`, () => {
      for (const info of listGuides()) {
        const laid = laidOutOrAdvised(name, () => layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper, largePrint, logo: unit.logo }, unit.m));
        if (!laid) continue;
        const { doc } = laid;
        const all = sizes(doc.pages);
        expect(all[0], info.id).toBeGreaterThanOrEqual(min - 0.01);
        expect(median(all), info.id).toBeGreaterThanOrEqual(body - 0.01);
        for (const page of doc.pages) expect(nearTrim(page, EDGE), info.id).toEqual([]);
      }
    });
  }
});

describe('parent handouts', () => {
  it('no text under 9 pt, body 10 pt, 5 mm inside the trim, and 10 mm to sign on the slip', async () => {
    for (const [name, load] of UNITS) {
      const unit = await load();
      const pages = laidOutOrAdvised(name, () => layoutHandout(
        { name: '6A1', teacher: 'Cô Nguyễn Thị Thanh Hương', phone: '0907 028 318', zalo: 'https://zalo.me/g/thcstantrung6a1', line: 2, dataFile: 'c.csv' },
        { profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile), palette: 'grayscale', twoUp: false },
        unit.m,
      ));
      if (!pages) continue;
      expect(pages).toHaveLength(2);
      const all = sizes(pages);
      expect(all[0]).toBeGreaterThanOrEqual(9);
      expect(median(all)).toBeGreaterThanOrEqual(10);
      for (const page of pages) expect(nearTrim(page, EDGE)).toEqual([]);
      // The signature line sits 10 mm or more below the line above it.
      const front = texts(pages[0]!);
      const sign = front.find((t) => t.text.startsWith('Chữ ký'))!;
      const above = Math.max(...front.filter((t) => t.y < sign.y - 1).map((t) => t.y));
      expect(sign.y - above).toBeGreaterThanOrEqual(10 * MM - 0.01);
      // Nothing on the back lies behind the slip, which is torn off the front.
      const cut = pages[0]!.items.find((i) => i.type === 'line' && i.dash && Math.abs(i.y1 - i.y2) < 0.01)!;
      const cutY = cut.type === 'line' ? cut.y1 : 0;
      expect(texts(pages[1]!).filter((t) => inkBox(t).bottom > cutY).map((t) => t.text)).toEqual([]);
    }
  });
});

describe('stickers', () => {
  it('no text under 7 pt, every line 2 mm inside its label, on every sheet preset', async () => {
    const unit = await crowdedUnit();
    const reminder = stickerReminder(unit.profile);
    // a4-3x8 cannot hold two codes at the size a 30-cm scan needs, and is refused (see scan-distance.test.ts).
    for (const name of listSheetPresets().filter((n) => n !== 'a4-3x8')) {
      const preset = loadSheetPreset(name);
      const rows = [
        { line: 2, block: 'Chung cư Ngọc Lan – Tòa A', address: '125 Nơ Trang Long, phường Bình Thạnh' },
        { line: 3, block: 'Khu tập thể Bộ đội Biên phòng', address: '12 Nơ Trang Long' },
      ];
      // Every preset but a4-3x8 holds both codes at the size a 30-cm scan asks for (scan-distance.test.ts).
      const laid = layoutStickerSheets({ profile: unit.profile, rows, preset, reminder, dataFile: 't.csv' }, unit.m);
      const page = laid.doc.pages[0]!;
      expect(sizes([page])[0], name).toBeGreaterThanOrEqual(7);
      const edge = 2 * MM;
      for (const slot of labelSlots(preset).slice(0, rows.length)) {
        const inside = texts(page).filter((t) => {
          const b = inkBox(t);
          return b.left >= slot.x - 0.01 && b.right <= slot.x + preset.label.width + 0.01 && b.top >= slot.y - 0.01 && b.bottom <= slot.y + preset.label.height + 0.01;
        });
        expect(inside.length, name).toBeGreaterThan(3);
        const near = inside.filter((t) => {
          const b = inkBox(t);
          return b.left < slot.x + edge || b.top < slot.y + edge || b.right > slot.x + preset.label.width - edge || b.bottom > slot.y + preset.label.height - edge;
        });
        expect(near.map((t) => t.text), name).toEqual([]);
      }
    }
  });
});

describe('posters', () => {
  const floors: Record<PosterSize, number> = { a4: 18, a3: 25.4, a2: 36, a1: 50.9, a0: 72 };
  it('set the steps at 36 pt on A2 (read from 3 m) and larger on larger sheets, 5 mm inside the trim, without an empty cell', async () => {
    const unit = await loadUnit(example('phuong-binh-thanh.yaml'));
    for (const info of listGuides()) {
      const guide = renderGuide(info, unit.profile);
      for (const size of Object.keys(POSTER_PAPER) as PosterSize[]) {
        for (const landscape of [false, true]) {
          const page = layoutPoster({ profile: unit.profile, guide }, { size, landscape, bleed: 0 }, unit.m).doc.pages[0]!;
          // The steps are the text inside the rounded tiles.
          const tiles = page.items.filter((i) => i.type === 'rect' && (i.radius ?? 0) > 0);
          expect(tiles.length, `${info.id} ${size}`).toBe(guide.steps.length);
          // An odd last step spreads over its row instead of leaving an empty cell beside it.
          if (guide.steps.length >= 5 && guide.steps.length % 2 === 1) {
            const [first, last] = [tiles[0]!, tiles[tiles.length - 1]!];
            if (first.type === 'rect' && last.type === 'rect') expect(last.width).toBeGreaterThan(1.5 * first.width);
          }
          const stepText = texts(page).filter((t) => tiles.some((r) => r.type === 'rect' && t.x >= r.x && t.x + t.width <= r.x + r.width && t.y >= r.y && t.y <= r.y + r.height));
          expect(stepText.length, `${info.id} ${size}`).toBeGreaterThan(0);
          expect(Math.min(...stepText.map((t) => t.size)), `${info.id} ${size}${landscape ? ' ngang' : ''}`).toBeGreaterThanOrEqual(floors[size] - 0.1);
          expect(nearTrim(page, EDGE), `${info.id} ${size}`).toEqual([]);
        }
      }
    }
  });
});
