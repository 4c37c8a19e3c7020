/**
 * Business dates. Instants are stored in UTC; a business date (today, a due date, a ledger day, an
 * ISO week) is the calendar date of an instant in the configured zone, Asia/Shanghai by default.
 * Between 00:00 and 08:00 Shanghai time that date differs from the UTC date, so never cut it out
 * of `toISOString()`.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // UTC+8 all year: no daylight saving since 1991

const formatters = new Map<string, Intl.DateTimeFormat>();

/** YYYY-MM-DD of `at` in `zone`. Asia/Shanghai needs no Intl (some phones' engines lack zone data). */
export function businessDate(at: Date, zone: string = DEFAULT_TIME_ZONE): string {
  if (zone === DEFAULT_TIME_ZONE) return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(zone, f);
  }
  return f.format(at);
}

/** The calendar date `days` after YYYY-MM-DD `date` (calendar arithmetic, no zone involved). */
export function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
