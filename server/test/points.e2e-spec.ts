import { isoWeekOf } from '@jianghuai/shared';
import { bearer, createTestApp, type TestContext } from './support/test-app.js';
import {
  PINGHU,
  createVolunteers,
  minutesFromNow,
  publishActivity,
  shiftActivity,
  type TestVolunteer,
} from './support/activity-factories.js';
import { testNow } from './support/test-clock.js';
import { ActivitySignup } from '../src/modules/activities/entities/activity-signup.entity.js';
import { Volunteer } from '../src/modules/volunteers/volunteer.entity.js';
import { PointsLedgerService } from '../src/modules/points/points-ledger.service.js';

/** Attendance and the points ledger (docs/product.md#activities, #points): once-only credit, locked hours, reversals, balances, points issued, weekly rule. */
describe('Attendance and points ledger (e2e)', () => {
  let ctx: TestContext;
  let pinghu: string;
  let yushan: string;
  beforeAll(async () => {
    ctx = await createTestApp();
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    yushan = (await ctx.loginStaff('yushan_station')).accessToken;
  });
  afterAll(() => ctx.close());

  /** A finished 2-hour activity with `n` confirmed volunteers; the first `checkedIn` checked in and out for the full window. */
  async function finished(n: number, checkedIn: number, over: Parameters<typeof publishActivity>[2] = {}) {
    const a = await publishActivity(ctx, pinghu, { capacity: n, ...over });
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
    await shiftActivity(ctx, a.id, minutesFromNow(-5), minutesFromNow(115));
    for (const v of vs.slice(0, checkedIn))
      await ctx
        .http()
        .post(`/api/activities/${a.id}/checkin`)
        .set(...bearer(v.token))
        .send({ method: 'location', ...PINGHU, accuracy: 10 })
        .expect(200);
    const start = minutesFromNow(-125);
    const end = minutesFromNow(-5);
    await shiftActivity(ctx, a.id, start, end);
    for (const id of signupIds.slice(0, checkedIn))
      await ctx.dataSource
        .getRepository(ActivitySignup)
        .update({ id }, { checkinAt: start, checkoutAt: end, checkedMinutes: 120 });
    return { a, vs, signupIds, end };
  }
  const confirm = (token: string, id: number, items: object[]) =>
    ctx
      .http()
      .post(`/api/admin/activities/${id}/attendance`)
      .set(...bearer(token))
      .send({ items });
  const points = async (v: TestVolunteer) =>
    (
      await ctx
        .http()
        .get('/api/me/points')
        .set(...bearer(v.token))
        .expect(200)
    ).body;

  it('confirming attendance credits points once, even when confirmed twice or by two officers at once', async () => {
    const { a, vs, signupIds, end } = await finished(2, 2);
    await confirm(pinghu, a.id, [{ signupId: signupIds[0], present: true }]).expect(200);
    const [again, parallel] = await Promise.all([
      confirm(pinghu, a.id, [
        { signupId: signupIds[0], present: true },
        { signupId: signupIds[1], present: true },
      ]),
      confirm(pinghu, a.id, [{ signupId: signupIds[1], present: true }]),
    ]);
    expect(again.body.unchanged).toContain(signupIds[0]);
    expect(
      [...again.body.confirmed, ...parallel.body.confirmed].filter(
        (c: { signupId: number }) => c.signupId === signupIds[1],
      ),
    ).toHaveLength(1);
    for (const v of vs) {
      const p = await points(v);
      expect(p).toMatchObject({ balance: 20, earned: 20, spent: 0 });
      expect(p.recent).toHaveLength(1);
      expect(p.recent[0]).toMatchObject({
        type: 'activity',
        amount: 20,
        balanceAfter: 20,
        awardingOrg: { name: '平湖派出所' },
        description: expect.stringContaining(a.title),
      });
    }
    const vol = await ctx.dataSource.getRepository(Volunteer).findOneByOrFail({ id: vs[0].volunteerId });
    expect(vol.serviceMinutes).toBe(120);
    expect(vol.lastDutyAt?.getTime()).toBe(end.getTime());
    const stats = await ctx
      .http()
      .get('/api/me/activity-stats')
      .set(...bearer(vs[0].token))
      .expect(200);
    expect(stats.body).toEqual({ signedUp: 1, attended: 1, noShows: 0, serviceMinutes: 120 });
  });

  it('confirmed hours are locked; hand-added minutes are kept apart, need a note and are flagged', async () => {
    const { a, vs, signupIds } = await finished(3, 1);
    const missing = await confirm(pinghu, a.id, [{ signupId: signupIds[1], present: true }]).expect(400);
    expect(missing.body.code).toBe('ATTENDANCE_MINUTES_REQUIRED');
    await confirm(pinghu, a.id, [{ signupId: signupIds[1], present: true, manualMinutes: 90 }]).expect(400);
    const res = await confirm(pinghu, a.id, [
      { signupId: signupIds[0], present: true, manualMinutes: 30, manualNote: '提前到岗布置' },
      { signupId: signupIds[1], present: true, manualMinutes: 90, manualNote: '手机没电，民警现场核实' },
      { signupId: signupIds[2], present: false },
    ]).expect(200);
    expect(res.body).toEqual({
      confirmed: [
        { signupId: signupIds[0], minutes: 150, points: 25 },
        { signupId: signupIds[1], minutes: 90, points: 15 },
      ],
      absent: [signupIds[2]],
      unchanged: [],
    });
    const second = await confirm(pinghu, a.id, [
      { signupId: signupIds[0], present: true, manualMinutes: 600, manualNote: '再补一次' },
    ]).expect(200);
    expect(second.body.unchanged).toEqual([signupIds[0]]);
    const list = (
      await ctx
        .http()
        .get(`/api/admin/activities/${a.id}/signups`)
        .set(...bearer(pinghu))
        .expect(200)
    ).body.items;
    expect(list[0]).toMatchObject({
      checkedMinutes: 120,
      manualMinutes: 30,
      confirmedMinutes: 150,
      manualNote: '提前到岗布置',
      flagged: true,
      attendance: 'confirmed',
    });
    expect(list[2]).toMatchObject({ attendance: 'absent' });
    expect(
      (
        await ctx
          .http()
          .get('/api/me/activity-stats')
          .set(...bearer(vs[2].token))
      ).body.noShows,
    ).toBe(1);
    expect((await points(vs[0])).balance).toBe(25);
    await confirm(yushan, a.id, [{ signupId: signupIds[0], present: true }]).expect(404);
  });

  it('attendance is confirmed only after the activity ends; settling turns the rest into no-shows', async () => {
    const a = await publishActivity(ctx, pinghu);
    const [v] = await createVolunteers(ctx, 1);
    const s = (
      await ctx
        .http()
        .post(`/api/activities/${a.id}/signup`)
        .set(...bearer(v.token))
        .expect(201)
    ).body;
    expect(
      (
        await confirm(pinghu, a.id, [
          { signupId: s.id, present: true, manualMinutes: 60, manualNote: '补录说明' },
        ]).expect(409)
      ).body.code,
    ).toBe('ATTENDANCE_NOT_ALLOWED');
    await shiftActivity(ctx, a.id, minutesFromNow(-120), minutesFromNow(-60));
    const settled = await ctx
      .http()
      .post(`/api/admin/activities/${a.id}/settle`)
      .set(...bearer(pinghu))
      .expect(200);
    expect(settled.body.status).toBe('settled');
    expect((await ctx.dataSource.getRepository(ActivitySignup).findOneByOrFail({ id: s.id })).attendance).toBe(
      'absent',
    );
  });

  it('war-time doubles the points credited (per activity)', async () => {
    const war = await finished(1, 1, { mode: 'wartime', pointsRule: 'per_activity', pointsAmount: 15 });
    expect(
      (await confirm(pinghu, war.a.id, [{ signupId: war.signupIds[0], present: true }]).expect(200)).body.confirmed[0]
        .points,
    ).toBe(30);
    expect((await points(war.vs[0])).balance).toBe(30);
  });

  it('a wrong credit is reversed by a new entry with a reason, once, audited; the balance never goes below zero', async () => {
    const { a, vs, signupIds } = await finished(1, 1);
    await confirm(pinghu, a.id, [{ signupId: signupIds[0], present: true }]).expect(200);
    const entry = (await points(vs[0])).recent[0];
    await ctx
      .http()
      .post(`/api/admin/points/entries/${entry.id}/reverse`)
      .set(...bearer(yushan))
      .send({ reason: '经核实未到岗' })
      .expect(404);
    const rev = await ctx
      .http()
      .post(`/api/admin/points/entries/${entry.id}/reverse`)
      .set(...bearer(pinghu))
      .send({ reason: '经核实未到岗' })
      .expect(200);
    expect(rev.body).toMatchObject({
      type: 'reversal',
      amount: -20,
      balanceAfter: 0,
      reversalOfId: entry.id,
      reason: '经核实未到岗',
    });
    const twice = await ctx
      .http()
      .post(`/api/admin/points/entries/${entry.id}/reverse`)
      .set(...bearer(pinghu))
      .send({ reason: '再冲一次' })
      .expect(409);
    expect(twice.body.code).toBe('POINTS_ALREADY_REVERSED');
    await ctx
      .http()
      .post(`/api/admin/points/entries/${rev.body.id}/reverse`)
      .set(...bearer(pinghu))
      .send({ reason: '冲正的冲正' })
      .expect(409);
    const ledger = await ctx
      .http()
      .get('/api/me/points/ledger')
      .set(...bearer(vs[0].token))
      .expect(200);
    expect(ledger.body.items.map((e: { amount: number }) => e.amount)).toEqual([-20, 20]);
    expect(ledger.body.items[1].reversedById).toBe(rev.body.id);
    expect((await points(vs[0])).balance).toBe(0);
    const audit = await ctx
      .http()
      .get('/api/admin/audit-logs?action=points.reverse')
      .set(...bearer(pinghu))
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({ targetId: String(entry.id), after: { reason: '经核实未到岗' } });
    // the database refuses to edit or delete ledger entries
    await expect(
      ctx.dataSource.query('UPDATE points_ledger_entries SET amount = 999 WHERE id = ?', [entry.id]),
    ).rejects.toThrow();
    await expect(ctx.dataSource.query('DELETE FROM points_ledger_entries WHERE id = ?', [entry.id])).rejects.toThrow();
    // a debit larger than the balance is refused and leaves nothing behind
    const ledgerService = ctx.app.get(PointsLedgerService);
    await expect(
      ctx.dataSource.transaction((m) =>
        ledgerService.post(m, {
          userId: vs[0].userId,
          volunteerId: vs[0].volunteerId,
          type: 'redemption',
          amount: -1,
          sourceType: 'test',
          sourceId: '1',
          description: '兑换',
          idempotencyKey: `test-debit-${vs[0].userId}`,
          awardingOrgId: null,
          awardingOrgPath: null,
        }),
      ),
    ).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT_BALANCE' });
    expect(
      (
        await ctx
          .http()
          .get('/api/me/points/ledger')
          .set(...bearer(vs[0].token))
      ).body.total,
    ).toBe(2);
  });

  it('staff see points issued per station, inside their scope only', async () => {
    const { a, signupIds } = await finished(1, 1);
    await confirm(pinghu, a.id, [{ signupId: signupIds[0], present: true }]).expect(200);
    const mine = await ctx
      .http()
      .get('/api/admin/points/issued')
      .set(...bearer(pinghu))
      .expect(200);
    expect(mine.body.byOrg.map((r: { name: string }) => r.name)).toEqual(['平湖派出所']);
    expect(mine.body.total.credited).toBeGreaterThanOrEqual(20);
    expect(mine.body.total.net).toBe(mine.body.total.credited - mine.body.total.reversed);
    const other = await ctx
      .http()
      .get('/api/admin/points/issued')
      .set(...bearer(yushan))
      .expect(200);
    expect(other.body.byOrg).toEqual([]);
    const branch = await ctx
      .http()
      .get('/api/admin/points/issued')
      .set(...bearer((await ctx.loginStaff('yushan_branch')).accessToken))
      .expect(200);
    expect(branch.body.total).toEqual(mine.body.total);
    const ledger = await ctx
      .http()
      .get('/api/admin/points/ledger')
      .set(...bearer(yushan))
      .expect(200);
    expect(ledger.body.total).toBe(0);
    await ctx
      .http()
      .get('/api/admin/points/issued')
      .set(...bearer((await ctx.loginStaff('pinghu_community')).accessToken))
      .expect(403);
  });

  it('weekly rule: stations without a patrol or prevention activity this week are flagged, per viewer scope', async () => {
    const week = isoWeekOf(testNow());
    const before = (
      await ctx
        .http()
        .get(`/api/admin/activity-weekly-rule?week=${week}`)
        .set(...bearer((await ctx.loginStaff('yushan_branch')).accessToken))
        .expect(200)
    ).body;
    expect(before.stations.map((s: { name: string }) => s.name).sort()).toEqual([
      '安民派出所',
      '平湖派出所',
      '雨山派出所',
    ]);
    const yushanOrg = await ctx.org('MAS-YS-YS');
    const yushanRow = before.stations.find((s: { stationId: number }) => s.stationId === yushanOrg.id);
    expect(yushanRow).toMatchObject({ count: 0, belowRule: true });
    const a = await publishActivity(ctx, yushan, { type: 'street_patrol' });
    await shiftActivity(ctx, a.id, testNow(), minutesFromNow(60));
    const cancelled = await publishActivity(ctx, yushan, { type: 'safety_publicity' });
    await shiftActivity(ctx, cancelled.id, testNow(), minutesFromNow(60));
    await ctx
      .http()
      .post(`/api/admin/activities/${cancelled.id}/cancel`)
      .set(...bearer(yushan))
      .send({ reason: '取消测试' })
      .expect(200);
    const after = (
      await ctx
        .http()
        .get(`/api/admin/activity-weekly-rule?week=${week}`)
        .set(...bearer(yushan))
        .expect(200)
    ).body;
    expect(after.stations).toEqual([{ stationId: yushanOrg.id, name: '雨山派出所', count: 1, belowRule: false }]);
    expect(after.belowCount).toBe(0);
    await ctx
      .http()
      .get('/api/admin/activity-weekly-rule?week=2026-W99')
      .set(...bearer(yushan))
      .expect(400);
  });
});
