import { In } from 'typeorm';
import { JOB_NAMES, type JobLeaseResponse } from '@jianghuai/shared';
import { E2E_DB, bearer, createTestApp, type TestContext } from './support/test-app.js';
import { staffToken } from './support/application-factories.js';
import { createVolunteers, minutesFromNow, publishActivity, shiftActivity } from './support/activity-factories.js';
import { testNowMs } from './support/test-clock.js';
import { readArea } from '../src/config/config-area.js';
import { jobsConfig } from '../src/config/jobs.config.js';
import { JobLease } from '../src/modules/jobs/job-lease.entity.js';
import { JobScheduler } from '../src/modules/jobs/job-scheduler.service.js';
import { nextRunAt, quarterStart } from '../src/modules/jobs/job-schedule.js';
import { Activity } from '../src/modules/activities/entities/activity.entity.js';

const baseEnv = { JWT_SECRET: 'x'.repeat(40), WECHAT_APPID: 'wx', WECHAT_SECRET: 's' };
const loadJobScheduleConfig = (env: Record<string, string>) => readArea(jobsConfig.read, env);

/** Every job runs on its own schedule in every mode but tests, once per period across instances, under its lease. */
describe('Job schedule (e2e)', () => {
  it('the scheduler is on by default outside tests, off under NODE_ENV=test unless turned on; periods are configurable', () => {
    const dev = loadJobScheduleConfig({ ...baseEnv, NODE_ENV: 'development' });
    expect(dev.enabled).toBe(true);
    expect(dev.every).toMatchObject({
      'inactivity-revocation': 1440,
      'level-regrade': 'quarterly',
      'activity-upkeep': 1,
      'activity-reminders': 1,
      'notification-retries': 1,
      'sms-delivery': 1,
      'tip-escalation': 1,
      'incident-report-overdue': 1,
      'mall-unpaid-cancel': 1,
      'mall-pay-reconcile': 1,
      'mall-refund-query': 1,
      'mall-trade-bill': 60,
      'points-expiry': 1440,
      'points-expiry-notice': 1440,
      'honesty-scan': 60,
    });
    expect(Object.keys(dev.every).sort()).toEqual([...JOB_NAMES].sort());
    const test = { ...baseEnv, NODE_ENV: 'test' };
    expect(loadJobScheduleConfig(test).enabled).toBe(false);
    expect(
      loadJobScheduleConfig({ ...test, JOBS_SCHEDULER: 'on', JOB_EVERY_MINUTES_INACTIVITY_REVOCATION: '60' }),
    ).toMatchObject({ enabled: true, every: { 'inactivity-revocation': 60 } });
    expect(() => loadJobScheduleConfig({ ...test, JOBS_SCHEDULER: 'yes' })).toThrow(/JOBS_SCHEDULER/);
    // quarterly: next run at Shanghai midnight of the next quarter's first day
    const last = new Date('2026-03-31T16:30:00Z'); // 2026-04-01 00:30 in Shanghai
    expect(nextRunAt('quarterly', last, new Date('2026-04-02T00:00:00Z'), 'Asia/Shanghai').toISOString()).toBe(
      '2026-06-30T16:00:00.000Z',
    );
    expect(quarterStart(new Date('2026-03-31T15:59:00Z'), 'Asia/Shanghai', 0).toISOString()).toBe(
      '2025-12-31T16:00:00.000Z',
    );
  });

  describe('with the scheduler on', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      // domain settings are read from the process environment when the app starts
      process.env.JOBS_SCHEDULER = 'on';
      process.env.JOBS_TICK_SECONDS = '1';
      try {
        ctx = await createTestApp();
      } finally {
        delete process.env.JOBS_SCHEDULER;
        delete process.env.JOBS_TICK_SECONDS;
      }
    });
    afterAll(() => ctx.close());

    it('jobs run by themselves, without anyone pressing a button: an activity past its start becomes ongoing, every job records a run, the jobs page shows the next run', async () => {
      const pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
      const a = await publishActivity(ctx, pinghu);
      await shiftActivity(ctx, a.id, minutesFromNow(-5), minutesFromNow(60));
      const deadline = Date.now() + 15_000;
      let leases: JobLease[] = [];
      while (Date.now() < deadline) {
        leases = await ctx.dataSource.getRepository(JobLease).find();
        if (leases.filter((l) => l.lastRunAt).length === JOB_NAMES.length) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(
        leases
          .filter((l) => l.lastRunAt)
          .map((l) => l.name)
          .sort(),
      ).toEqual([...JOB_NAMES].sort());
      // a minute later (the last runs moved back): the one-minute jobs run again by themselves, the daily ones do not
      const movedBack = new Date(testNowMs() - 2 * 60_000);
      await ctx.dataSource.getRepository(JobLease).update({ name: In([...JOB_NAMES]) }, { lastRunAt: movedBack });
      const again = Date.now() + 15_000;
      let upkeep: JobLease | null = null;
      while (Date.now() < again) {
        upkeep = await ctx.dataSource.getRepository(JobLease).findOneBy({ name: 'activity-upkeep' });
        if (upkeep!.lastRunAt! > movedBack) break;
        await new Promise((r) => setTimeout(r, 250));
      }
      expect(upkeep!.lastRunAt!.getTime()).toBeGreaterThan(movedBack.getTime());
      expect((await ctx.dataSource.getRepository(Activity).findOneByOrFail({ id: a.id })).status).toBe('ongoing');
      expect(
        (await ctx.dataSource.getRepository(JobLease).findOneByOrFail({ name: 'inactivity-revocation' })).lastRunAt,
      ).toEqual(movedBack);
      const admin = await staffToken(ctx, 'admin');
      const page = (
        await ctx
          .http()
          .get('/api/admin/jobs')
          .set(...bearer(admin))
          .expect(200)
      ).body as JobLeaseResponse[];
      const revocation = page.find((j) => j.name === 'inactivity-revocation')!;
      expect(revocation.every).toBe(1440);
      expect(new Date(revocation.nextRunAt!).getTime() - new Date(revocation.lastRunAt!).getTime()).toBe(1440 * 60_000);
      expect(page.find((j) => j.name === 'level-regrade')!.every).toBe('quarterly');
    });
  });

  // Two instances share one database only on MySQL (the embedded database is one process).
  (E2E_DB === 'mysql' ? describe : describe.skip)('two instances on one MariaDB database', () => {
    let a: TestContext;
    let b: TestContext;
    beforeAll(async () => {
      a = await createTestApp();
      b = await createTestApp({}, { sameDatabaseAs: a });
    });
    afterAll(async () => {
      await b?.close();
      await a?.close();
    });

    it('each due job runs once across both instances, ticking at the same instant; nothing runs again within its period', async () => {
      const pinghu = (await a.loginStaff('pinghu_station')).accessToken;
      const act = await publishActivity(a, pinghu, { capacity: 5 });
      const vs = await createVolunteers(a, 3);
      for (const v of vs)
        await a
          .http()
          .post(`/api/activities/${act.id}/signup`)
          .set(...bearer(v.token))
          .expect(201);
      await shiftActivity(a, act.id, minutesFromNow(30), minutesFromNow(90));
      const [ranA, ranB] = await Promise.all([a.app.get(JobScheduler).tick(), b.app.get(JobScheduler).tick()]);
      expect([...ranA, ...ranB].sort()).toEqual([...JOB_NAMES].sort());
      // the reminder job ran once: one reminder per sign-up
      const rows = await a.dataSource.query(
        "SELECT userId FROM notifications WHERE template = 'activity_reminder' AND body LIKE ?",
        [`%${act.title}%`],
      );
      expect(rows.map((r: { userId: number }) => Number(r.userId)).sort()).toEqual(vs.map((v) => v.userId).sort());
      const again = await Promise.all([a.app.get(JobScheduler).tick(), b.app.get(JobScheduler).tick()]);
      expect(again.flat()).toEqual([]);
      // a period later (the last runs moved back 2 minutes) the one-minute jobs are due again, once
      await a.dataSource.query('UPDATE job_leases SET lastRunAt = ?', [new Date(testNowMs() - 2 * 60_000)]);
      const later = await Promise.all([a.app.get(JobScheduler).tick(), b.app.get(JobScheduler).tick()]);
      expect(later.flat().sort()).toEqual([
        'activity-reminders',
        'activity-upkeep',
        'incident-report-overdue',
        'mall-pay-reconcile',
        'mall-refund-query',
        'mall-unpaid-cancel',
        'notification-retries',
        'sms-delivery',
        'tip-escalation',
      ]);
    });
  });
});
