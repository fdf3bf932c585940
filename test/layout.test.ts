import { describe, expect, it } from 'vitest';
import { listGuides, renderGuide } from '../src/content/guides.js';
import type { Item } from '../src/layout/display-list.js';
import { loadFonts } from '../src/layout/fonts.js';
import { breakLines } from '../src/layout/line-break.js';
import { createMeasurer } from '../src/layout/measure.js';
import { MM, PAPER_NAMES } from '../src/layout/page-sizes.js';
import { layoutLeaflet } from '../src/products/leaflet.js';
import { loadUnit } from '../src/products/unit-context.js';
import { example } from './helpers/cli.js';
import { overlappingTexts, textOnQrCodes, textOutside, texts } from './helpers/ink.js';

const PROFILES = ['phuong-binh-thanh.yaml', 'truong-thcs-tan-trung.yaml', 'xa-thanh-nhut.yaml'];

describe.each(PROFILES)('leaflets for %s', (profileName) => {
  for (const paper of PAPER_NAMES) {
    for (const info of listGuides()) {
      it(`${info.id} on ${paper.toUpperCase()}: fits one page, text inside the margins, nothing overlapping`, async () => {
        const unit = await loadUnit(example(profileName));
        const doc = layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper, logo: unit.logo }, unit.m);
        expect(doc.pages).toHaveLength(1);
        const page = doc.pages[0]!;
        const margin = 20 * (page.width / (148 * MM));
        expect(textOutside(page, margin, 0, page.width - margin, page.height)).toEqual([]);
        expect(overlappingTexts(page)).toEqual([]);
      });
    }
  }
});

describe('QR codes on the leaflet', () => {
  it('are at least 25 mm wide on A5, clear of text, and scale up on A4', async () => {
    const unit = await loadUnit(example('phuong-binh-thanh.yaml'));
    const guide = renderGuide(listGuides()[0]!, unit.profile);
    for (const paper of PAPER_NAMES) {
      const page = layoutLeaflet({ profile: unit.profile, guide, paper }, unit.m).pages[0]!;
      const codes = page.items.filter((i): i is Extract<Item, { type: 'qr' }> => i.type === 'qr');
      expect(codes).toHaveLength(2);
      for (const qr of codes) {
        expect(qr.size / MM).toBeGreaterThanOrEqual(paper === 'a5' ? 25 : 35);
        expect(textOnQrCodes(page)).toEqual([]);
      }
    }
  });
});

describe('shrinking to fit', () => {
  it('sets a short guide larger than a long one, never below the readable floor', async () => {
    const unit = await loadUnit(example('phuong-binh-thanh.yaml'));
    const minimal = await loadUnit(example('xa-thanh-nhut.yaml'));
    const bodySize = (u: typeof unit) => {
      const page = layoutLeaflet({ profile: u.profile, guide: renderGuide(listGuides().find((g) => g.id === 'tien-ich')!, u.profile), paper: 'a5' }, u.m).pages[0]!;
      // The first body line of step 1, "Thông báo lưu trú, …".
      return texts(page).find((t) => t.text.startsWith('Thông báo lưu trú'))!.size;
    };
    expect(bodySize(minimal)).toBeGreaterThan(bodySize(unit));
    expect(bodySize(unit)).toBeGreaterThanOrEqual(6.8);
  });
});

describe('line breaking', () => {
  const fonts = loadFonts();
  const m = createMeasurer(fonts);
  const style = { size: 10, font: 'regular', strongFont: 'bold' } as const;
  const lines = (text: string, maxWidth: number) => breakLines([{ text, strong: false }], maxWidth, style, m).map((l) => l.pieces.map((p) => p.text).join(''));

  it('keeps a short number with the word before it: "Phường 13" and a phone number never split', () => {
    const address = '25 Phan Văn Trị, Phường 13';
    // Room for all but the "13": a plain greedy break would leave it alone on line 2.
    const width = m.width('25 Phan Văn Trị, Phường', 'regular', 10) + 1;
    expect(lines(address, width)).toEqual(['25 Phan Văn Trị,', 'Phường 13']);
    expect(lines('Gọi cán bộ phường 0907 028 318', m.width('Gọi cán bộ phường 0907 028', 'regular', 10) + 1)).toEqual(['Gọi cán bộ', 'phường 0907 028 318']);
    // Text without a trailing number still fills each line.
    expect(lines('Chọn Kích hoạt rồi nhập số định danh', m.width('Chọn Kích hoạt rồi nhập', 'regular', 10) + 1)).toEqual(['Chọn Kích hoạt rồi nhập', 'số định danh']);
  });

  it('measures a line as pdfkit draws it, word by word', () => {
    const text = 'Tự kích hoạt tài khoản định danh điện tử';
    const words = text.split(' ').map((w, i, all) => (i < all.length - 1 ? `${w} ` : w));
    const sum = words.reduce((w, word) => w + fonts.faces.regular.font.layout(word).advanceWidth, 0);
    expect(m.width(text, 'regular', 1000)).toBeCloseTo((sum / fonts.faces.regular.font.unitsPerEm) * 1000, 6);
  });
});
