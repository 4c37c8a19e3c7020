import type { DataSource } from 'typeorm';
import { PointsAccount } from './entities/points-account.entity.js';
import { PointsLedgerEntry } from './entities/points-ledger-entry.entity.js';
import { PointsLedgerService, type PostEntry } from './points-ledger.service.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { Notification } from '../../../test/unit/rows.js';
import { createUser, FakeWechat, unitNotifications } from '../../../test/unit/factories.js';

const entry = (over: Partial<PostEntry>): PostEntry => ({
  userId: 1,
  volunteerId: 1,
  type: 'activity',
  amount: 10,
  sourceType: 'activity_signup',
  sourceId: '1',
  description: '参加活动：巡逻',
  idempotencyKey: 'activity-attendance:1',
  awardingOrgId: null,
  awardingOrgPath: '/1/',
  ...over,
});

describe('PointsLedgerService', () => {
  let ds: DataSource;
  let sut: PointsLedgerService;
  const post = (e: PostEntry) => ds.transaction((m) => sut.post(m, e));

  beforeAll(async () => {
    ds = await unitDataSource();
    const clock = clockAt('2026-11-30T15:30:00Z');
    sut = new PointsLedgerService(ds, clock, unitNotifications(ds, clock, new FakeWechat()));
  });
  beforeEach(() => clearTables(ds));
  afterAll(() => ds.destroy());

  it('a refund of a redemption gives the spending back instead of counting as points earned', async () => {
    await post(entry({ amount: 10, idempotencyKey: 'k1' }));
    await post(entry({ type: 'redemption', amount: -4, idempotencyKey: 'k2' }));
    await post(entry({ type: 'refund', amount: 4, idempotencyKey: 'k3', notify: false }));
    expect(await sut.balanceOf(1)).toMatchObject({ balance: 10, earned: 10, spent: 0 });
  });

  it('appends the entry and moves the balance with it: earned and spent apart, balanceAfter on each entry', async () => {
    const a = await post(entry({ amount: 10, idempotencyKey: 'k1' }));
    const b = await post(entry({ type: 'redemption', amount: -4, idempotencyKey: 'k2' }));
    expect([a.posted, b.posted, a.entry?.balanceAfter, b.entry?.balanceAfter]).toEqual([true, true, 10, 6]);
    expect(await sut.balanceOf(1)).toMatchObject({ balance: 6, earned: 10, spent: 4 });
    expect(await sut.balanceOf(2)).toBeNull();
  });

  it('the same business event never posts twice: the second post returns the first entry', async () => {
    const first = await post(entry({ amount: 10 }));
    const again = await post(entry({ amount: 25, description: '重复' }));
    expect(again).toEqual({ posted: false, entry: expect.objectContaining({ id: first.entry!.id, amount: 10 }) });
    expect((await sut.balanceOf(1))?.balance).toBe(10);
    expect(await ds.getRepository(PointsLedgerEntry).count()).toBe(1);
  });

  it('never below zero: an overdraft is refused and neither entry nor balance changes', async () => {
    await post(entry({ amount: 5, idempotencyKey: 'k1' }));
    const overdraft = post(entry({ type: 'redemption', amount: -6, idempotencyKey: 'k2' }));
    await expect(overdraft).rejects.toMatchObject({ code: 'POINTS_INSUFFICIENT_BALANCE' });
    expect((await sut.balanceOf(1))?.balance).toBe(5);
    expect(await ds.getRepository(PointsLedgerEntry).count()).toBe(1);
    expect((await post(entry({ type: 'redemption', amount: -5, idempotencyKey: 'k3' }))).entry?.balanceAfter).toBe(0);
  });

  it('zero is not posted (no entry, no account) and fractions are refused', async () => {
    expect(await post(entry({ amount: 0 }))).toEqual({ posted: false, entry: null });
    expect(await ds.getRepository(PointsAccount).count()).toBe(0);
    await expect(post(entry({ amount: 1.5 }))).rejects.toThrow('integers');
  });

  it('a credit tells the person 积分到账 with the balance, once: a repeat, a debit and a silenced credit write nothing', async () => {
    const user = await createUser(ds, new Date('2026-11-30T15:00:00Z'));
    const credit = (over: Partial<PostEntry>) => post(entry({ userId: user.id, ...over }));
    await credit({ amount: 5, idempotencyKey: 'k0', notify: false });
    const first = await credit({ amount: 10, idempotencyKey: 'k1' });
    const repeat = await credit({ amount: 10, idempotencyKey: 'k1' });
    await credit({ type: 'redemption', amount: -3, idempotencyKey: 'k2' });
    const messages = await ds.getRepository(Notification).findBy({ userId: user.id });
    expect(messages.map((n) => [n.id, n.template, n.title, n.body, n.page])).toEqual([
      [
        first.notificationId,
        'points_credited',
        '积分到账',
        '积分到账：+10，余额 15（参加活动：巡逻）',
        'pages/points/index',
      ],
    ]);
    expect(messages[0].data).toEqual({ thing1: '参加活动：巡逻', character_string2: '+10', number3: '15' });
    expect(repeat).toMatchObject({ posted: false });
    expect(repeat.notificationId ?? null).toBeNull();
  });

  it('a credit whose transaction rolls back leaves no message either', async () => {
    const user = await createUser(ds, new Date('2026-11-30T15:00:00Z'));
    await ds
      .transaction(async (m) => {
        await sut.post(m, entry({ userId: user.id, idempotencyKey: 'rolled-back' }));
        throw new Error('the caller failed');
      })
      .catch(() => undefined);
    expect(await ds.getRepository(Notification).countBy({ userId: user.id })).toBe(0);
  });
});
