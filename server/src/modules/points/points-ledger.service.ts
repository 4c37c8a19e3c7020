import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { LedgerEntryType } from '@jianghuai/shared';
import { AppException } from '../../common/errors/app-exception.js';
import { pointsConfig, type PointsConfig } from '../../config/points.config.js';
import { PointsAccount } from './entities/points-account.entity.js';
import { PointsLedgerEntry } from './entities/points-ledger-entry.entity.js';
import { Clock } from '../../common/clock/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PointsLots, type LotTake } from './points-lots.js';
import { expiresAt, planPost, type PostPlan } from './points-rules.js';

export interface PostEntry {
  userId: number;
  volunteerId: number | null;
  type: LedgerEntryType;
  /** Signed integer; 0 is not posted. */
  amount: number;
  sourceType: string;
  sourceId: string;
  description: string;
  /** Unique per business event: the same key never posts twice. */
  idempotencyKey: string;
  awardingOrgId: number | null;
  awardingOrgPath: string | null;
  reversalOfId?: number | null;
  reason?: string | null;
  createdByUserId?: number | null;
  /**
   * A credit tells the person 积分到账 (in-app message, pushed where they consented). `false` only when the caller
   * writes its own message that already names the points (attendance: 服务已确认 … 积分到账 …), so one event is one message.
   */
  notify?: boolean;
}

/** `notificationId`: the 积分到账 message written with a credit; push it after the commit (else the retry job does). */
export type PostResult =
  | { posted: true; entry: PointsLedgerEntry; notificationId: number | null }
  | { posted: false; entry: PointsLedgerEntry | null; notificationId?: null };

/** One post in progress: the account as claimed, the entries written so far and what moved. */
interface Posting {
  e: PostEntry;
  now: Date;
  account: PointsAccount;
  balance: number;
  earned: number;
  spent: number;
  debt: number;
}

/**
 * The one way points change (docs/product.md#points, docs/points.md). Inside the caller's transaction: claim the
 * person's account row (`version + 1`, which also queues any other post of theirs behind this one on MariaDB), read it
 * as committed now, decide (points-rules.ts), append the entry (its unique idempotency key refuses a second post of
 * the same event), move the lots oldest first, append what follows from it (a debt repaid, refunded points already
 * expired), then write the account once with `WHERE version = :claimed`. Everything or nothing.
 */
