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

/** The UTC offset of `zone` at instant `at`, in ms (Asia/Shanghai: +8 h all year). */
function zoneOffsetMs(at: number, zone: string): number {
  if (zone === DEFAULT_TIME_ZONE) return SHANGHAI_OFFSET_MS;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return (
    Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')) - Math.floor(at / 1000) * 1000
  );
}

/** `YYYY-MM-DD HH:mm` of `at` in `zone` (the wall-clock minute shown in messages): 2026-11-30T01:00Z → 2026-11-30 09:00. */
export function businessDateTime(at: Date, zone: string = DEFAULT_TIME_ZONE): string {
  const wall = new Date(at.getTime() + zoneOffsetMs(at.getTime(), zone)).toISOString();
  return `${wall.slice(0, 10)} ${wall.slice(11, 16)}`;
}

/** The instant a business day (YYYY-MM-DD) begins in `zone`: 2026-12-01 → 2026-11-30T16:00:00Z in Shanghai. */
export function startOfBusinessDay(date: string, zone: string = DEFAULT_TIME_ZONE): Date {
  const wall = Date.parse(`${date}T00:00:00Z`);
  let at = wall - zoneOffsetMs(wall, zone);
  at = wall - zoneOffsetMs(at, zone); // once more across a daylight-saving change
  return new Date(at);
}
