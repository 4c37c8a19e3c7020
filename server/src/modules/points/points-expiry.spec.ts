import type { DataSource } from 'typeorm';
import { Notification } from '../../../test/unit/rows.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { createUser } from '../../../test/unit/factories.js';
import { unitPointsExpiry, unitPointsLedger } from '../../../test/unit/factories-points.js';
import { PointsLot } from './entities/points-lot.entity.js';
import { PointsExpiry } from './points-expiry.js';

const RULE = { POINTS_EXPIRY: 'end-of-second-year' };

describe(PointsExpiry.name, () => {
  let ds: DataSource;
  let userId: number;
  /** A credit of `amount` at `iso`, under the expiry rule. */
  const credit = async (iso: string, amount: number, key: string) =>
    ds.transaction((m) =>
      unitPointsLedger(ds, clockAt(iso), RULE).post(m, {
        userId,
        volunteerId: null,
        type: 'activity',
        amount,
        sourceType: 'test',
        sourceId: key,
        description: '巡逻',
        idempotencyKey: key,
        awardingOrgId: 3,
        awardingOrgPath: '/1/3/',
        notify: false,
      }),
    );
  const at = (iso: string) => unitPointsExpiry(ds, clockAt(iso), RULE);

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(async () => {
    await clearTables(ds);
    userId = (await createUser(ds, new Date('2025-01-01T00:00:00Z'))).id;
  });
  afterAll(() => ds.destroy());

  it('points of 2025 expire when 2027 begins in Shanghai (16:00 UTC on 31 December 2026), once; later ones stay', async () => {
    await credit('2025-12-31T15:59:00Z', 30, 'a'); // 2025 in Shanghai
    await credit('2025-12-31T16:01:00Z', 7, 'b'); // 2026 in Shanghai
    expect((await ds.getRepository(PointsLot).find()).map((l) => l.expiresAt?.toISOString())).toEqual([
      '2026-12-31T16:00:00.000Z',
      '2027-12-31T16:00:00.000Z',
    ]);
    expect(await at('2026-12-31T15:59:59Z').expireDue()).toEqual({ expiredLots: 0, expiredPoints: 0 });
    expect(await at('2026-12-31T16:00:00Z').expireDue()).toEqual({ expiredLots: 1, expiredPoints: 30 });
    expect(await at('2026-12-31T16:30:00Z').expireDue()).toEqual({ expiredLots: 0, expiredPoints: 0 });
  });

  it('tells the person 30 days before, once for the lots of one year, naming the last day in Shanghai', async () => {
    await credit('2025-03-01T02:00:00Z', 30, 'a');
    await credit('2025-09-01T02:00:00Z', 12, 'b');
    await credit('2026-03-01T02:00:00Z', 9, 'c');
    expect(await at('2026-12-01T15:59:00Z').noticeDue()).toEqual({ warned: 0 });
    expect(await at('2026-12-01T16:00:00Z').noticeDue()).toEqual({ warned: 1 });
    expect(await at('2026-12-20T02:00:00Z').noticeDue()).toEqual({ warned: 0 });
    const told = await ds.getRepository(Notification).findBy({ userId });
    expect(told.map((n) => [n.template, n.title, n.body])).toEqual([
      ['points_changed', '积分即将过期', '您有 42 积分将于 2026-12-31 24:00 过期，请在此之前到积分商城使用。'],
    ]);
  });
});
