import { describe, expect, it } from 'vitest';
import { listGuides, renderGuide } from '../src/content/guides.js';
import type { Item } from '../src/layout/display-list.js';
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
