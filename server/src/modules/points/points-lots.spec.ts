import type { DataSource } from 'typeorm';
import { PointsLot } from './entities/points-lot.entity.js';
import { PointsLotUse } from './entities/points-lot-use.entity.js';
import { PointsLots } from './points-lots.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';

describe(PointsLots.name, () => {
  let ds: DataSource;
  const sut = new PointsLots();
  const now = clockAt('2026-11-30T15:30:00Z').now();
  const open = (entryId: number, amount: number, userId = 1) =>
    ds.transaction((m) =>
      sut.open(m, {
        userId,
        entryId,
        awardingOrgId: entryId,
        awardingOrgPath: `/${entryId}/`,
        amount,
        remaining: amount,
        expiresAt: null,
        createdAt: now,
      }),
    );
  const remaining = async () =>
    (await ds.getRepository(PointsLot).find({ order: { id: 'ASC' } })).map((l) => [l.entryId, l.remaining]);

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(() => clearTables(ds));
  afterAll(() => ds.destroy());

  it('plans oldest first, a chosen lot (a reversal’s own credit) before the rest, never more than a lot holds', async () => {
    await open(1, 10);
    await open(2, 10);
    await open(3, 10);
    const live = await ds.transaction((m) => sut.live(m, 1));
    expect(sut.plan(live, 15).map((t) => [t.lot.entryId, t.amount])).toEqual([
      [1, 10],
      [2, 5],
    ]);
    expect(sut.plan(live, 15, 3).map((t) => [t.lot.entryId, t.amount])).toEqual([
      [3, 10],
      [1, 5],
    ]);
    // more than the lots hold (points from before lots): what they hold
    expect(sut.plan(live, 50).reduce((s, t) => s + t.amount, 0)).toBe(30);
  });

  it('takes and records each share; a refund restores exactly those shares, once', async () => {
    await open(1, 10);
    await open(2, 10);
    await open(9, 10, 2);
    await ds.transaction(async (m) => sut.take(m, 100, sut.plan(await sut.live(m, 1), 15), now));
    expect(await remaining()).toEqual([
      [1, 0],
      [2, 5],
      [9, 10],
    ]);
    const back = await ds.transaction((m) => sut.restore(m, 100, 101));
    expect(back.map((t) => [t.lot.entryId, t.amount])).toEqual([
      [1, 10],
      [2, 5],
    ]);
    expect(await ds.transaction((m) => sut.restore(m, 100, 102))).toEqual([]);
    expect(await remaining()).toEqual([
      [1, 10],
      [2, 10],
      [9, 10],
    ]);
    expect((await ds.getRepository(PointsLotUse).find()).map((u) => u.restoredByEntryId)).toEqual([101, 101]);
  });

  it('a share a lot no longer holds is refused (the transaction rolls back)', async () => {
    await open(1, 10);
    const live = await ds.transaction((m) => sut.live(m, 1));
    await ds.transaction(async (m) => sut.take(m, 100, sut.plan(live, 8), now));
    await expect(ds.transaction(async (m) => sut.take(m, 101, sut.plan(live, 8), now))).rejects.toMatchObject({
      code: 'POINTS_BUSY',
    });
    expect(await remaining()).toEqual([[1, 2]]);
  });
});
