import { describe, expect, it } from 'vitest';
import { listGuides, renderGuide } from '../src/content/guides.js';
import type { Item, Page, TextItem } from '../src/layout/display-list.js';
import { loadFonts } from '../src/layout/fonts.js';
import { MM, PAPER_NAMES } from '../src/layout/page-sizes.js';
import { layoutLeaflet } from '../src/products/leaflet.js';
import { loadUnit } from '../src/products/unit-context.js';
import { example } from './helpers/cli.js';

const PROFILES = ['phuong-binh-thanh.yaml', 'truong-thcs-tan-trung.yaml', 'xa-thanh-nhut.yaml'];

const fonts = loadFonts();

/** The ink box of a text item, from the real glyph outlines (horizontally, its advance). */
function box(t: TextItem) {
  const face = fonts.faces[t.font].font;
  const run = face.layout(t.text);
  const s = t.size / face.unitsPerEm;
  return { left: t.x, right: t.x + t.width, top: t.y - run.bbox.maxY * s, bottom: t.y - run.bbox.minY * s };
}

function overlaps(a: TextItem, b: TextItem): boolean {
  const p = box(a);
  const q = box(b);
  const eps = 0.01;
  return p.left < q.right - eps && q.left < p.right - eps && p.top < q.bottom - eps && q.top < p.bottom - eps;
}

const texts = (page: Page) => page.items.filter((i): i is TextItem => i.type === 'text');

describe.each(PROFILES)('leaflets for %s', (profileName) => {
  for (const paper of PAPER_NAMES) {
    for (const info of listGuides()) {
      it(`${info.id} on ${paper.toUpperCase()}: fits one page, text inside the margins, nothing overlapping`, async () => {
        const unit = await loadUnit(example(profileName));
        const doc = layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper, logo: unit.logo }, unit.m);
        expect(doc.pages).toHaveLength(1);
        const page = doc.pages[0]!;
        const margin = 20 * (page.width / (148 * MM));
        const all = texts(page);
        for (const t of all) {
          const b = box(t);
          expect(b.left, t.text).toBeGreaterThanOrEqual(margin);
          expect(b.right, t.text).toBeLessThanOrEqual(page.width - margin);
          expect(b.top, t.text).toBeGreaterThanOrEqual(0);
          expect(b.bottom, t.text).toBeLessThanOrEqual(page.height);
        }
        for (let i = 0; i < all.length; i++) {
          for (let j = i + 1; j < all.length; j++) {
            expect(overlaps(all[i]!, all[j]!), `"${all[i]!.text}" overlaps "${all[j]!.text}"`).toBe(false);
          }
        }
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
        for (const t of texts(page)) {
          const b = box(t);
          const clear = b.right <= qr.x || b.left >= qr.x + qr.size || b.bottom <= qr.y || b.top >= qr.y + qr.size;
          expect(clear, `"${t.text}" touches a QR code`).toBe(true);
        }
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
