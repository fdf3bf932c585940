import { describe, expect, it } from 'vitest';
import { findGuide, listGuides, renderGuide, type Guide } from '../../src/content/guides.js';
import { UserError } from '../../src/errors.js';
import type { Page } from '../../src/layout/display-list.js';
import { PALETTES } from '../../src/layout/theme.js';
import { IMAGE_DPI, IMAGE_PRESETS, layoutScreenImage, screenFloors, type ImagePreset } from '../../src/products/screen-image.js';
import { loadUnit, type UnitContext } from '../../src/products/unit-context.js';
import { example } from '../helpers/cli.js';
import { crowdedUnit } from '../helpers/fixtures.js';
import { overlappingTexts, textOutside, texts } from '../helpers/ink.js';

/**
 * Pictures are read at their display size: a post in a phone's feed, an LED
 * screen across a room. Their type is measured in the picture's own pixels.
 */
const PX = IMAGE_DPI / 72;
const UNITS = ['phuong-binh-thanh', 'truong-thcs-tan-trung', 'xa-thanh-nhut'];
const units = new Map<string, Promise<UnitContext>>(UNITS.map((u) => [u, loadUnit(example(`${u}.yaml`))]));

units.set('four long venues', crowdedUnit());
const CROWDED = 'four long venues';

/** Text of the guide's step titles as laid out (a title may run over several lines). */
function stepTexts(page: Page, guide: Guide) {
  const words = new Set(guide.steps.flatMap((s) => s.title.flatMap((span) => span.text.split(/\s+/))));
  // Steps are in the ink colour; the call to action shares words with them ("ứng dụng VNeID") but not its colour.
  return texts(page).filter((t) => t.color === PALETTES.color.ink && t.font !== 'regular' && t.text.split(/\s+/).every((w) => words.has(w)) && t.text.trim().length > 2);
}

const CASES = [...UNITS, CROWDED].flatMap((u) => listGuides().flatMap((g) => (Object.keys(IMAGE_PRESETS) as ImagePreset[]).map((p) => [u, g.id, p] as const)));

describe('screen pictures keep their type readable at display size', () => {
  it.each(CASES)('%s, %s, %s', async (unitName, id, preset) => {
    const unit = await units.get(unitName)!;
    const guide = renderGuide(findGuide(id), unit.profile);
    const px = IMAGE_PRESETS[preset];
    const floors = screenFloors(px, px.seen);
    let laid;
    try {
      laid = layoutScreenImage({ profile: unit.profile, guide }, px, unit.m);
    } catch (err) {
      // The portal guide's one large code and long source line leave no room on a 630-pixel-high post (nor
      // four long places): it is refused, with advice.
      expect(err).toBeInstanceOf(UserError);
      if (unitName !== CROWDED) expect([id, preset]).toEqual(['dich-vu-cong', 'social-wide']);
      else expect(preset).toBe('social-wide');
      expect((err as UserError).problems[0]!.hint).toContain('social-square');
      return;
    }
    const page = laid.doc.pages[0]!;
    const sizes = texts(page).map((t) => t.size * PX);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(floors.min - 0.01);
    const steps = stepTexts(page, guide);
    if (laid.notices.some((n) => n.includes('các bước'))) {
      // Only the small wide post gives up the steps (and the square one for four long places), and says so.
      expect(unitName === CROWDED ? ['social-wide', 'social-square', 'led-fhd'] : ['social-wide']).toContain(preset);
      expect(steps).toEqual([]);
    } else {
      expect(steps.length).toBeGreaterThanOrEqual(guide.steps.length);
      for (const s of steps) expect(s.size * PX, s.text).toBeGreaterThanOrEqual(floors.body - 0.01);
    }
    expect(textOutside(page, 0, 0, page.width, page.height)).toEqual([]);
    expect(overlappingTexts(page)).toEqual([]);
  });

  it('sets floors from how the picture is seen: a phone shows a post 390 CSS pixels wide', () => {
    const phone = screenFloors({ width: 1080, height: 1080 }, 'phone');
    expect(phone.min).toBeCloseTo((9 * 1080) / 390, 6);
    expect(phone.body).toBeCloseTo((12 * 1080) / 390, 6);
    expect(screenFloors({ width: 1920, height: 1080 }, 'screen')).toEqual({ min: 24, body: 36 });
  });

  it('tells the user what a small picture leaves out, and where to put it instead', async () => {
    const unit = await units.get('phuong-binh-thanh')!;
    const { notices } = layoutScreenImage({ profile: unit.profile, guide: renderGuide(findGuide('kich-hoat'), unit.profile) }, IMAGE_PRESETS['social-wide'], unit.m);
    expect(notices.join('\n')).toMatch(/không ghi địa chỉ và giờ làm việc.*nội dung bài đăng/);
    expect(notices.join('\n')).toMatch(/không đủ chỗ cho các bước.*social-square/);
  });

  it('refuses a picture too small for readable type, naming the size and what to do', async () => {
    const unit = await units.get('phuong-binh-thanh')!;
    const guide = renderGuide(findGuide('dich-vu-cong'), unit.profile);
    expect(() => layoutScreenImage({ profile: unit.profile, guide }, IMAGE_PRESETS['social-wide'], unit.m)).toThrow(/1200 × 630 điểm ảnh.*chữ đủ lớn để đọc trên điện thoại/);
  });
});
