import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_PORTAL } from '../../src/content/guide-meta.js';
import { findGuide, listGuides, renderGuide } from '../../src/content/guides.js';
import type { Page } from '../../src/layout/display-list.js';
import { MM, POSTER_PAPER, type PosterSize } from '../../src/layout/page-sizes.js';
import { labelSlots, loadSheetPreset } from '../../src/layout/sheet-preset.js';
import type { HandoutOptions } from '../../src/products/handout.js';
import { layoutLeaflet } from '../../src/products/leaflet.js';
import { layoutPoster } from '../../src/products/poster.js';
import { HANDOUT, LEAFLET, posterPlace, PREVIEW_FOCAL, previewPxPerModule, screenPlace, STICKER } from '../../src/products/scan-distance.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../../src/products/screen-image.js';
import { layoutStickerSheets, stickerReminder } from '../../src/products/sticker-sheet.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { qrModules } from '../../src/qr/matrix.js';
import { example, tempDir } from '../helpers/cli.js';
import { handoutPages, HOLDING, STICKER_ROWS, stickerSheets } from '../helpers/fixtures.js';
import { codeProblems, codesOn, measure } from '../helpers/qr-geometry.js';
import { refusal } from '../helpers/refusal.js';

/**
 * Issue #14: every product's codes measured on its display list against the
 * rules of scan-distance.ts (printed side, module, a clear quiet zone of 4
 * modules, a third of a code between codes, a label under each). They are read
 * back as a phone at the product's distance sees them in test/qr/verify.test.ts.
 */

let unit: UnitContext;
let school: UnitContext;
beforeAll(async () => {
  unit = await loadUnit(example('phuong-binh-thanh.yaml'));
  school = await loadUnit(example('truong-thcs-tan-trung.yaml'));
});

const ROWS = STICKER_ROWS;
const stickers = (preset: string, rows = ROWS) => stickerSheets(unit, preset, rows);
const handout = (o: Partial<HandoutOptions> = {}, zalo?: string | null) => handoutPages(school, o, zalo);

/** Codes grouped by the label they sit on. */
function byLabel(page: Page, preset: string) {
  const p = loadSheetPreset(preset);
  return labelSlots(p)
    .map((slot) => ({ box: { x: slot.x, y: slot.y, width: p.label.width, height: p.label.height }, codes: codesOn(page).filter((q) => q.x >= slot.x - 0.01 && q.x < slot.x + p.label.width && q.y >= slot.y - 0.01 && q.y < slot.y + p.label.height) }))
    .filter((l) => l.codes.length);
}

describe('stickers: read from 30 cm, codes of 22 mm or more, error correction Q', () => {
  it.each(HOLDING)('%s: every code measured on every label', (preset) => {
    const { doc, placed } = stickers(preset);
    for (const page of doc.pages) {
      const labels = byLabel(page, preset);
      // Every code of the sheet lies on a label: none is left out of the measuring.
      expect(labels.flatMap((l) => l.codes)).toHaveLength(codesOn(page).length);
      for (const label of labels) {
        expect(codeProblems(page, label.codes, STICKER, label.box), preset).toEqual([]);
        expect(label.codes.map((q) => q.level)).toEqual(label.codes.map(() => 'Q'));
        // Payloads are the links as given: no tracking parameters added.
        expect(label.codes.map((q) => q.url).slice(0, 2)).toEqual([unit.profile.qr.ios, unit.profile.qr.android]);
      }
    }
    expect(placed.map((p) => p.levels.length)).toEqual([2, 3, 3]);
  });

  it('a4-3x8 (70 × 37 mm) cannot hold two 22-mm codes with their quiet zones and spacing: refused, naming the labels that can', () => {
    const [problem] = refusal(() => stickers('a4-3x8')).problems;
    expect(problem).toMatchObject({ field: 'sheet' });
    expect(problem!.message).toContain('70 × 37 mm (a4-3x8) không đủ chỗ cho hai mã QR cạnh 22 mm');
    expect(problem!.hint).toContain('a4-2x4');
    expect(problem!.hint).not.toContain('a4-3x8');
  });

  it('a home-made label too small for the codes is refused the same way, never printed smaller', () => {
    const dir = tempDir();
    const file = join(dir, 'nho.json');
    writeFileSync(file, JSON.stringify({ title: 'Nhãn 60 × 40 mm', paper: { width: 210, height: 297 }, label: { width: 60, height: 40 }, grid: { columns: 3, rows: 7 }, origin: { left: 10, top: 5 }, gap: { x: 5, y: 1 }, marks: 'none' }));
    expect(() => layoutStickerSheets({ profile: unit.profile, rows: ROWS.slice(0, 1), preset: loadSheetPreset(file), reminder: stickerReminder(unit.profile), dataFile: 't.csv' }, unit.m)).toThrow(/60 × 40 mm \(nho\) không đủ chỗ[\s\S]*a4-2x4/);
  });

  it('every sticker of a sheet shares one matrix per link, and the matrix cache keys by text and level', () => {
    const { doc } = stickers('a4-2x4', Array.from({ length: 8 }, (_, i) => ({ line: i + 2, block: `Tòa ${i + 1}` })));
    const ios = codesOn(doc.pages[0]!).filter((q) => q.url === unit.profile.qr.ios);
    expect(ios).toHaveLength(8);
    expect(new Set(ios.map((q) => q.modules)).size).toBe(1);
    const url = unit.profile.qr.android;
    expect(qrModules(url, 'Q')).toBe(qrModules(url, 'Q'));
    expect(qrModules(url, 'M')).not.toBe(qrModules(url, 'Q'));
    expect(qrModules(url, 'M').length).toBe(33);
    expect(qrModules(url, 'Q').length).toBe(37);
  });
});

