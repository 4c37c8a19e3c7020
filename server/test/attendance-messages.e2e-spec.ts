import { businessDate } from '@jianghuai/shared';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import {
  createVolunteers,
  minutesFromNow,
  publishActivity,
  shiftActivity,
  type TestVolunteer,
} from './support/activity-factories.js';
import { ActivitySignup } from '../src/modules/activities/entities/activity-signup.entity.js';
import { Notification } from '../src/modules/notifications/notification.entity.js';
import { PointsLedgerService } from '../src/modules/points/points-ledger.service.js';
import { NotificationsService } from '../src/modules/notifications/notifications.service.js';

/**
 * What the guard is told about their service and points (docs/product.md#notifications): 服务已确认 when an officer
 * confirms their attendance (with the points it credited), 积分到账 for any other credit; once per event, however many
 * times or how simultaneously the officer confirms; pushed where they consented, always in the in-app list.
 */
describe('Messages for confirmed service and credited points (e2e)', () => {
  let ctx: TestContext;
  let pinghu: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
  });
  afterAll(() => ctx.close());

  const messagesOf = (v: TestVolunteer) =>
    ctx.dataSource.getRepository(Notification).find({ where: { userId: v.userId }, order: { id: 'ASC' } });
  const openidOf = async (v: TestVolunteer): Promise<string> =>
    (await ctx.dataSource.query('SELECT openid FROM users WHERE id = ?', [v.userId]))[0].openid;
  const consent = (v: TestVolunteer, templates: string[]) =>
    ctx
      .http()
      .post('/api/me/subscriptions')
      .set(...bearer(v.token))
      .send({ templates })
      .expect(204);
  const confirm = (id: number, items: object[]) =>
    ctx
      .http()
      .post(`/api/admin/activities/${id}/attendance`)
      .set(...bearer(pinghu))
      .send({ items });

  /** A finished 2-hour activity (10 points an hour) with `n` volunteers who served all of it. */
  async function finished(n: number, title: string) {
    const a = await publishActivity(ctx, pinghu, { capacity: n, title });
    const vs = await createVolunteers(ctx, n);
    const signupIds: number[] = [];
    for (const v of vs)
      signupIds.push(
        (
          await ctx
            .http()
            .post(`/api/activities/${a.id}/signup`)
            .set(...bearer(v.token))
            .expect(201)
        ).body.id,
      );
    const start = minutesFromNow(-125);
    const end = minutesFromNow(-5);
    await shiftActivity(ctx, a.id, start, end);
    for (const id of signupIds)
      await ctx.dataSource
        .getRepository(ActivitySignup)
        .update({ id }, { checkinAt: start, checkoutAt: end, checkedMinutes: 120 });
    return { a, vs, signupIds, date: businessDate(start) };
  }

  it('confirming attendance tells the guard once — confirmed again, twice at once — and pushes where they consented', async () => {
    const { a, vs, signupIds, date } = await finished(2, '解放路夜间巡逻');
    await consent(vs[0], ['attendance_confirmed']);
    const pushedBefore = ctx.sandbox.sentMessages.length;
    const all = signupIds.map((signupId) => ({ signupId, present: true }));
    const results = await Promise.all([confirm(a.id, all), confirm(a.id, all), confirm(a.id, [all[0]])]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    const confirmed = results.flatMap((r) => r.body.confirmed.map((c: { signupId: number }) => c.signupId));
    expect(confirmed.sort()).toEqual([...signupIds].sort());
    await confirm(a.id, all).expect(200);

    const points = (
      await ctx
        .http()
        .get('/api/me/points')
        .set(...bearer(vs[0].token))
        .expect(200)
    ).body;
    for (const v of vs) {
      const rows = await messagesOf(v);
      expect(rows.map((n) => [n.template, n.title, n.body, n.page])).toEqual([
        [
          'attendance_confirmed',
          '服务已确认',
          `服务已确认：解放路夜间巡逻 ${date} 服务 2 小时，积分到账：+${points.balance}，余额 ${points.balance}`,
          'pages/activity/mine',
        ],
      ]);
    }
    expect(points.balance).toBeGreaterThan(0);
    // pushed once to the one who consented; the other keeps it in the list only
    const pushed = ctx.sandbox.sentMessages.slice(pushedBefore);
    expect(pushed.map((m) => [m.touser, m.template_id])).toEqual([
      [await openidOf(vs[0]), 'sandbox-tmpl-attendance_confirmed'],
    ]);
    expect((await messagesOf(vs[1]))[0].pushStatus).toBe('no_consent');
    // the guard reads it in 消息
    const inbox = (
      await ctx
        .http()
        .get('/api/me/messages')
        .set(...bearer(vs[0].token))
        .expect(200)
    ).body;
    expect(inbox.items[0]).toMatchObject({ template: 'attendance_confirmed', title: '服务已确认', read: false });
  });

  it('an absent guard is told nothing; a present one with 0 points is told the service without a credit', async () => {
    const { a, vs, signupIds, date } = await finished(2, '零积分宣传');
    await ctx.dataSource.query('UPDATE activities SET pointsAmount = 0 WHERE id = ?', [a.id]);
    await confirm(a.id, [
      { signupId: signupIds[0], present: true },
      { signupId: signupIds[1], present: false },
    ]).expect(200);
    expect((await messagesOf(vs[0])).map((n) => n.body)).toEqual([`服务已确认：零积分宣传 ${date} 服务 2 小时`]);
    expect(await messagesOf(vs[1])).toEqual([]);
  });

  it('any other ledger credit tells the guard 积分到账 with the balance, once per credit, pushed after the commit', async () => {
    const [v] = await createVolunteers(ctx, 1);
    await consent(v, ['points_credited']);
    const ledger = ctx.app.get(PointsLedgerService);
    const credit = (key: string, amount: number) =>
      ctx.dataSource.transaction((m) =>
        ledger.post(m, {
          userId: v.userId,
          volunteerId: v.volunteerId,
          type: 'activity',
          amount,
          sourceType: 'proposal',
          sourceId: key,
          description: '活动建议被采纳',
          idempotencyKey: `e2e-credit:${v.userId}:${key}`,
          awardingOrgId: null,
          awardingOrgPath: null,
        }),
      );
    const first = await credit('a', 20);
    const repeat = await credit('a', 20);
    await ctx.app.get(NotificationsService).push([first.notificationId!]);
    expect(repeat.posted).toBe(false);
    const rows = await messagesOf(v);
    expect(rows.map((n) => [n.template, n.title, n.body, n.pushStatus])).toEqual([
      ['points_credited', '积分到账', '积分到账：+20，余额 20（活动建议被采纳）', 'sent'],
    ]);
    const openid = await openidOf(v);
    const pushed = ctx.sandbox.sentMessages.filter((m) => m.touser === openid);
    expect(pushed.map((m) => m.template_id)).toEqual(['sandbox-tmpl-points_credited']);
  });
});
