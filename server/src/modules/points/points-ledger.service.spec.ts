import type { DataSource } from 'typeorm';
import { PointsAccount } from './entities/points-account.entity.js';
import { PointsLedgerEntry } from './entities/points-ledger-entry.entity.js';
import { PointsLot } from './entities/points-lot.entity.js';
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

  describe('lots and debts', () => {
    const org = (id: number) => ({ awardingOrgId: id, awardingOrgPath: `/${id}/` });
    const lots = async () =>
      (await ds.getRepository(PointsLot).find({ order: { id: 'ASC' } })).map((l) => [l.awardingOrgId, l.remaining]);
    /** balance = sum of entries = sum of lots, debt beside it. */
    const state = async () => {
      const acc = await sut.balanceOf(1);
      const entries = await ds.getRepository(PointsLedgerEntry).find();
      const held = (await ds.getRepository(PointsLot).find()).reduce((s, l) => s + l.remaining, 0);
      expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(acc!.balance);
      expect(held).toBe(acc!.balance);
      return [acc!.balance, acc!.debt];
    };

    it('a credit with an awarding org opens a lot; a debit takes the oldest first; a refund restores those lots', async () => {
      await post(entry({ amount: 10, idempotencyKey: 'k1', ...org(7) }));
      await post(entry({ amount: 10, idempotencyKey: 'k2', ...org(8) }));
      await post(
        entry({
          type: 'redemption',
          amount: -15,
          sourceType: 'mall_order',
          sourceId: '5',
          idempotencyKey: 'k3',
          awardingOrgId: null,
          awardingOrgPath: null,
        }),
      );
      expect(await lots()).toEqual([
        [7, 0],
        [8, 5],
      ]);
      await post(
        entry({
          type: 'refund',
          amount: 15,
          sourceType: 'mall_order',
          sourceId: '5',
          idempotencyKey: 'k4',
          awardingOrgId: null,
          awardingOrgPath: null,
          notify: false,
        }),
      );
      expect(await lots()).toEqual([
        [7, 10],
        [8, 10],
      ]);
      expect(await state()).toEqual([20, 0]);
    });

    it('a reversal takes its own lot first, then the oldest; what was spent becomes debt; credits pay it first', async () => {
      await post(entry({ amount: 10, idempotencyKey: 'k1', ...org(7) }));
      const wrong = await post(entry({ amount: 30, idempotencyKey: 'k2', ...org(8) }));
      await post(
        entry({ type: 'redemption', amount: -25, idempotencyKey: 'k3', awardingOrgId: null, awardingOrgPath: null }),
      );
      expect(await lots()).toEqual([
        [7, 0],
        [8, 15],
      ]);
      const rev = await post(
        entry({ type: 'reversal', amount: -30, idempotencyKey: 'k4', reversalOfId: wrong.entry!.id, ...org(8) }),
      );
      expect(rev.entry).toMatchObject({ amount: -15, balanceAfter: 0 });
      expect(rev.entry!.description).toContain('记为欠分');
      expect(await state()).toEqual([0, 15]);
      const paid = await post(entry({ amount: 20, idempotencyKey: 'k5', notify: false, ...org(7) }));
      expect(paid.entry).toMatchObject({ amount: 20, balanceAfter: 20 });
      const repayment = await ds
        .getRepository(PointsLedgerEntry)
        .findOneByOrFail({ idempotencyKey: `debt-repayment:${paid.entry!.id}` });
      expect(repayment).toMatchObject({ type: 'debt_repayment', amount: -15, balanceAfter: 5 });
      expect(await state()).toEqual([5, 0]);
      expect(await sut.balanceOf(1)).toMatchObject({ earned: 60, spent: 55 });
    });

    it('a lot expires once, for what it still holds', async () => {
      await post(entry({ amount: 10, idempotencyKey: 'k1', ...org(7) }));
      await post(
        entry({ type: 'redemption', amount: -4, idempotencyKey: 'k2', awardingOrgId: null, awardingOrgPath: null }),
      );
      const [lot] = await ds.getRepository(PointsLot).find();
      const first = await ds.transaction((m) => sut.expireLot(m, lot.id, '积分过期'));
      expect(first.entry).toMatchObject({
        type: 'expiry',
        amount: -6,
        balanceAfter: 0,
        idempotencyKey: `points-expiry:${lot.id}`,
      });
      expect((await ds.transaction((m) => sut.expireLot(m, lot.id, '积分过期'))).posted).toBe(false);
      expect(await state()).toEqual([0, 0]);
    });
  });
});
