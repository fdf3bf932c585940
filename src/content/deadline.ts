/**
 * Deadlines are written YYYY-MM-DD (or the way clerks write them, D/M/YYYY) and
 * printed the Vietnamese way without leading zeros: "28/4/2023".
 */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export function parseDeadline(raw: string): CalendarDate | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(raw);
  const vn = /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{4})$/.exec(raw.trim());
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vn
      ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

/** Negative when a is before b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The calendar day in Vietnam (UTC+7 all year) at a given instant. */
function dayInVietnam(now: Date): CalendarDate {
  const local = new Date(now.getTime() + 7 * 3600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/**
 * Today, for deciding whether a campaign date has passed: Vietnam's date, or the
 * day VNEID_PRINT_TODAY names (YYYY-MM-DD), so tests and reprints are reproducible.
 */
export function todayFrom(env: Record<string, string | undefined>, now: Date): CalendarDate {
  const fixed = env.VNEID_PRINT_TODAY ? parseDeadline(env.VNEID_PRINT_TODAY) : undefined;
  return fixed ?? dayInVietnam(now);
}

export function formatDeadline(d: CalendarDate): string {
  return `${d.day}/${d.month}/${d.year}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
