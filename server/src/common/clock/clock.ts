import { businessDate, startOfBusinessDay } from '@jianghuai/shared';

/**
 * The one source of "now" on the server. Services ask it instead of `new Date()` / `Date.now()`,
 * and business dates (today, due dates, weeks) come from `today()` in the configured zone, never
 * from cutting a UTC timestamp. Tests and demos start it at a fixed instant (`CLOCK_START`); it
 * then runs on in real time, so token lifetimes, leases and check-in windows still behave.
 */
export class Clock {
  private readonly offsetMs: number;

  constructor(
    /** IANA zone of business dates; Asia/Shanghai unless configured. */
    readonly zone: string = 'Asia/Shanghai',
    /** The instant the clock reads when it is created; null: the system time. */
    start: Date | null = null,
  ) {
    this.offsetMs = start ? start.getTime() - Date.now() : 0;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** The calendar date (YYYY-MM-DD) of `at` (default now) in the business zone. */
  today(at: Date = this.now()): string {
    return businessDate(at, this.zone);
  }

  /** The instant business day `date` (YYYY-MM-DD) begins in the business zone; a day's range is [startOfDay(d), startOfDay(d + 1)). */
  startOfDay(date: string): Date {
    return startOfBusinessDay(date, this.zone);
  }
}
