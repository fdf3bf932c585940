import { describe, expect, it } from 'vitest';
import { formatDeadline, parseDeadline, todayFrom } from '../../src/content/deadline.js';

describe('deadlines', () => {
  it('reads ISO and Vietnamese forms and prints without leading zeros', () => {
    expect(formatDeadline(parseDeadline('2023-04-28')!)).toBe('28/4/2023');
    expect(formatDeadline(parseDeadline('01/05/2023')!)).toBe('1/5/2023');
    expect(formatDeadline(parseDeadline('2024-02-29')!)).toBe('29/2/2024');
  });

  it.each(['2023-02-29', '2023-13-01', '2023-04-31', '31/4/2023', '2023-4', 'ngày mai', '2023-00-10'])('refuses %s', (raw) => {
    expect(parseDeadline(raw)).toBeUndefined();
  });

  it("takes today from Vietnam's clock, or from VNEID_PRINT_TODAY", () => {
    // 17:30 UTC on 28/11 is already 29/11 in Hà Nội.
    expect(todayFrom({}, new Date('2026-11-28T17:30:00Z'))).toEqual({ year: 2026, month: 11, day: 29 });
    expect(todayFrom({ VNEID_PRINT_TODAY: '2027-01-02' }, new Date('2026-11-28T00:00:00Z'))).toEqual({ year: 2027, month: 1, day: 2 });
  });

});
