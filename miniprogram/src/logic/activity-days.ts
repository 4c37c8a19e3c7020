import { addCalendarDays, businessDate, businessDateTime } from '@jianghuai/shared';

/**
 * Activity days as a guard reads them: the weekday beside every date, a heading per day (今天 / 明天 /
 * 12月3日 周四) and the date filter's range. Every date is the Shanghai calendar date, whatever the
 * phone's own zone; `today` is passed in (businessDate of the clock's now), never taken here.
 */

export const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** 周一…周日 of a calendar date YYYY-MM-DD. */
export function weekdayOf(date: string): string {
  return WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? '';
}

/** `12月3日 周四`; the year in front when it is not today's year (`2027年1月5日 周二`). */
export function dayLabel(date: string, today: string): string {
  if (!DAY.test(date)) return date;
  const [y, m, d] = date.split('-').map(Number);
  const year = date.slice(0, 4) === today.slice(0, 4) ? '' : `${y}年`;
  return `${year}${m}月${d}日 ${weekdayOf(date)}`;
}

/** 今天 / 明天 / 昨天 for those days, else ''. */
export function relativeDay(date: string, today: string): string {
  if (date === today) return '今天';
  if (date === addCalendarDays(today, 1)) return '明天';
  if (date === addCalendarDays(today, -1)) return '昨天';
  return '';
}

/** The heading above a day's activities: `今天 · 11月30日 周一`, `明天 · 12月1日 周二`, `12月3日 周四`. */
export function dayHeading(date: string, today: string): string {
  const rel = relativeDay(date, today);
  return rel ? `${rel} · ${dayLabel(date, today)}` : dayLabel(date, today);
}

/**
 * When an activity takes place, in pieces that each stay on one line (the page may wrap between
 * them, never inside): `['12月3日 周四', '09:00–11:00']`, or over two days
 * `['12月3日 周四 20:00', '至 12月4日 周五 06:00']`.
 */
export function whenParts(startIso: string, endIso: string, today: string): string[] {
  const start = Date.parse(startIso);
  const end = Date.parse(endIso);
  if (Number.isNaN(start) || Number.isNaN(end)) return [startIso];
  const s = businessDateTime(new Date(start));
  const e = businessDateTime(new Date(end));
  const [sDay, sTime] = [s.slice(0, 10), s.slice(11)];
  const [eDay, eTime] = [e.slice(0, 10), e.slice(11)];
  if (sDay === eDay) return [dayLabel(sDay, today), `${sTime}–${eTime}`];
  return [`${dayLabel(sDay, today)} ${sTime}`, `至 ${dayLabel(eDay, today)} ${eTime}`];
}

/** One instant with its weekday, e.g. a deadline: `12月3日 周四 18:00`. */
export function momentLabel(iso: string, today: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const wall = businessDateTime(new Date(at));
  return `${dayLabel(wall.slice(0, 10), today)} ${wall.slice(11)}`;
}

export interface DayGroup<T> {
  /** YYYY-MM-DD (Shanghai). */
  day: string;
  heading: string;
  items: T[];
}

/**
 * Items under one heading per day, days in the order they first appear (the server's order). An
 * activity that began before `floor` (one running since yesterday, on a list that starts today)
 * stands under `floor`: it is on that day too.
 */
export function groupByDay<T>(
  items: readonly T[],
  startOf: (item: T) => string,
  today: string,
  floor?: string,
): DayGroup<T>[] {
  const groups = new Map<string, DayGroup<T>>();
  for (const item of items) {
    const at = Date.parse(startOf(item));
    let day = Number.isNaN(at) ? today : businessDate(new Date(at));
    if (floor && day < floor) day = floor;
    let group = groups.get(day);
    if (!group) {
      group = { day, heading: dayHeading(day, today), items: [] };
      groups.set(day, group);
    }
    group.items.push(item);
  }
  return [...groups.values()];
}

/** 我的活动: coming and running ones first, soonest first; then the finished ones, latest first. */
export function mineInDayOrder<T>(items: readonly T[], startOf: (i: T) => string, endOf: (i: T) => string, now: Date) {
  const t = now.getTime();
  const coming = items.filter((i) => Date.parse(endOf(i)) >= t);
  const past = items.filter((i) => !(Date.parse(endOf(i)) >= t));
  const by = (i: T) => Date.parse(startOf(i)) || 0;
  return [...coming.sort((x, y) => by(x) - by(y)), ...past.sort((x, y) => by(y) - by(x))];
}

// ── the date filter ──

/** 全部 / 今天 / 本周 (today to Sunday) / one picked day. */
export type DateChoice = 'all' | 'today' | 'week' | 'day';

export interface DayRange {
  from: string;
  to: string;
}

/** The Sunday ending the week (周一…周日) of `date`. */
export function endOfWeek(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addCalendarDays(date, (7 - weekday) % 7);
}

/** The server's from/to for a choice, or null for 全部 (and for 选日期 before a day is picked). */
export function dateRange(choice: DateChoice, today: string, day?: string | null): DayRange | null {
  if (choice === 'today') return { from: today, to: today };
  if (choice === 'week') return { from: today, to: endOfWeek(today) };
  if (choice === 'day' && day && DAY.test(day)) return { from: day, to: day };
  return null;
}

/** What the 选日期 chip says: the picked day in words, or the invitation to pick one. */
export function pickedDayLabel(day: string | null | undefined, today: string): string {
  if (!day || !DAY.test(day)) return '选日期';
  const rel = relativeDay(day, today);
  return rel ? `${rel} ${dayLabel(day, today)}` : dayLabel(day, today);
}
