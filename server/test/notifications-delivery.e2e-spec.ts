import { IsNull, Not } from 'typeorm';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import { createVolunteers, minutesFromNow, publishActivity, shiftActivity } from './support/activity-factories.js';
import { testNowMs } from './support/test-clock.js';
import { ActivityJobsService } from '../src/modules/activities/activity-jobs.service.js';
import { JobsService } from '../src/modules/jobs/jobs.service.js';
import { Notification } from '../src/modules/notifications/notification.entity.js';
import { NotificationsService, PUSH_BACKOFF_MS } from '../src/modules/notifications/notifications.service.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The reminder an hour before an activity, push retries with back-off, and links that open real pages. */
describe('Notification delivery (e2e)', () => {
  let ctx: TestContext;
  let pinghu: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
  });
  afterAll(() => ctx.close());
  const messages = () => ctx.dataSource.getRepository(Notification);
  const openidOf = async (userId: number): Promise<string> =>
    (await ctx.dataSource.query('SELECT openid FROM users WHERE id = ?', [userId]))[0].openid;

  it('the 1-hour reminder: once per confirmed sign-up of an activity starting within the hour, pushed with the consent given at sign-up; reruns send nothing', async () => {
    const soon = await publishActivity(ctx, pinghu, { capacity: 2, title: '一小时内开始的巡逻' });
    const later = await publishActivity(ctx, pinghu, { capacity: 2, title: '三小时后开始的巡逻' });
    const vs = await createVolunteers(ctx, 3);
    for (const v of vs)
      await ctx
        .http()
        .post('/api/me/subscriptions')
        .set(...bearer(v.token))
        .send({ templates: ['activity_reminder'] })
        .expect(204);
    await ctx
      .http()
      .post(`/api/activities/${soon.id}/signup`)
      .set(...bearer(vs[0].token))
      .expect(201);
    await ctx
      .http()
      .post(`/api/activities/${soon.id}/signup`)
      .set(...bearer(vs[1].token))
      .expect(201);
    await ctx
      .http()
      .post(`/api/activities/${soon.id}/signup`)
      .set(...bearer(vs[2].token))
      .expect(201); // waitlisted: no reminder
    await ctx
      .http()
      .post(`/api/activities/${later.id}/signup`)
      .set(...bearer(vs[2].token))
      .expect(201);
    await shiftActivity(ctx, soon.id, minutesFromNow(50), minutesFromNow(110));
    await shiftActivity(ctx, later.id, minutesFromNow(180), minutesFromNow(240));
    const jobs = ctx.app.get(JobsService);
    const [first, second] = await Promise.all([
      jobs.runUnleased('activity-reminders'),
      jobs.runUnleased('activity-reminders'),
    ]);
    expect(first.reminded + second.reminded).toBe(2);
    expect((await jobs.runUnleased('activity-reminders')).reminded).toBe(0);
    const rows = await messages().find({ where: { template: 'activity_reminder' } });
    const mine = rows.filter((r) => r.body.includes('一小时内开始的巡逻'));
    expect(mine.map((r) => r.userId).sort()).toEqual([vs[0].userId, vs[1].userId].sort());
    expect(mine[0]).toMatchObject({ page: `pages/activity/detail?id=${soon.id}`, pushStatus: 'sent' });
    expect(rows.some((r) => r.body.includes('三小时后开始的巡逻'))).toBe(false);
    const pushed = ctx.sandbox.sentMessages.filter((m) => m.template_id === 'sandbox-tmpl-activity_reminder');
    expect(pushed.map((m) => m.touser).sort()).toEqual(
      [await openidOf(vs[0].userId), await openidOf(vs[1].userId)].sort(),
    );
    expect(pushed[0].data.thing1.value).toBe('一小时内开始的巡逻');
  });

  it('a failed push never blocks the action and is retried with growing back-off until it goes through; the consent is spent once', async () => {
    const a = await publishActivity(ctx, pinghu, { capacity: 1, title: '推送失败重试' });
    const [v, w] = await createVolunteers(ctx, 2);
    await ctx
      .http()
      .post('/api/me/subscriptions')
      .set(...bearer(w.token))
      .send({ templates: ['signup_result'] })
      .expect(204);
    await ctx
      .http()
      .post(`/api/activities/${a.id}/signup`)
      .set(...bearer(v.token))
      .expect(201);
    await ctx
      .http()
      .post(`/api/activities/${a.id}/signup`)
      .set(...bearer(w.token))
      .expect(201); // waitlisted
    ctx.sandbox.failSubscribeSends = 2;
    // the cancellation promotes w and pushes signup_result: WeChat fails, the cancellation still succeeds
    await ctx
      .http()
      .post(`/api/activities/${a.id}/signup/cancel`)
      .set(...bearer(v.token))
      .expect(200);
    const msg = await messages().findOneByOrFail({ userId: w.userId, template: 'signup_result' });
    expect(msg).toMatchObject({ pushStatus: 'failed', pushAttempts: 1 });
    const wait1 = msg.nextPushAt!.getTime() - testNowMs();
    expect(wait1).toBeGreaterThan(PUSH_BACKOFF_MS[0] - 5_000);
    expect(wait1).toBeLessThanOrEqual(PUSH_BACKOFF_MS[0]);
    const notifications = ctx.app.get(NotificationsService);
    // not due yet: nothing is tried
    expect(await notifications.retryDue()).toMatchObject({ tried: 0 });
    await messages().update(msg.id, { nextPushAt: new Date(testNowMs() - 1000) });
    expect(await notifications.retryDue()).toMatchObject({ tried: 1, sent: 0, failed: 1 });
    const second = await messages().findOneByOrFail({ id: msg.id });
    expect(second.pushAttempts).toBe(2);
    expect(second.nextPushAt!.getTime() - testNowMs()).toBeGreaterThan(PUSH_BACKOFF_MS[1] - 5_000);
    await messages().update(msg.id, { nextPushAt: new Date(testNowMs() - 1000) });
    // through the scheduled job this time
    const res = await ctx.app.get(JobsService).run('notification-retries');
    expect(res).toMatchObject({ ran: true, result: { tried: 1, sent: 1 } });
    expect(await messages().findOneByOrFail({ id: msg.id })).toMatchObject({
      pushStatus: 'sent',
      pushAttempts: 3,
      nextPushAt: null,
    });
    const wOpenid = await openidOf(w.userId);
    expect(
      ctx.sandbox.sentMessages.filter((m) => m.touser === wOpenid && m.template_id === 'sandbox-tmpl-signup_result'),
    ).toHaveLength(1);
    const consent = await ctx.dataSource.query(
      "SELECT remaining FROM subscribe_consents WHERE userId = ? AND template = 'signup_result'",
      [w.userId],
    );
    expect(Number(consent[0].remaining)).toBe(0);
  });

  it('a push that keeps failing stops after the last back-off step and stays failed in the list', async () => {
    const vol = await ctx.loginWechat('always-fails');
    const notifications = ctx.app.get(NotificationsService);
    ctx.sandbox.failSubscribeSends = 100;
    try {
      const id = await notifications.notify({
        userId: vol.user.id,
        template: 'callup',
        title: '集合',
        body: '重试到上限',
      });
      for (let i = 0; i < PUSH_BACKOFF_MS.length + 2; i++) {
        // bring the planned retry forward (a row that gave up has none)
        await messages().update(
          { id, pushStatus: 'failed', nextPushAt: Not(IsNull()) },
          { nextPushAt: new Date(testNowMs() - 1000) },
        );
        await notifications.retryDue();
      }
      const row = await messages().findOneByOrFail({ id });
      expect(row).toMatchObject({ pushStatus: 'failed', pushAttempts: PUSH_BACKOFF_MS.length + 1, nextPushAt: null });
    } finally {
      ctx.sandbox.failSubscribeSends = 0;
    }
  });

  it('a push after commit that never happened (process stopped) is sent by the retry job', async () => {
    const vol = await ctx.loginWechat('lost-push');
    const notifications = ctx.app.get(NotificationsService);
    const id = await notifications.create(ctx.dataSource.manager, {
      userId: vol.user.id,
      template: 'callup',
      title: '集合',
      body: '进程中断',
    });
    expect(await notifications.retryDue()).toMatchObject({ tried: 0 });
    await messages().update(id, { nextPushAt: new Date(testNowMs() - 1000) });
    await notifications.retryDue();
    expect(await messages().findOneByOrFail({ id })).toMatchObject({ pushStatus: 'sent', pushAttempts: 1 });
  });

  it('the activity jobs no longer run unleased on their own timer: ActivityJobsService has no timer of its own', () => {
    const jobs = ctx.app.get(ActivityJobsService) as unknown as Record<string, unknown>;
    expect('onApplicationBootstrap' in jobs).toBe(false);
  });

  it('every page a notification links to is registered in the mini-program (app.config.ts)', () => {
    const config = readFileSync(path.join(here, '../../miniprogram/src/app.config.ts'), 'utf8');
    const registered = new Set<string>();
    for (const m of config.matchAll(/'((?:pages|[a-z-]+)\/[a-z0-9-/]+)'/g)) registered.add(m[1]);
    for (const m of config.matchAll(/root:\s*'([a-z-]+)',\s*pages:\s*\[([^\]]*)\]/gs)) {
      for (const p of m[2].matchAll(/'([a-z0-9-/]+)'/g)) registered.add(`${m[1]}/${p[1]}`);
    }
    expect(registered.has('pages/index/index')).toBe(true);
    expect(registered.has('admin-applications/volunteer/index')).toBe(true);
    const links: { file: string; page: string }[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = path.join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) {
          for (const m of readFileSync(p, 'utf8').matchAll(/\bpage:\s*[`'"]([^`'"?$]+)/g))
            links.push({ file: path.relative(path.join(here, '..'), p), page: m[1] });
        }
      }
    };
    walk(path.join(here, '../src/modules'));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((l) => !registered.has(l.page))).toEqual([]);
  });
});
