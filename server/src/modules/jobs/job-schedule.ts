import { JOB_NAMES, businessDate, type JobName } from '@jianghuai/shared';
import { ConfigError, type AppConfig } from '../../config/app-config.js';
import { envNumbers } from '../../config/env-number.js';

/**
 * When each job runs by itself. Every job has its own period; the scheduler is on in every mode
 * but tests (NODE_ENV=test keeps it off unless JOBS_SCHEDULER=on), so the 365-day revocation,
 * the reminders and the re-grades never wait for someone to press a button.
 */
export interface JobScheduleConfig {
  /** JOBS_SCHEDULER=on|off; default on, off under NODE_ENV=test. */
  enabled: boolean;
  /** How often each instance looks for due jobs (JOBS_TICK_SECONDS, default 30). */
  tickSeconds: number;
  /** Period per job: minutes (JOB_EVERY_MINUTES_<NAME>, e.g. JOB_EVERY_MINUTES_INACTIVITY_REVOCATION=720) or quarterly. */
  every: Record<JobName, number | 'quarterly'>;
}

export const JOB_SCHEDULE_CONFIG = Symbol('JOB_SCHEDULE_CONFIG');

const DEFAULT_EVERY: Record<JobName, number | 'quarterly'> = {
  'inactivity-revocation': 24 * 60,
  'criminal-recheck-reminders': 24 * 60,
  'certificate-expiry-reminders': 24 * 60,
  // docs/product.md#volunteers-archive: re-graded each quarter
  'level-regrade': 'quarterly',
  'activity-upkeep': 1,
  // the reminder goes out in the hour before the start: a run each minute sends it 59–60 minutes before
  'activity-reminders': 1,
  'notification-retries': 1,
};

export function loadJobScheduleConfig(app: AppConfig, env: NodeJS.ProcessEnv = process.env): JobScheduleConfig {
  const problems: string[] = [];
  const flag = env.JOBS_SCHEDULER;
  if (flag !== undefined && flag !== '' && flag !== 'on' && flag !== 'off')
    problems.push(`JOBS_SCHEDULER must be "on" or "off", got "${flag}"`);
  const { int } = envNumbers(env, problems);
  const every = { ...DEFAULT_EVERY };
  for (const job of JOB_NAMES) {
    const key = `JOB_EVERY_MINUTES_${job.toUpperCase().replace(/-/g, '_')}`;
    if (env[key]) every[job] = int(key, 1, 1, 366 * 24 * 60);
  }
  const config: JobScheduleConfig = {
    enabled: flag === 'on' || flag === 'off' ? flag === 'on' : app.env !== 'test',
    tickSeconds: int('JOBS_TICK_SECONDS', 30, 1, 3600),
    every,
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

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
    every === 'quarterly' ? quarterStart(lastRunAt, zone, 1) : new Date(lastRunAt.getTime() + every * 60_000);
  return next < now ? now : next;
}

/** Midnight (in `zone`) of the first day of the quarter holding `at`, moved by `quarters`. */
export function quarterStart(at: Date, zone: string, quarters: number): Date {
  const [y, m] = businessDate(at, zone).split('-').map(Number);
  const index = y * 4 + Math.floor((m - 1) / 3) + quarters;
  const year = Math.floor(index / 4);
  const month = (index % 4) * 3 + 1;
  return zonedMidnight(`${year}-${String(month).padStart(2, '0')}-01`, zone);
}

/** The instant a calendar date starts in `zone`. */
export function zonedMidnight(date: string, zone: string): Date {
  const guess = Date.parse(`${date}T00:00:00Z`);
  return new Date(guess - offsetMs(new Date(guess), zone));
}

function offsetMs(at: Date, zone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return (
    Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second) -
    Math.floor(at.getTime() / 1000) * 1000
  );
}
