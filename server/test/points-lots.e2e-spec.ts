import type { LedgerEntryResponse, MyPointsResponse } from '@jianghuai/shared';
import { PointsLedgerService, type PostEntry } from '../src/modules/points/points-ledger.service.js';
import { PointsLiabilityQuery } from '../src/modules/points/points-liability.query.js';
import { JobsService } from '../src/modules/jobs/jobs.service.js';
import { PointsLot } from '../src/modules/points/entities/points-lot.entity.js';
import { createTestApp, bearer, type TestContext } from './support/test-app.js';
import { createVolunteers, type TestVolunteer } from './support/activity-factories.js';

/**
 * Points spent oldest first from lots per issuing org, refunds back to the same lots, staff adjustments, debts from
 * reversals and expiry (docs/points.md).
 */
describe('Points lots, adjustments, debts and expiry (e2e)', () => {
  let ctx: TestContext;
  let mall: string;
  let pinghu: string;
  let seq = 0;
  const orgs: Record<string, { id: number; path: string }> = {};

  /** A credit through the ledger, issued by `org` (the way activities, tips and commendations credit). */
  const credit = (c: TestContext, v: TestVolunteer, amount: number, org: { id: number; path: string }, over = {}) =>
    c.dataSource.transaction((m) =>
      c.app.get(PointsLedgerService).post(m, {
        userId: v.userId,
        volunteerId: v.volunteerId,
        type: 'commendation',
        amount,
        sourceType: 'test',
        sourceId: String(v.userId),
        description: `测试表彰 ${amount}`,
        idempotencyKey: `lots-test:${process.pid}:${++seq}`,
        awardingOrgId: org.id,
        awardingOrgPath: org.path,
        notify: false,
        ...over,
      } as PostEntry),
    );
  const q = (c: TestContext, sql: string, params: unknown[] = []) =>
    c.dataSource.query(sql, params) as Promise<Record<string, unknown>[]>;
  /** Each lot of the person, oldest first, as [awarding org id, remaining]. */
  const lotsOf = async (c: TestContext, v: TestVolunteer) =>
    (await q(c, 'SELECT awardingOrgId, remaining FROM points_lots WHERE userId = ? ORDER BY id', [v.userId])).map(
      (r) => [Number(r.awardingOrgId), Number(r.remaining)],
    );
  /** The ledger's invariants for one person: balance = sum of entries = sum of their lots, never below zero. */
  const holds = async (c: TestContext, v: TestVolunteer) => {
    const [acc] = await q(c, 'SELECT balance, debt FROM points_accounts WHERE userId = ?', [v.userId]);
    const [sum] = await q(c, 'SELECT COALESCE(SUM(amount), 0) AS s FROM points_ledger_entries WHERE userId = ?', [
      v.userId,
    ]);
    const [lots] = await q(
      c,
      'SELECT COALESCE(SUM(remaining), 0) AS s, COALESCE(MIN(remaining), 0) AS lo FROM points_lots WHERE userId = ?',
      [v.userId],
    );
    expect(Number(acc.balance)).toBe(Number(sum.s));
    expect(Number(acc.balance)).toBeGreaterThanOrEqual(0);
    expect(Number(acc.debt)).toBeGreaterThanOrEqual(0);
    expect(Number(lots.s)).toBe(Number(acc.balance));
    expect(Number(lots.lo)).toBeGreaterThanOrEqual(0);
    return { balance: Number(acc.balance), debt: Number(acc.debt) };
  };
  const liability = async () =>
    new Map((await ctx.app.get(PointsLiabilityQuery).liabilityByOrg(null)).map((r) => [r.orgId, r.points]));
  const mine = async (v: TestVolunteer) =>
    (
      await ctx
        .http()
        .get('/api/me/points')
        .set(...bearer(v.token))
        .expect(200)
    ).body as MyPointsResponse;

  const product = async (pointsPrice: number, stock = 50): Promise<number> => {
    const res = await ctx
      .http()
      .post('/api/admin/mall/products')
      .set(...bearer(mall))
      .send({ name: '保温杯', category: '生活用品', pointsPrice, stock });
    expect(res.status).toBe(200);
    await ctx
      .http()
      .post(`/api/admin/mall/products/${res.body.id}/shelf`)
      .set(...bearer(mall))
      .send({ onShelf: true })
      .expect(200);
    return res.body.id;
  };
  const order = (v: TestVolunteer, productId: number) =>
    ctx
      .http()
      .post('/api/mall/orders')
      .set(...bearer(v.token))
      .send({ productId, quantity: 1, clientRequestId: `lots-${process.pid}-${++seq}-abcdef` });
  const cancel = (v: TestVolunteer, orderId: number) =>
    ctx
      .http()
      .post(`/api/me/orders/${orderId}/cancel`)
      .set(...bearer(v.token));

  beforeAll(async () => {
    ctx = await createTestApp();
    mall = (await ctx.loginStaff('mall')).accessToken;
    pinghu = (await ctx.loginStaff('pinghu_station')).accessToken;
    for (const code of ['MAS-YS-PH', 'MAS-YS', 'MAS-YS-YS']) {
      const o = await ctx.org(code);
      orgs[code] = { id: o.id, path: o.path };
    }
  });
  afterAll(() => ctx.close());

  it('a redemption takes the oldest lot first; cancelling it gives the same lots back; liability follows', async () => {
    const [v] = await createVolunteers(ctx, 1);
    const [ph, ys] = [orgs['MAS-YS-PH'], orgs['MAS-YS']];
    await credit(ctx, v, 30, ph);
    await credit(ctx, v, 50, ys);
    const before = await liability();
    const placed = await order(v, await product(40));
    expect(placed.status).toBe(200);
    expect(await lotsOf(ctx, v)).toEqual([
      [ph.id, 0],
      [ys.id, 40],
    ]);
    const after = await liability();
    expect((before.get(ph.id) ?? 0) - (after.get(ph.id) ?? 0)).toBe(30);
    expect((before.get(ys.id) ?? 0) - (after.get(ys.id) ?? 0)).toBe(10);
    const redeemed = await ctx.app.get(PointsLiabilityQuery).redeemedByIssuingOrg(ph.path, null, null);
    expect(redeemed.find((r) => r.orgId === ph.id)?.points).toBeGreaterThanOrEqual(30);
    await holds(ctx, v);

    const [a, b] = await Promise.all([cancel(v, placed.body.id), cancel(v, placed.body.id)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await lotsOf(ctx, v)).toEqual([
      [ph.id, 30],
      [ys.id, 50],
    ]);
    const back = await liability();
    expect([back.get(ph.id), back.get(ys.id)]).toEqual([before.get(ph.id), before.get(ys.id)]);
    expect(await holds(ctx, v)).toEqual({ balance: 80, debt: 0 });
    const uses = await q(
      ctx,
      'SELECT u.amount, u.restoredByEntryId FROM points_lot_uses u JOIN points_lots l ON l.id = u.lotId WHERE l.userId = ?',
      [v.userId],
    );
    expect(uses.map((u) => Number(u.amount)).sort()).toEqual([10, 30]);
    expect(uses.every((u) => u.restoredByEntryId !== null)).toBe(true);
  });

  it('simultaneous redemptions never drive a lot or the balance below zero', async () => {
    const vs = await createVolunteers(ctx, 3);
    const p = await product(7, 100);
    for (const v of vs) {
      await credit(ctx, v, 10, orgs['MAS-YS-PH']);
      await credit(ctx, v, 10, orgs['MAS-YS-YS']);
    }
    const res = await Promise.all(vs.flatMap((v) => Array.from({ length: 5 }, () => order(v, p))));
    expect(res.filter((r) => r.status === 200)).toHaveLength(6);
    expect(res.filter((r) => r.status !== 200).map((r) => r.body.code)).toEqual(
      Array(9).fill('MALL_POINTS_INSUFFICIENT'),
    );
    for (const v of vs) {
      expect(await holds(ctx, v)).toEqual({ balance: 6, debt: 0 });
      expect(await lotsOf(ctx, v)).toEqual([
        [orgs['MAS-YS-PH'].id, 0],
        [orgs['MAS-YS-YS'].id, 6],
      ]);
    }
    // cancelling every order at once (each twice) gives each lot back exactly what it gave
    const placed = res.flatMap((r, i) =>
      r.status === 200 ? [{ v: vs[Math.floor(i / 5)], id: r.body.id as number }] : [],
    );
    await Promise.all(placed.flatMap((o) => [cancel(o.v, o.id), cancel(o.v, o.id)]));
    for (const v of vs) {
      expect(await holds(ctx, v)).toEqual({ balance: 20, debt: 0 });
      expect(await lotsOf(ctx, v)).toEqual([
        [orgs['MAS-YS-PH'].id, 10],
        [orgs['MAS-YS-YS'].id, 10],
      ]);
    }
  });

  describe('staff adjustments', () => {
    const adjust = (token: string, body: object) =>
      ctx
        .http()
        .post('/api/admin/points/adjustments')
        .set(...bearer(token))
        .send(body);

    it('an officer adds and takes points with a reason; the credit is their org’s lot; audited; no debt', async () => {
      const [v] = await createVolunteers(ctx, 1);
      const res = await adjust(pinghu, { volunteerId: v.volunteerId, amount: 15, reason: '补录巡逻积分' }).expect(201);
      expect(res.body as LedgerEntryResponse).toMatchObject({
        type: 'adjustment',
        amount: 15,
        balanceAfter: 15,
        reason: '补录巡逻积分',
        awardingOrg: { id: orgs['MAS-YS-PH'].id },
      });
      expect(await lotsOf(ctx, v)).toEqual([[orgs['MAS-YS-PH'].id, 15]]);
      const audit = await ctx
        .http()
        .get('/api/admin/audit-logs?action=points.adjust')
        .set(...bearer(pinghu))
        .expect(200);
      expect(audit.body.items[0]).toMatchObject({
        targetId: String(res.body.id),
        after: { amount: 15, reason: '补录巡逻积分' },
      });
      const taken = await adjust(pinghu, { volunteerId: v.volunteerId, amount: -5, reason: '重复登记' }).expect(201);
      expect(taken.body).toMatchObject({ amount: -5, balanceAfter: 10, awardingOrg: null });
      expect(
        (await adjust(pinghu, { volunteerId: v.volunteerId, amount: -11, reason: '扣减' }).expect(409)).body.code,
      ).toBe('POINTS_INSUFFICIENT_BALANCE');
      expect(await holds(ctx, v)).toEqual({ balance: 10, debt: 0 });
      expect(await lotsOf(ctx, v)).toEqual([[orgs['MAS-YS-PH'].id, 10]]);
      // the branch above the station may; the volunteer is told of the debit
      const branch = (await ctx.loginStaff('yushan_branch')).accessToken;
      await adjust(branch, { volunteerId: v.volunteerId, amount: 1, reason: '分局表扬' }).expect(201);
      const told = await q(ctx, "SELECT body FROM notifications WHERE userId = ? AND template = 'points_changed'", [
        v.userId,
      ]);
      expect(told.map((t) => t.body)).toEqual([expect.stringContaining('积分扣减：-5')]);
    });

    it('out of scope is 404, a role without the permission 403, and the input is checked', async () => {
      const [v] = await createVolunteers(ctx, 1);
      const other = (await ctx.loginStaff('yushan_station')).accessToken;
      expect((await adjust(other, { volunteerId: v.volunteerId, amount: 5, reason: '试试' })).status).toBe(404);
      await adjust(pinghu, { volunteerId: 99_999_999, amount: 5, reason: '不存在' }).expect(404);
      const community = (await ctx.loginStaff('pinghu_community')).accessToken;
      await adjust(community, { volunteerId: v.volunteerId, amount: 5, reason: '社区' }).expect(403);
      await adjust(mall, { volunteerId: v.volunteerId, amount: 5, reason: '商城' }).expect(403);
      await adjust(v.token, { volunteerId: v.volunteerId, amount: 5, reason: '自己' }).expect(403);
      for (const bad of [
        { volunteerId: v.volunteerId, amount: 5 },
        { volunteerId: v.volunteerId, amount: 5, reason: '  ' },
        { volunteerId: v.volunteerId, amount: 5, reason: '好' },
        { volunteerId: v.volunteerId, amount: 5, reason: '长'.repeat(101) },
        { volunteerId: v.volunteerId, amount: 0, reason: '零分' },
        { volunteerId: v.volunteerId, amount: 1001, reason: '太多' },
        { volunteerId: v.volunteerId, amount: 2.5, reason: '小数' },
      ])
        expect((await adjust(pinghu, bad)).status).toBe(400);
      expect(await q(ctx, 'SELECT id FROM points_ledger_entries WHERE userId = ?', [v.userId])).toEqual([]);
    });
  });

  it('a reversal of points already spent takes what is left and records the rest as debt; later credits pay it first', async () => {
    const [v] = await createVolunteers(ctx, 1);
    const ph = orgs['MAS-YS-PH'];
    const wrong = await credit(ctx, v, 50, ph);
    await credit(ctx, v, 20, orgs['MAS-YS']);
    expect((await order(v, await product(60))).status).toBe(200);
    // left: 10 in the newer lot (the older lot, the wrong one, was spent first)
    const reversed = await ctx
      .http()
      .post(`/api/admin/points/entries/${wrong.entry!.id}/reverse`)
      .set(...bearer(pinghu))
      .send({ reason: '经核实重复发放' })
      .expect(200);
    expect(reversed.body).toMatchObject({ type: 'reversal', amount: -10, balanceAfter: 0 });
    expect(reversed.body.description).toContain('记为欠分');
    expect(await holds(ctx, v)).toEqual({ balance: 0, debt: 40 });
    expect((await mine(v)).debt).toBe(40);

    const c1 = await credit(ctx, v, 25, ph, { type: 'activity', description: '巡逻', notify: true });
    expect(c1.posted).toBe(true);
    expect(await holds(ctx, v)).toEqual({ balance: 0, debt: 15 });
    const told = await q(ctx, "SELECT body FROM notifications WHERE userId = ? AND template = 'points_credited'", [
      v.userId,
    ]);
    expect(told.map((t) => t.body)).toEqual([expect.stringContaining('积分到账：+25，冲减欠分 25，余额 0')]);
    await credit(ctx, v, 30, ph);
    expect(await holds(ctx, v)).toEqual({ balance: 15, debt: 0 });
    expect(await lotsOf(ctx, v)).toEqual([
      [ph.id, 0],
      [orgs['MAS-YS'].id, 0],
      [ph.id, 0],
      [ph.id, 15],
    ]);
    const page = await ctx
      .http()
      .get('/api/me/points/ledger?page=1&pageSize=20')
      .set(...bearer(v.token))
      .expect(200);
    const lines = (page.body.items as LedgerEntryResponse[]).map((e) => [e.type, e.amount, e.balanceAfter]);
    expect(lines.slice(0, 4)).toEqual([
      ['debt_repayment', -15, 15],
      ['commendation', 30, 30],
      ['debt_repayment', -25, 0],
      ['activity', 25, 25],
    ]);
    expect((page.body.items as LedgerEntryResponse[])[0]).toMatchObject({
      typeLabel: '冲减欠分',
      description: expect.stringContaining('冲减欠分 15'),
    });
    const me = await mine(v);
    expect(me).toMatchObject({ balance: 15, debt: 0 });
    expect(me.earned - me.spent).toBe(me.balance);
  });

  describe('expiry (POINTS_EXPIRY=end-of-second-year) on both sides of 16:00 UTC', () => {
    /** An app at `at` with a volunteer holding a lot credited in 2025 (expiring when 2027 begins in Shanghai) and a fresh one. */
    const setUp = async (at: string) => {
      const c = await createTestApp({ CLOCK_START: at, POINTS_EXPIRY: 'end-of-second-year' });
      const [v] = await createVolunteers(c, 1);
      const o = await c.org('MAS-YS-PH');
      const old = await credit(c, v, 40, { id: o.id, path: o.path });
      await c.dataSource
        .getRepository(PointsLot)
        .update(
          { entryId: old.entry!.id },
          { createdAt: new Date('2025-06-01T02:00:00Z'), expiresAt: new Date('2026-12-31T16:00:00Z') },
        );
      await credit(c, v, 5, { id: o.id, path: o.path });
      return { c, v, run: (job: 'points-expiry' | 'points-expiry-notice') => c.app.get(JobsService).run(job) };
    };
    const lotDates = async (c: TestContext, v: TestVolunteer) =>
      (await c.dataSource.getRepository(PointsLot).find({ where: { userId: v.userId }, order: { id: 'ASC' } })).map(
        (l) => l.expiresAt?.toISOString(),
      );
    const notices = async (c: TestContext, v: TestVolunteer) =>
      (await q(c, "SELECT body FROM notifications WHERE userId = ? AND template = 'points_changed'", [v.userId])).map(
        (r) => r.body,
      );

    it('30 days before: not at 15:59 UTC on 1 December, once at 16:01 (2 December in Shanghai)', async () => {
      const before = await setUp('2026-12-01T15:59:00Z');
      expect((await before.run('points-expiry-notice')).result).toEqual({ warned: 0 });
      expect(await notices(before.c, before.v)).toEqual([]);
      // credited on 1 December 2026 (Shanghai): expires when 2028 begins
      expect((await lotDates(before.c, before.v))[1]).toBe('2027-12-31T16:00:00.000Z');
      await before.c.close();

      const after = await setUp('2026-12-01T16:01:00Z');
      expect((await after.run('points-expiry-notice')).result).toEqual({ warned: 1 });
      expect((await after.run('points-expiry-notice')).result).toEqual({ warned: 0 });
      expect(await notices(after.c, after.v)).toEqual([
        '您有 40 积分将于 2026-12-31 24:00 过期，请在此之前到积分商城使用。',
      ]);
      await after.c.close();
    });

    it('the lot expires at 16:00 UTC on 31 December (midnight in Shanghai), once; credits after it last a year longer', async () => {
      const before = await setUp('2026-12-31T15:59:00Z');
      expect((await before.run('points-expiry')).result).toEqual({ expiredLots: 0, expiredPoints: 0 });
      expect(await holds(before.c, before.v)).toEqual({ balance: 45, debt: 0 });
      await before.c.close();

      const after = await setUp('2026-12-31T16:01:00Z');
      // credited on 1 January 2027 (Shanghai): expires when 2029 begins
      expect((await lotDates(after.c, after.v))[1]).toBe('2028-12-31T16:00:00.000Z');
      expect((await after.run('points-expiry')).result).toEqual({ expiredLots: 1, expiredPoints: 40 });
      expect((await after.run('points-expiry')).result).toEqual({ expiredLots: 0, expiredPoints: 0 });
      expect(await holds(after.c, after.v)).toEqual({ balance: 5, debt: 0 });
      const rows = await q(
        after.c,
        "SELECT amount, description FROM points_ledger_entries WHERE userId = ? AND type = 'expiry'",
        [after.v.userId],
      );
      expect(rows.map((r) => [Number(r.amount), r.description])).toEqual([[-40, '积分过期（2025年获得的积分）']]);
      await after.c.close();
    });
  });
});
