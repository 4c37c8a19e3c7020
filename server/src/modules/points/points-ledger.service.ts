import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { LedgerEntryType } from '@jianghuai/shared';
import { AppException } from '../../common/errors/app-exception.js';
import { PointsAccount } from './entities/points-account.entity.js';
import { PointsLedgerEntry } from './entities/points-ledger-entry.entity.js';
import { Clock } from '../../common/clock/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';

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

/**
 * The one way points change (docs/product.md#points). Inside the caller's transaction: append the entry (its
 * unique idempotency key refuses a second credit for the same event), then move the cached
 * balance with a conditional UPDATE that can never take it below zero. Both or neither. A credit also writes the
 * person's 积分到账 message in the same transaction, so a credit refused as a repeat never tells them twice.
 */
@Injectable()
export class PointsLedgerService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async post(m: EntityManager, e: PostEntry): Promise<PostResult> {
    if (!Number.isInteger(e.amount)) throw new Error('points amounts are integers');
    const entries = m.getRepository(PointsLedgerEntry);
    const existing = await entries.findOneBy({ idempotencyKey: e.idempotencyKey });
    if (existing) return { posted: false, entry: existing };
    if (e.amount === 0) return { posted: false, entry: null };
    await this.ensureAccount(m, e.userId);
    const now = this.clock.now();
    const moved = await m
      .getRepository(PointsAccount)
      .createQueryBuilder()
      .update()
      .set({
        balance: () => 'balance + :amount',
        // a refund (a cancelled redemption) gives back what was spent: it is not points earned
        earned: () => (e.amount > 0 && e.type !== 'refund' ? 'earned + :amount' : 'earned'),
        spent: () => (e.amount < 0 || e.type === 'refund' ? 'spent - :amount' : 'spent'),
        updatedAt: now,
      })
      .where('userId = :userId AND balance + :amount >= 0', { userId: e.userId, amount: e.amount })
      .execute();
    if (!moved.affected) throw new AppException('POINTS_INSUFFICIENT_BALANCE');
    const { balance } = await m.getRepository(PointsAccount).findOneByOrFail({ userId: e.userId });
    // A concurrent post with the same key loses here on the unique index and its transaction rolls back.
    const entry = await entries.save(
      entries.create({
        userId: e.userId,
        volunteerId: e.volunteerId,
        type: e.type,
        amount: e.amount,
        balanceAfter: balance,
        sourceType: e.sourceType,
        sourceId: e.sourceId,
        description: e.description.slice(0, 200),
        idempotencyKey: e.idempotencyKey,
        awardingOrgId: e.awardingOrgId,
        awardingOrgPath: e.awardingOrgPath,
        reversalOfId: e.reversalOfId ?? null,
        reason: e.reason ?? null,
        createdByUserId: e.createdByUserId ?? null,
        createdAt: now,
      }),
    );
    const notificationId = e.amount > 0 && e.notify !== false ? await this.notifyCredit(m, entry) : null;
    return { posted: true, entry, notificationId };
  }

  /** 积分到账：+N，余额 M — the credit, what it was for and the balance after it. */
  private notifyCredit(m: EntityManager, entry: PointsLedgerEntry): Promise<number> {
    return this.notifications.create(m, {
      userId: entry.userId,
      template: 'points_credited',
      title: '积分到账',
      body: `${creditText(entry.amount, entry.balanceAfter)}（${entry.description}）`,
      page: 'pages/points/index',
      data: {
        thing1: entry.description.slice(0, 20),
        character_string2: `+${entry.amount}`,
        number3: String(entry.balanceAfter),
      },
    });
  }

  async balanceOf(userId: number): Promise<PointsAccount | null> {
    return this.ds.getRepository(PointsAccount).findOneBy({ userId });
  }

  private async ensureAccount(m: EntityManager, userId: number): Promise<void> {
    const repo = m.getRepository(PointsAccount);
    if (await repo.existsBy({ userId })) return;
    await repo
      .createQueryBuilder()
      .insert()
      .values({ userId, balance: 0, earned: 0, spent: 0, updatedAt: this.clock.now() })
      .orIgnore()
      .execute();
  }
}

/** The words of a credit, as the person reads them in a message: 积分到账：+N，余额 M. */
export function creditText(amount: number, balanceAfter: number): string {
  return `积分到账：+${amount}，余额 ${balanceAfter}`;
}
