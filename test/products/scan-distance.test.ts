import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OFFICIAL_PORTAL } from '../../src/content/guide-meta.js';
import { findGuide, listGuides, renderGuide } from '../../src/content/guides.js';
import { grayscaleLogo } from '../../src/content/logo.js';
import { UserError } from '../../src/errors.js';
import type { Page, QrItem } from '../../src/layout/display-list.js';
import { MM, POSTER_PAPER, type PosterSize } from '../../src/layout/page-sizes.js';
import { labelSlots, listSheetPresets, loadSheetPreset } from '../../src/layout/sheet-preset.js';
import { layoutHandout, type HandoutOptions } from '../../src/products/handout.js';
import { layoutLeaflet } from '../../src/products/leaflet.js';
import { layoutPoster } from '../../src/products/poster.js';
import { HANDOUT, LEAFLET, posterPlace, PREVIEW_FOCAL, previewPxPerModule, screenPlace, STICKER, type ScanPlace } from '../../src/products/scan-distance.js';
import { IMAGE_PRESETS, layoutScreenImage } from '../../src/products/screen-image.js';
import { layoutStickerSheets, stickerReminder, type StickerRow } from '../../src/products/sticker-sheet.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { qrModules } from '../../src/qr/matrix.js';
import { verifyQrCodes } from '../../src/qr/verify.js';
import { example, tempDir } from '../helpers/cli.js';
import { codeProblems, codesOn, measure } from '../helpers/qr-geometry.js';

/**
 * Issue #14: every product's codes measured on its display list against the
 * rules of scan-distance.ts (printed side, module, a clear quiet zone of 4
 * modules, a third of a code between codes, a label under each), then read back
 * as a phone at the product's distance sees them, by both decoders.
 */

let unit: UnitContext;
let school: UnitContext;
beforeAll(async () => {
  unit = await loadUnit(example('phuong-binh-thanh.yaml'));
  school = await loadUnit(example('truong-thcs-tan-trung.yaml'));
});

const ROWS: StickerRow[] = [
  { line: 2, block: 'Chung cư Ngọc Lan – Tòa A', address: '125 Nơ Trang Long, phường Bình Thạnh' },
  { line: 3, block: 'Tòa "Sky" Garden', address: '8 Nguyễn Xí', url: 'https://zalo.me/g/skygarden' },
  { line: 4, block: 'Khu tập thể Bộ đội Biên phòng', url: 'https://example.vn/khu-tap-the/bo-doi-bien-phong' },
];

/** The sticker sheet for `rows` on `preset`, or the refusal. */
function stickers(preset: string, rows = ROWS) {
  return layoutStickerSheets({ profile: unit.profile, rows, preset: loadSheetPreset(preset), reminder: stickerReminder(unit.profile), dataFile: 't.csv' }, unit.m);
}

/** Codes grouped by the label they sit on. */
function byLabel(page: Page, preset: string) {
  const p = loadSheetPreset(preset);
  return labelSlots(p)
    .map((slot) => ({ box: { x: slot.x, y: slot.y, width: p.label.width, height: p.label.height }, codes: codesOn(page).filter((q) => q.x >= slot.x - 0.01 && q.x < slot.x + p.label.width && q.y >= slot.y - 0.01 && q.y < slot.y + p.label.height) }))
    .filter((l) => l.codes.length);
}

const HOLDING = ['a4-2x4', 'a4-4xa6', 'a5', 'a6'];

describe('stickers: read from 30 cm, codes of 22 mm or more, error correction Q', () => {
  it.each(HOLDING)('%s: every code measured on every label', (preset) => {
    const { doc, placed } = stickers(preset);
    for (const page of doc.pages) {
      for (const label of byLabel(page, preset)) {
        expect(codeProblems(page, label.codes, STICKER, label.box), preset).toEqual([]);
        expect(label.codes.map((q) => q.level)).toEqual(label.codes.map(() => 'Q'));
        // Payloads are the links as given: no tracking parameters added.
        expect(label.codes.map((q) => q.url).slice(0, 2)).toEqual([unit.profile.qr.ios, unit.profile.qr.android]);
      }
    }
    expect(placed.map((p) => p.levels.length)).toEqual([2, 3, 3]);
  });

  it('a4-3x8 (70 × 37 mm) cannot hold two 22-mm codes with their quiet zones and spacing: refused, naming the labels that can', () => {
    let err: unknown;
    try {
      stickers('a4-3x8');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    const [problem] = (err as UserError).problems;
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

async function handout(o: Partial<HandoutOptions> = {}, zalo: string | null = 'https://zalo.me/g/thcstantrung6a1') {
  const logo = o.palette === 'grayscale' ? await grayscaleLogo(school.logo!) : school.logo;
  const options: HandoutOptions = { profile: school.profile, logo, guide: renderGuide(findGuide('kich-hoat'), school.profile), palette: 'color', twoUp: false, ...o };
  return layoutHandout({ name: '6A1', teacher: 'Cô Nguyễn Thị Thanh Hương', phone: '0907 028 318', zalo: zalo ?? undefined, line: 2, dataFile: 'lop.csv' }, options, school.m);
}

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
    const page = layoutScreenImage({ profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile) }, px, unit.m).pages[0]!;
    const codes = codesOn(page);
    expect(codeProblems(page, codes, screenPlace(page.width, page.height))).toEqual([]);
    expect(codes.every((q) => q.level === 'M')).toBe(true);
  });
});

describe('the read-back: a phone at the declared distance, two decoders', () => {
  const readBack = async (page: Page, place: Pick<ScanPlace, 'distance'>) => (await verifyQrCodes(page, unit.fonts, place, new Set())).map((f) => ({ url: f.qr.url, ...f.reads }));

  it('the preview model: 1080p across 65°, so a 22-mm code of 33 modules at 30 cm gets about 3.3 pixels a module', () => {
    expect(PREVIEW_FOCAL).toBeCloseTo(1506.9, 0);
    expect(previewPxPerModule((22 * MM) / 33, 300 * MM)).toBeCloseTo(3.35, 2);
  });

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
      const page = layoutScreenImage({ profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile) }, px, unit.m).pages[0]!;
      expect(await readBack(page, screenPlace(page.width, page.height))).toEqual([]);
    }
  });

  it('fails a code with a label drawn over it, naming that code', async () => {
    const { doc } = stickers('a4-2x4', ROWS.slice(0, 1));
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
  });
});
