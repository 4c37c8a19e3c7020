import { SchedulerRegistry } from '@nestjs/schedule';
import { JOB_NAMES } from '@jianghuai/shared';
import type { DataSource } from 'typeorm';
import { readArea } from '../../config/config-area.js';
import { jobsConfig } from '../../config/jobs.config.js';
import { JobScheduler } from './job-scheduler.service.js';
import { QUARTERLY_CRON } from './job-schedule.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { FakeActivityJobs, unitJobs } from '../../../test/unit/factories-jobs.js';

const schedule = (env: Record<string, string> = {}) => readArea(jobsConfig.read, { NODE_ENV: 'test', ...env });
const MINUTE_JOBS = [
  'activity-upkeep',
  'activity-reminders',
  'notification-retries',
  'sms-delivery',
  'tip-escalation',
  'incident-report-overdue',
  'mall-unpaid-cancel',
  'mall-pay-reconcile',
  'mall-refund-query',
];
// due again after 10 minutes: the dashboard's summary tables
const TEN_MINUTE_JOBS = ['stats-refresh'];
const HOURLY_JOBS = ['review-sla-warnings', 'mall-trade-bill', 'honesty-scan'];
const DAILY_JOBS = [
  'inactivity-revocation',
  'criminal-recheck-reminders',
  'certificate-expiry-reminders',
  'points-expiry',
  'points-expiry-notice',
];

describe('JobScheduler', () => {
  let ds: DataSource;
  /** One server instance as it runs at `iso` (each instance holds its own leases under its own id). */
  const instanceAt = (iso: string, env: Record<string, string> = {}) => {
    const clock = clockAt(iso);
    return new JobScheduler(unitJobs(ds, clock, new FakeActivityJobs()), clock, new SchedulerRegistry(), schedule(env));
  };

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(() => clearTables(ds));
  afterAll(() => ds.destroy());

  it('a pass runs every due job once across instances: the second instance finds nothing due', async () => {
    const ran = await instanceAt('2026-11-30T15:30:00Z').tick();
    expect([...ran].sort()).toEqual([...JOB_NAMES].sort());
    expect(await instanceAt('2026-11-30T15:30:10Z').tick()).toEqual([]);
  });

  it('each job waits its own period from its last run on any instance', async () => {
    await instanceAt('2026-11-30T15:30:00Z').tick();
    expect((await instanceAt('2026-11-30T15:32:00Z').tick()).sort()).toEqual([...MINUTE_JOBS].sort());
    const nextDay = await instanceAt('2026-12-01T15:31:00Z').tick();
    expect(nextDay.filter((j) => !MINUTE_JOBS.includes(j)).sort()).toEqual(
      [...TEN_MINUTE_JOBS, ...HOURLY_JOBS, ...DAILY_JOBS].sort(),
    );
  });

  it('the quarterly re-grade waits for the quarter to begin in Shanghai (16:00 UTC on 31 December)', async () => {
    await instanceAt('2026-11-30T15:30:00Z').tick();
    expect(await instanceAt('2026-12-31T15:59:00Z').tick()).not.toContain('level-regrade');
    expect(await instanceAt('2026-12-31T16:00:30Z').tick()).toContain('level-regrade');
    expect(await instanceAt('2026-12-31T16:05:00Z').tick()).not.toContain('level-regrade');
  });

  it('when on, start-up puts one cron job per job in the registry, in the business zone; shutdown removes them', async () => {
    const clock = clockAt('2026-11-30T15:30:00Z');
    const registry = new SchedulerRegistry();
    const sut = new JobScheduler(
      unitJobs(ds, clock, new FakeActivityJobs()),
      clock,
      registry,
      schedule({ JOBS_SCHEDULER: 'on' }),
    );
    sut.onApplicationBootstrap();
    try {
      const crons = registry.getCronJobs();
      expect([...crons.keys()].sort()).toEqual([...JOB_NAMES].sort());
      expect(crons.get('level-regrade')?.cronTime).toMatchObject({ source: QUARTERLY_CRON, timeZone: 'Asia/Shanghai' });
      expect(registry.getTimeouts()).toHaveLength(1);
    } finally {
      await sut.onApplicationShutdown();
    }
    expect(registry.getCronJobs().size).toBe(0);
    expect(registry.getTimeouts()).toEqual([]);

    const off = new SchedulerRegistry();
    new JobScheduler(unitJobs(ds, clock, new FakeActivityJobs()), clock, off, schedule()).onApplicationBootstrap();
    expect(off.getCronJobs().size).toBe(0);
  });
});
