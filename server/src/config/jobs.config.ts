import { JOB_NAMES, type JobName } from '@jianghuai/shared';
import { defineConfig, nodeEnvOf } from './config-area.js';
import { envNumbers } from './env-number.js';

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
  // an application is overdue within the hour after its review time runs out
  'review-sla-warnings': 60,
  // text messages go out within the minute they were decided; retries wait their back-off
  'sms-delivery': 1,
  // an urgent tip past its SLA reaches the branch within the minute
  'tip-escalation': 1,
  // a major-event report past its acknowledgement limit reaches the branch within the minute
  'incident-report-overdue': 1,
  // an unpaid mall order is cancelled within the minute after its 15 minutes
  'mall-unpaid-cancel': 1,
  // a mall payment whose notification was lost is found by asking WeChat Pay within the minute after 2 minutes
  'mall-pay-reconcile': 1,
  // a refund still processing (its notification lost) is asked about within the minute
  'mall-refund-query': 1,
  // yesterday's WeChat Pay trade bill, compared once from 10:00 Shanghai on (tried hourly until it is ready)
  'mall-trade-bill': 60,
  // points expire at the end of a Shanghai year: a daily run writes them off within the day
  'points-expiry': 24 * 60,
  'points-expiry-notice': 24 * 60,
  // implausible records reach the review list within the hour (docs/supervision.md#honesty)
  'honesty-scan': 60,
  // the dashboard's figures are at most this old (docs/dashboard.md)
  'stats-refresh': 10,
};

export const jobsConfig = defineConfig('jobs', (env, problems): JobScheduleConfig => {
  const flag = env.JOBS_SCHEDULER;
  if (flag !== undefined && flag !== '' && flag !== 'on' && flag !== 'off')
    problems.push(`JOBS_SCHEDULER must be "on" or "off", got "${flag}"`);
  const { int } = envNumbers(env, problems);
  const every = { ...DEFAULT_EVERY };
  for (const job of JOB_NAMES) {
    const key = `JOB_EVERY_MINUTES_${job.toUpperCase().replace(/-/g, '_')}`;
    if (env[key]) every[job] = int(key, 1, 1, 366 * 24 * 60);
  }
  return {
    enabled: flag === 'on' || flag === 'off' ? flag === 'on' : nodeEnvOf(env) !== 'test',
    tickSeconds: int('JOBS_TICK_SECONDS', 30, 1, 3600),
    every,
  };
});
