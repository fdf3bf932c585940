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
  const vn = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(raw);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : vn
      ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
      : [NaN, NaN, NaN];
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return undefined;
  if (day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function formatDeadline(d: CalendarDate): string {
  return `${d.day}/${d.month}/${d.year}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
