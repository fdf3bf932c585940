import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findGuide, listGuides, renderGuide } from '../../src/content/guides.js';
import { parseProfile } from '../../src/content/profile.js';
import { UserError } from '../../src/errors.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { createMeasurer } from '../../src/layout/measure.js';
import type { Item } from '../../src/layout/display-list.js';
import { MM, PAPER_NAMES } from '../../src/layout/page-sizes.js';
import { layoutLeaflet } from '../../src/products/leaflet.js';
import { loadUnit } from '../../src/products/unit-context.js';
import { example } from '../helpers/cli.js';
import { overlappingTexts, textOnQrCodes, textOutside, texts } from '../helpers/ink.js';

const PROFILES = ['phuong-binh-thanh.yaml', 'truong-thcs-tan-trung.yaml', 'xa-thanh-nhut.yaml'];

describe.each(PROFILES)('leaflets for %s', (profileName) => {
  for (const paper of PAPER_NAMES) {
    for (const info of listGuides()) {
      it(`${info.id} on ${paper.toUpperCase()}: one side, or two when the notes go on the back (and the user is told), text inside the margins, nothing overlapping`, async () => {
        const unit = await loadUnit(example(profileName));
        const { doc, notices } = layoutLeaflet({ profile: unit.profile, guide: renderGuide(info, unit.profile), paper, logo: unit.logo }, unit.m);
        expect(doc.pages.length).toBeLessThanOrEqual(2);
        expect(notices.length).toBe(doc.pages.length - 1);
        for (const page of doc.pages) {
          const margin = 20 * (page.width / (148 * MM));
          expect(textOutside(page, margin, 0, page.width - margin, page.height)).toEqual([]);
          expect(overlappingTexts(page)).toEqual([]);
        }
      });
    }
  }
});

describe('a leaflet with more than one side holds', () => {
  it('moves the notes, then the venues, to the back, says so, and points to them from the front', async () => {
    const unit = await loadUnit(example('phuong-binh-thanh.yaml'));
    const long = (i: number) => ({ name: `Địa điểm số ${i + 1} của phường`, address: `Số ${125 + i} đường Nơ Trang Long, khu phố ${i + 3}`, hours: 'Thứ Hai – Thứ Bảy, 7:30–11:30 và 13:30–17:00' });
    const profile = { ...unit.profile, venues: [0, 1, 2, 3].map(long) };
    const { doc, notices } = layoutLeaflet({ profile, guide: renderGuide(listGuides().find((g) => g.id === 'kich-hoat')!, profile), paper: 'a5' }, unit.m);
    expect(doc.pages).toHaveLength(2);
    expect(notices[0]).toMatch(/danh sách nơi làm thủ tục.* được in ở mặt sau/);
    const [front, back] = doc.pages.map((p) => texts(p).map((t) => t.text).join(' '));
    expect(front).toContain('xem mặt sau');
    expect(front).not.toContain('Địa điểm số 1');
    for (let i = 1; i <= 4; i++) expect(back).toContain(`Địa điểm số ${i}`);
    // Nothing is lost: the notes are on one side or the other.
    expect(`${front} ${back}`).toContain('Cảnh giác lừa đảo');
    expect(back).toContain('Không có điện thoại thông minh?');
  });
});

describe('QR codes on the leaflet', () => {
  it('are at least 25 mm wide on A5, clear of text, and scale up on A4 (its type is larger too)', async () => {
    const unit = await loadUnit(example('phuong-binh-thanh.yaml'));
    const guide = renderGuide(listGuides().find((g) => g.id === 'kich-hoat')!, unit.profile);
    for (const paper of PAPER_NAMES) {
      const { doc } = layoutLeaflet({ profile: unit.profile, guide, paper }, unit.m);
      const page = doc.pages.find((p) => p.items.some((i) => i.type === 'qr'))!;
      const codes = page.items.filter((i): i is Extract<Item, { type: 'qr' }> => i.type === 'qr');
      expect(codes).toHaveLength(2);
      for (const qr of codes) {
        expect(qr.size / MM).toBeGreaterThanOrEqual(paper === 'a5' ? 25 : 30);
        expect(textOnQrCodes(page)).toEqual([]);
      }
    }
  });
});

const fonts = loadFonts();
const m = createMeasurer(fonts);
const checks = { missingGlyphs: fonts.missingGlyphs };

/** Anything a person might paste: any code point, Vietnamese with its marks, odd spaces. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 80 }),
  fc.stringMatching(/^[A-Za-zÀ-ỹĐđ0-9 ,.–\-()\u00A0\u200B\u0300-\u0323]{0,140}$/),
);

const letters = [...'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ'];
const chars = [...letters, ...letters.map((l) => l.toLocaleUpperCase('vi')), ...'bcdghklmnpqrstvx0123456789 ,.–()'];
/** Vietnamese the font draws, of any length the profile allows. */
const drawable = fc.string({ unit: fc.constantFrom(...chars), minLength: 1, maxLength: 119 }).filter((t) => t.trim().length > 0);
/** Mostly drawable, sometimes anything: so both outcomes occur. */
const field = fc.oneof({ weight: 6, arbitrary: drawable }, { weight: 1, arbitrary: anyText });

/** The outcome a user may see: a document, or a clean message (exit 2). Anything else is a bug. */
function expectDocumentOrUserError(run: () => { pages: { width: number; height: number; items: unknown[] }[] } | undefined): 'document' | 'error' {
  try {
    const doc = run();
    for (const page of doc?.pages ?? []) expect(textOutside(page as never, 0, 0, page.width, page.height)).toEqual([]);
    return 'document';
  } catch (err) {
    if (!(err instanceof UserError)) throw err;
    expect(err.problems.length).toBeGreaterThan(0);
    for (const p of err.problems) expect(p.message.length).toBeGreaterThan(0);
    return 'error';
  }
}

describe('any text in any profile field', () => {
  it('gives a leaflet with all text on the page, or a clean error', () => {
    const guide = findGuide('kich-hoat');
    const outcomes = { document: 0, error: 0 };
    fc.assert(
      fc.property(field, field, field, field, field, field, (name, parent, contact, title, venue, address) => {
        const source = stringify({ unit: { name, parent }, contact: { name: contact, title, phone: '0907028318' }, venues: [{ name: venue, address, hours: address }] });
        const outcome = expectDocumentOrUserError(() => {
          const profile = parseProfile(source, 'don-vi.yaml', checks);
          return layoutLeaflet({ profile, guide: renderGuide(guide, profile), paper: 'a5' }, m).doc;
        });
        outcomes[outcome]++;
      }),
      { numRuns: 60 },
    );
    // The property must have exercised both paths, or it proves little.
    expect(outcomes.document).toBeGreaterThan(0);
    expect(outcomes.error).toBeGreaterThan(0);
  });

  it('drawable Vietnamese of any length always lays out, or fails only for lack of room', () => {
    const guide = findGuide('muc-2');
    fc.assert(
      fc.property(drawable, drawable, drawable, (name, venue, address) => {
        const source = stringify({ unit: { name }, venues: [{ name: venue, address }] });
        try {
          const profile = parseProfile(source, 'don-vi.yaml', checks);
          const { doc } = layoutLeaflet({ profile, guide: renderGuide(guide, profile), paper: 'a5' }, m);
          for (const page of doc.pages) expect(textOutside(page, 0, 0, page.width, page.height)).toEqual([]);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          expect(err.problems[0]!.message).toMatch(/quá dài|không vừa/);
        }
      }),
      { numRuns: 40 },
    );
  });

});
