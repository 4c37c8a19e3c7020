import { CronTime } from 'cron';
import { businessDate, startOfBusinessDay } from '@jianghuai/shared';

/**
 * A job is due when its last run (on any instance) is at or before this instant: one period ago,
 * or for a quarterly job the start of the current quarter in the business zone.
 */
export function dueBefore(every: number | 'quarterly', now: Date, zone: string): Date {
  if (every === 'quarterly') return quarterStart(now, zone, 0);
  return new Date(now.getTime() - every * 60_000);
}

/** When the job runs next, from its last run (never run: now). */
export function nextRunAt(every: number | 'quarterly', lastRunAt: Date | null, now: Date, zone: string): Date {
  if (!lastRunAt) return now;
  const next =
    every === 'quarterly'
      ? new CronTime(QUARTERLY_CRON, zone).getNextDateFrom(lastRunAt, zone).toJSDate()
      : new Date(lastRunAt.getTime() + every * 60_000);
  return next < now ? now : next;
}

/** Midnight of each quarter's first day (cron with seconds, evaluated in the business zone). */
export const QUARTERLY_CRON = '0 0 0 1 1,4,7,10 *';

/**
 * When an instance looks whether a job is due (cron with seconds, in the business zone). A
 * quarterly job: when the quarter begins. A job with a period in minutes: every JOBS_TICK_SECONDS
 * (every `s`-th second of the minute, or every `m`-th minute of the hour); its lease's "last run
 * at or before now − period" keeps the period from its last run on any instance.
 */
export function jobCron(every: number | 'quarterly', tickSeconds: number): string {
  if (every === 'quarterly') return QUARTERLY_CRON;
  if (tickSeconds < 60) return `*/${tickSeconds} * * * * *`;
  if (tickSeconds < 3600) return `0 */${Math.floor(tickSeconds / 60)} * * * *`;
  return '0 0 * * * *';
}

/** Midnight (in `zone`) of the first day of the quarter holding `at`, moved by `quarters`. */
export function quarterStart(at: Date, zone: string, quarters: number): Date {
  const [y, m] = businessDate(at, zone).split('-').map(Number);
  const index = y * 4 + Math.floor((m - 1) / 3) + quarters;
  const year = Math.floor(index / 4);
  const month = (index % 4) * 3 + 1;
  return startOfBusinessDay(`${year}-${String(month).padStart(2, '0')}-01`, zone);
}
