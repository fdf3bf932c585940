import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/content/deadline.js';
import { missingNeeds } from '../../src/content/guide-needs.js';
import { findGuide, guideFromFile } from '../../src/content/guides.js';
import { loadUnit } from '../../src/products/unit-context.js';
import { example, ROOT } from '../helpers/cli.js';

const TODAY = parseDeadline('2026-11-28')!;

describe('what a profile lacks for a guide', () => {
  it('names the field a guide needs when the profile has none', async () => {
    const unit = await loadUnit(example('xa-thanh-nhut.yaml'), { today: TODAY });
    expect(missingNeeds(findGuide('muc-2'), unit.profile).map((n) => n.field)).toEqual(['venues']);
    expect(missingNeeds(findGuide('kich-hoat'), unit.profile)).toEqual([]);
    const sticker = guideFromFile(join(ROOT, 'templates/stickers/nhac-viec.hbs'));
    expect(missingNeeds(sticker, { ...unit.profile, contact: undefined })[0]!.message).toContain('contact.phone');
  });

});
