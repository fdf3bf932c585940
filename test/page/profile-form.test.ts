import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/content/deadline.js';
import { UserError } from '../../src/errors.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { profileFromForm, yamlToForm } from '../../src/page/profile-form.js';

const TODAY = parseDeadline('2026-11-28')!;
const fonts = loadFonts();
const profileWith = (deadline: string) => `unit:\n  name: UBND xã A\ndeadline: ${deadline}\n`;

describe('campaign dates in the web form', () => {
  it('flags a past date under its field and never drops an impossible one', () => {
    const form = (deadline: string) => ({ unit: { name: 'UBND xã A', parent: '' }, contact: { name: '', title: '', phone: '' }, deadline, venues: [] });
    try {
      profileFromForm(form('1/11/2026'), fonts, [], TODAY);
      expect.unreachable();
    } catch (err) {
      expect((err as UserError).problems[0]).toMatchObject({ field: 'deadline' });
    }
    expect(profileFromForm(form('31/3/2027'), fonts, [], TODAY).deadline!.printed).toBe('31/3/2027');
    const loaded = yamlToForm(profileWith('2023-02-30'), 'p.yaml', fonts, [], TODAY);
    expect(loaded.form.deadline).toBe('2023-02-30');
    expect(loaded.errors[0]).toMatchObject({ field: 'deadline' });
    expect(yamlToForm(profileWith('2027-03-31'), 'p.yaml', fonts, [], TODAY).form.deadline).toBe('31/3/2027');
  });
});