@Injectable()
export class PointsLedgerService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    // the lot book holds no state; built here by callers that construct the ledger themselves (unit factories)
    private readonly lots: PointsLots = new PointsLots(),
    @Inject(pointsConfig.KEY) private readonly config: PointsConfig = { expiry: 'none' },
  ) {}

  async post(m: EntityManager, e: PostEntry): Promise<PostResult> {
    if (!Number.isInteger(e.amount)) throw new Error('points amounts are integers');
    const existing = await m.getRepository(PointsLedgerEntry).findOneBy({ idempotencyKey: e.idempotencyKey });
    if (existing) return { posted: false, entry: existing };
    if (e.amount === 0) return { posted: false, entry: null };
    const p = await this.claim(m, e.userId, e);
    const plan = planPost(e.type, e.amount, p);
    if (plan.refused) throw new AppException('POINTS_INSUFFICIENT_BALANCE');
    const entry = await this.append(m, p, { ...e, amount: plan.amount, description: describe(e, plan) });
    p.debt += plan.debtAdded;
    if (e.type === 'refund') await this.refundLots(m, p, entry);
    else if (plan.amount > 0 && e.awardingOrgId !== null && e.awardingOrgPath !== null)
      await this.lots.open(m, {
        userId: e.userId,
        entryId: entry.id,
        awardingOrgId: e.awardingOrgId,
        awardingOrgPath: e.awardingOrgPath,
        amount: plan.amount,
        remaining: plan.amount,
        expiresAt: expiresAt(this.config.expiry, this.clock, p.now),
        createdAt: p.now,
      });
    else if (plan.amount < 0) await this.takeOldestFirst(m, p, entry, -plan.amount, e.reversalOfId);
    const repaid = plan.amount > 0 ? await this.repayDebt(m, p, entry) : 0;
    await this.save(m, p);
    const notificationId =
      plan.amount > 0 && e.notify !== false ? await this.notifyCredit(m, entry, repaid, p.balance) : null;
    return { posted: true, entry, notificationId };
  }

  /**
   * The expiry of one lot: what it still holds leaves the balance as an `expiry` entry, once (key
   * `points-expiry:<lotId>`). Nothing when the lot is empty by now.
   */
  async expireLot(m: EntityManager, lotId: number, description: string): Promise<PostResult> {
    const key = `points-expiry:${lotId}`;
    const existing = await m.getRepository(PointsLedgerEntry).findOneBy({ idempotencyKey: key });
    if (existing) return { posted: false, entry: existing };
    const lot = await this.lots.byId(m, lotId);
    if (!lot) return { posted: false, entry: null };
    const p = await this.claim(m, lot.userId, null);
    const live = (await this.lots.live(m, lot.userId)).find((l) => l.id === lotId);
    if (!live || live.remaining <= 0) return { posted: false, entry: null };
    const e: PostEntry = (p.e = {
      userId: lot.userId,
      volunteerId: null,
      type: 'expiry',
      amount: -Math.min(live.remaining, p.balance),
      sourceType: 'points_lot',
      sourceId: String(lotId),
      description,
      idempotencyKey: key,
      awardingOrgId: lot.awardingOrgId,
      awardingOrgPath: lot.awardingOrgPath,
    });
    if (e.amount === 0) return { posted: false, entry: null };
    const entry = await this.append(m, p, e);
    await this.lots.take(m, entry.id, [{ lot: live, amount: -e.amount }], p.now);
    await this.save(m, p);
    return { posted: true, entry, notificationId: null };
  }

  async balanceOf(userId: number): Promise<PointsAccount | null> {
    return this.ds.getRepository(PointsAccount).findOneBy({ userId });
  }

  /** The person's account row, claimed for this transaction and read as committed now. */
  private async claim(m: EntityManager, userId: number, e: PostEntry | null): Promise<Posting> {
    await this.ensureAccount(m, userId);
    const now = this.clock.now();
    await m
      .createQueryBuilder()
      .update(PointsAccount)
      .set({ version: () => 'version + 1' })
      .where('userId = :userId', { userId })
      .execute();
    const account = await m.getRepository(PointsAccount).findOneByOrFail({ userId });
    const { balance, earned, spent, debt } = account;
    return { e: e!, now, account, balance, earned, spent, debt };
  }

  /** Appends one entry and moves the running totals (a refund gives back what was spent: it is not points earned). */
  private async append(m: EntityManager, p: Posting, e: PostEntry): Promise<PointsLedgerEntry> {
    p.balance += e.amount;
    if (e.amount > 0 && e.type !== 'refund') p.earned += e.amount;
    else p.spent -= e.amount;
    const entries = m.getRepository(PointsLedgerEntry);
    // A concurrent post with the same key loses here on the unique index and its transaction rolls back.
    return entries.save(
      entries.create({
        userId: e.userId,
        volunteerId: e.volunteerId,
        type: e.type,
        amount: e.amount,
        balanceAfter: p.balance,
        sourceType: e.sourceType,
        sourceId: e.sourceId,
        description: e.description.slice(0, 200),
        idempotencyKey: e.idempotencyKey,
        awardingOrgId: e.awardingOrgId,
        awardingOrgPath: e.awardingOrgPath,
        reversalOfId: e.reversalOfId ?? null,
        reason: e.reason ?? null,
        createdByUserId: e.createdByUserId ?? null,
        createdAt: p.now,
      }),
    );
  }

  /** The account as the entries left it; only the post that claimed it can write it. */
  private async save(m: EntityManager, p: Posting): Promise<void> {
    if (p.balance < 0 || p.debt < 0) throw new Error('points balance and debt never go below zero');
    const res = await m
      .createQueryBuilder()
      .update(PointsAccount)
      .set({ balance: p.balance, earned: p.earned, spent: p.spent, debt: p.debt, updatedAt: p.now })
      .where('userId = :userId AND version = :version', { userId: p.account.userId, version: p.account.version })
      .execute();
    if (!res.affected) throw new AppException('POINTS_BUSY');
  }

  private async takeOldestFirst(
    m: EntityManager,
    p: Posting,
    entry: PointsLedgerEntry,
    amount: number,
    firstEntryId?: number | null,
  ): Promise<void> {
    const live = await this.lots.live(m, entry.userId);
    await this.lots.take(m, entry.id, this.lots.plan(live, amount, firstEntryId), p.now);
  }

  /**
   * A refund gives the points back to the lots the redemption took them from. Points given back to a lot whose
   * expiry has passed leave again at once as an `expiry` entry (they would have expired had they not been spent).
   */
  private async refundLots(m: EntityManager, p: Posting, refund: PointsLedgerEntry): Promise<void> {
    const debit = await m.getRepository(PointsLedgerEntry).findOne({
      where: { userId: refund.userId, sourceType: refund.sourceType, sourceId: refund.sourceId, type: 'redemption' },
      order: { id: 'DESC' },
    });
    if (!debit) return;
    const back = await this.lots.restore(m, debit.id, refund.id);
    const expired: LotTake[] = back.filter((t) => t.lot.expiresAt && t.lot.expiresAt.getTime() <= p.now.getTime());
    const amount = expired.reduce((s, t) => s + t.amount, 0);
    if (!amount) return;
    const entry = await this.append(m, p, {
      ...p.e,
      type: 'expiry',
      amount: -amount,
      description: `退回的积分已过期（${refund.description}）`,
      idempotencyKey: `points-expiry:refund:${refund.id}`,
      awardingOrgId: null,
      awardingOrgPath: null,
      reversalOfId: null,
    });
    await this.lots.take(m, entry.id, expired, p.now);
  }

  /** Later credits pay a debt first: a `debt_repayment` entry right after the credit, taking what it can. */
  private async repayDebt(m: EntityManager, p: Posting, credit: PointsLedgerEntry): Promise<number> {
    const repay = Math.min(p.debt, p.balance);
    if (repay <= 0) return 0;
    const entry = await this.append(m, p, {
      ...p.e,
      type: 'debt_repayment',
      amount: -repay,
      description: `冲减欠分 ${repay}（${credit.description}）`,
      idempotencyKey: `debt-repayment:${credit.id}`,
      awardingOrgId: null,
      awardingOrgPath: null,
      reversalOfId: null,
      reason: null,
    });
    p.debt -= repay;
    await this.takeOldestFirst(m, p, entry, repay);
    return repay;
  }

  /** 积分到账：+N，余额 M — the credit, what it was for and the balance after it (and any debt it paid). */
  private notifyCredit(m: EntityManager, entry: PointsLedgerEntry, repaid: number, balance: number): Promise<number> {
    const text = repaid
      ? `积分到账：+${entry.amount}，冲减欠分 ${repaid}，余额 ${balance}`
      : creditText(entry.amount, balance);
    return this.notifications.create(m, {
      userId: entry.userId,
      template: 'points_credited',
      title: '积分到账',
      body: `${text}（${entry.description}）`,
      page: 'pages/points/index',
      data: {
        thing1: entry.description.slice(0, 20),
        character_string2: `+${entry.amount}`,
        number3: String(balance),
      },
    });
  }

  private async ensureAccount(m: EntityManager, userId: number): Promise<void> {
    const repo = m.getRepository(PointsAccount);
    if (await repo.existsBy({ userId })) return;
    await repo
      .createQueryBuilder()
      .insert()
      .values({ userId, balance: 0, earned: 0, spent: 0, debt: 0, version: 0, updatedAt: this.clock.now() })
      .orIgnore()
      .execute();
  }
}

/** A reversal that could not take everything says what became debt. */
function describe(e: PostEntry, plan: PostPlan): string {
  if (!plan.debtAdded) return e.description;
  return `${e.description}（积分已用去 ${plan.debtAdded}，记为欠分，之后到账的积分先冲减）`;
}

/** The words of a credit, as the person reads them in a message: 积分到账：+N，余额 M. */
export function creditText(amount: number, balanceAfter: number): string {
  return `积分到账：+${amount}，余额 ${balanceAfter}`;
}