describe('leaflets: read in the hand, codes of 22 mm or more (set larger on A4), error correction M', () => {
  for (const paper of ['a5', 'a4'] as const) {
    for (const largePrint of paper === 'a4' ? [false, true] : [false]) {
      it(`${paper.toUpperCase()}${largePrint ? ' large print' : ''}: every guide's codes measured`, () => {
        for (const info of listGuides()) {
          const guide = renderGuide(info, unit.profile);
          const { doc } = layoutLeaflet({ profile: unit.profile, guide, paper, largePrint }, unit.m);
          const page = doc.pages.find((p) => codesOn(p).length)!;
          expect(codeProblems(page, codesOn(page), LEAFLET), info.id).toEqual([]);
          expect(codesOn(page).every((q) => q.level === 'M')).toBe(true);
          expect(codesOn(page).map((q) => q.url)).toEqual(guide.action === 'open-portal' ? [OFFICIAL_PORTAL] : [unit.profile.qr.ios, unit.profile.qr.android]);
        }
      });
    }
  }
});

describe('handouts: read from 40 cm at a table, error correction M', () => {
  it.each([
    ['A5 in colour', {}],
    ['A5 in grayscale', { palette: 'grayscale' as const }],
    ['large print on A4', { largePrint: true }],
  ])('%s: the Zalo group and both stores measured', async (_name, o) => {
    for (const zalo of ['https://zalo.me/g/thcstantrung6a1', null]) {
      const pages = await handout(o, zalo);
      expect(codesOn(pages[0]!)).toEqual([]);
      const codes = codesOn(pages[1]!);
      expect(codes.map((q) => q.url)).toEqual([...(zalo ? [zalo] : []), school.profile.qr.ios, school.profile.qr.android]);
      expect(codeProblems(pages[1]!, codes, HANDOUT)).toEqual([]);
      // One size for the row: the dark squares line up.
      expect(new Set(codes.map((q) => measure(q).side.toFixed(3))).size).toBe(1);
      expect(new Set(codes.map((q) => measure(q).symbol.y.toFixed(3))).size).toBe(1);
    }
  });

  it('two-up: each half-sheet copy measured on its own', async () => {
    const [, back] = await handout({ twoUp: true });
    const half = back!.width / 2;
    for (const side of [0, 1]) {
      const codes = codesOn(back!).filter((q) => (q.x < half) === (side === 0));
      expect(codes).toHaveLength(3);
      expect(codeProblems(back!, codes, HANDOUT, { x: side * half, y: 0, width: half, height: back!.height })).toEqual([]);
    }
  });
});

describe('posters: read on a wall, codes a tenth of the distance or more, error correction Q', () => {
  it.each(Object.keys(POSTER_PAPER) as PosterSize[])('%s, portrait and landscape, every guide', (size) => {
    for (const info of listGuides()) {
      for (const landscape of [false, true]) {
        const { doc, qrSize } = layoutPoster({ profile: unit.profile, guide: renderGuide(info, unit.profile) }, { size, landscape, bleed: 0 }, unit.m);
        const page = doc.pages[0]!;
        const codes = codesOn(page);
        expect(codes.length, info.id).toBe(info.meta.action === 'open-portal' ? 1 : 2);
        expect(codeProblems(page, codes, posterPlace(size)), `${info.id} ${landscape ? 'ngang' : 'dọc'}`).toEqual([]);
        expect(codes.every((q) => q.level === 'Q')).toBe(true);
        // What the command says ("quét được từ khoảng X m", side × 10) is at least the distance the size is read from.
        expect(qrSize * 10).toBeGreaterThanOrEqual(posterPlace(size).distance - 0.01);
        for (const q of codes) expect(measure(q).side).toBeCloseTo(qrSize, 3);
      }
    }
  });
});

describe('screen pictures: read from about the screen diagonal, error correction M', () => {
  it.each([...Object.entries(IMAGE_PRESETS), ['1366 × 768', { width: 1366, height: 768 }] as const])('%s', (_name, px) => {
    const page = layoutScreenImage({ profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile) }, px, unit.m).doc.pages[0]!;
    const codes = codesOn(page);
    expect(codes).toHaveLength(2);
    expect(codeProblems(page, codes, screenPlace(page.width, page.height))).toEqual([]);
    expect(codes.every((q) => q.level === 'M')).toBe(true);
  });
});

describe('the preview model', () => {
  it('1080p across 65°, so a 22-mm code of 33 modules at 30 cm gets about 3.3 pixels a module', () => {
    expect(PREVIEW_FOCAL).toBeCloseTo(1506.9, 0);
    expect(previewPxPerModule((22 * MM) / 33, 300 * MM)).toBeCloseTo(3.35, 2);
  });
});
