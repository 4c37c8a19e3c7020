import type { MallProductResponse } from '@jianghuai/shared';
import { PointsLedgerService } from '../src/modules/points/points-ledger.service.js';
import { createTestApp, bearer, E2E_DB, type TestContext } from './support/test-app.js';
import { createVolunteers, type TestVolunteer } from './support/activity-factories.js';

/**
 * Debits of different people at the same moment (docs/points.md#lots): each spends from their own oldest lots, and no
 * two of them wait on each other's rows. Many guards redeem different products at once, so no product row lines them up.
 */
describe(`simultaneous debits of different people (${E2E_DB})`, () => {
  let ctx: TestContext;
  let mall: string;
  let seq = 0;
  const N = 40;

  const credit = async (v: TestVolunteer, amount: number, stationId: number, stationPath: string) =>
    ctx.dataSource.transaction((m) =>
      ctx.app.get(PointsLedgerService).post(m, {
        userId: v.userId,
        volunteerId: v.volunteerId,
        type: 'commendation',
        amount,
        sourceType: 'test',
        sourceId: String(v.userId),
        description: '测试表彰',
        idempotencyKey: `points-rush:${v.userId}:${++seq}`,
        awardingOrgId: stationId,
        awardingOrgPath: stationPath,
        notify: false,
      }),
    );

  beforeAll(async () => {
    ctx = await createTestApp();
    mall = (await ctx.loginStaff('mall')).accessToken;
  });
  afterAll(() => ctx.close());

  it(`${N} guards redeem ${N} different products at once: every order taken, lots and balances agree`, async () => {
    const station = await ctx.org('MAS-YS-PH');
    const volunteers = await createVolunteers(ctx, N);
    for (const v of volunteers) {
      await credit(v, 30, station.id, station.path);
      await credit(v, 30, station.id, station.path);
    }
    const products: MallProductResponse[] = [];
    for (let i = 0; i < N; i++) {
      const res = await ctx
        .http()
        .post('/api/admin/mall/products')
        .set(...bearer(mall))
        .send({ name: `毛巾${i}`, category: '日用', pointsPrice: 40, stock: 3, delivery: true });
      expect(res.status).toBe(200);
      await ctx
        .http()
        .post(`/api/admin/mall/products/${res.body.id}/shelf`)
        .set(...bearer(mall))
        .send({ onShelf: true })
        .expect(200);
      products.push(res.body as MallProductResponse);
    }
    const answers = await Promise.all(
      volunteers.map((v, i) =>
        ctx
          .http()
          .post('/api/mall/orders')
          .set(...bearer(v.token))
          .send({ productId: products[i].id, quantity: 1, clientRequestId: `points-rush-${process.pid}-${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s !== 200).map((s, i) => `${s} ${answers[i].body?.code ?? ''}`)).toEqual([]);
    const ids = volunteers.map((v) => v.userId);
    const rows: { userId: number; balance: number; lots: number }[] = await ctx.dataSource.query(
      `SELECT a.userId, a.balance, (SELECT COALESCE(SUM(l.remaining), 0) FROM points_lots l WHERE l.userId = a.userId) AS lots
         FROM points_accounts a WHERE a.userId IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    expect(rows).toHaveLength(N);
    for (const r of rows) expect([Number(r.balance), Number(r.lots)]).toEqual([20, 20]);
  });
});
