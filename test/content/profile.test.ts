import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../src/content/deadline.js';
import { parseProfile } from '../../src/content/profile.js';
import { UserError } from '../../src/errors.js';
import { loadFonts } from '../../src/layout/fonts.js';
import { refusal } from '../helpers/refusal.js';

const TODAY = parseDeadline('2026-11-28')!;
const fonts = loadFonts();
const checks = { missingGlyphs: fonts.missingGlyphs };

describe('campaign dates that mean something', () => {
  const profileWith = (deadline: string) => `unit:\n  name: UBND xã A\ndeadline: ${deadline}\n`;
  const parse = (deadline: string) => parseProfile(profileWith(deadline), 'p.yaml', { ...checks, today: TODAY });

  it('refuses a date already past, naming the line and the field', () => {
    expect(() => parse('2026-11-27')).toThrow(UserError);
    const err = refusal(() => parse('2023-04-28'));
    expect(err.problems[0]).toMatchObject({ file: 'p.yaml', line: 3, field: 'deadline' });
    expect(err.message).toContain('ngày 28/4/2023 đã qua (hôm nay là 28/11/2026)');
  });

  it('accepts today, and dates written the way clerks write them', () => {
    expect(parse('2026-11-28').deadline!.printed).toBe('28/11/2026');
    expect(parse('31/3/2027').deadline!.printed).toBe('31/3/2027');
    expect(parse('"31 3 2027"').deadline!.printed).toBe('31/3/2027');
  });

});

describe('any YAML text at all', () => {
  it('gives a profile or a clean error', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (source) => {
        try {
          parseProfile(source, 'don-vi.yaml', checks);
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
        }
      }),
      { numRuns: 300 },
    );
  });
});
