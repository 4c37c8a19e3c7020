import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { And, DataSource, LessThan, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import { addCalendarDays } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { logger } from '../../common/logging/logger.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { smsConfig, type SmsConfig, type SmsTemplate } from '../../config/sms.config.js';
import { SmsFailure, SmsSender } from './sms-sender.js';
import { SMS_STATUSES, SmsMessage, type SmsStatus } from './sms-message.entity.js';

/** Waits before the 2nd, 3rd, 4th and 5th attempt of a message that failed for a passing reason. */
export const SMS_BACKOFF_MS = [60_000, 2 * 60_000, 4 * 60_000, 8 * 60_000];
export const SMS_MAX_ATTEMPTS = SMS_BACKOFF_MS.length + 1;
/** How long a claimed message is left to the run that claimed it (longer than any provider call). */
export const SMS_CLAIM_MS = 5 * 60_000;
/** Rows per INSERT (the embedded database's expression-depth limit). */
const BATCH = 400;
/** Messages one run of the job looks at. */
const RUN_LIMIT = 200;
const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;

/** One message to enqueue: to `userId` at `phone`, about `ref` (e.g. `callup:12`). */
export interface SmsItem {
  userId: number;
  phone: string | null;
  template: SmsTemplate;
  params: string[];
  ref: string;
}

/** What one run did: sent, to be tried again, failed for good, left out over the daily limit. */
export interface SmsDeliveryResult {
  [key: string]: number;
  smsSent: number;
  smsRetrying: number;
  smsFailed: number;
  smsOverLimit: number;
}

/**
 * The SMS channel (docs/notifications.md#sms): callers enqueue inside their own transaction (an
 * outbox: a rolled-back call-up sends nothing), and the `sms-delivery` job sends what is due. Each
 * message is claimed with a conditional UPDATE before it is sent, so two runs never send it twice;
 * passing failures are tried again with back-off, permanent ones end as failed with the provider's code.
 */
@Injectable()
export class SmsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(smsConfig.KEY) private readonly config: SmsConfig,
    private readonly sender: SmsSender,
    private readonly pii: PiiCipher,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes the messages in the caller's transaction, at most one per (ref, user): a second enqueue of
   * the same ref and user is ignored. Items without a number are left out; a number that is not a
   * mainland mobile is recorded as failed at once. Nothing is written while SMS is off.
   */
  async enqueue(manager: EntityManager, items: SmsItem[]): Promise<void> {
    if (!this.config.enabled) return;
    const now = this.clock.now();
    const rows = items.filter((i) => i.phone?.trim()).map((i) => this.toRow(i, now));
    for (let i = 0; i < rows.length; i += BATCH) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(SmsMessage)
        .values(rows.slice(i, i + BATCH))
        .orIgnore()
        .execute();
    }
  }

  /** How many messages about `ref` are in each state (for a live board of a call-up). */
  async countsByRef(ref: string): Promise<Record<SmsStatus, number>> {
    const rows: { status: SmsStatus; n: string | number }[] = await this.dataSource
      .getRepository(SmsMessage)
      .createQueryBuilder('m')
      .select('m.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('m.ref = :ref', { ref })
      .groupBy('m.status')
      .getRawMany();
    const counts = Object.fromEntries(SMS_STATUSES.map((s) => [s, 0])) as Record<SmsStatus, number>;
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  }

  /** Job `sms-delivery`: sends the messages whose time has come, oldest first. */
  async deliverDue(): Promise<SmsDeliveryResult> {
    const result: SmsDeliveryResult = { smsSent: 0, smsRetrying: 0, smsFailed: 0, smsOverLimit: 0 };
    if (!this.config.enabled) return result;
    const due = await this.dataSource.getRepository(SmsMessage).find({
      where: { status: 'pending', nextAttemptAt: LessThanOrEqual(this.clock.now()) },
      order: { id: 'ASC' },
      take: RUN_LIMIT,
    });
    for (const msg of due) {
      const outcome = await this.deliverOne(msg);
      if (outcome !== null) result[outcome]++;
    }
    return result;
  }

  private toRow(item: SmsItem, now: Date): Partial<SmsMessage> {
    const phone = normalisePhone(item.phone!);
    const valid = MAINLAND_MOBILE.test(phone);
    return {
      ref: item.ref,
      userId: item.userId,
      template: item.template,
      params: item.params,
      phoneEnc: this.pii.encrypt(phone)!,
      phoneHash: this.pii.hash('phone', phone),
      status: valid ? 'pending' : 'failed',
      attempts: 0,
      nextAttemptAt: valid ? now : null,
      providerId: null,
      lastError: valid ? null : 'InvalidPhone: 不是有效的手机号',
      createdAt: now,
      sentAt: null,
    };
  }

  /** Claims, checks the daily limit, sends and records one message; null when another run claimed it first. */
  private async deliverOne(msg: SmsMessage): Promise<keyof SmsDeliveryResult | null> {
    const repo = this.dataSource.getRepository(SmsMessage);
    const now = this.clock.now();
    const claimed = await repo
      .createQueryBuilder()
      .update()
      .set({ attempts: msg.attempts + 1, nextAttemptAt: new Date(now.getTime() + SMS_CLAIM_MS) })
      .where('id = :id AND status = :status AND attempts = :attempts', {
        id: msg.id,
        status: 'pending',
        attempts: msg.attempts,
      })
      .andWhere('nextAttemptAt <= :now', { now })
      .execute();
    if (claimed.affected !== 1) return null;
    const attempt = msg.attempts + 1;
    if ((await this.sentToday(msg.phoneHash, now)) >= this.config.dailyLimitPerPhone) {
      await repo.update(msg.id, {
        status: 'skipped_limit',
        nextAttemptAt: null,
        lastError: 'DailyLimit: 今日短信已达上限',
      });
      return 'smsOverLimit';
    }
    try {
      const res = await this.sender.send({
        phone: this.pii.decrypt(msg.phoneEnc)!,
        template: msg.template as SmsTemplate,
        params: msg.params,
        requestId: `sms-${msg.id}`,
      });
      await repo.update(msg.id, {
        status: 'sent',
        providerId: res.providerId.slice(0, 64),
        sentAt: this.clock.now(),
        nextAttemptAt: null,
        lastError: null,
      });
      return 'smsSent';
    } catch (err) {
      return this.recordFailure(msg.id, attempt, err);
    }
  }

  private async recordFailure(id: number, attempt: number, err: unknown): Promise<'smsRetrying' | 'smsFailed'> {
    const failure = err instanceof SmsFailure ? err : new SmsFailure('transient', 'Unexpected', String(err));
    const retryInMs = failure.retryable ? SMS_BACKOFF_MS[attempt - 1] : undefined;
    // the number never goes into the log, only the message id and the provider's answer
    logger.warn(
      { smsId: id, attempt, kind: failure.kind, code: failure.code, retryInMs: retryInMs ?? null },
      'sms send failed',
    );
    await this.dataSource.getRepository(SmsMessage).update(id, {
      status: retryInMs === undefined ? 'failed' : 'pending',
      nextAttemptAt: retryInMs === undefined ? null : new Date(this.clock.nowMs() + retryInMs),
      lastError: `${failure.code}: ${failure.message}`.slice(0, 255),
    });
    return retryInMs === undefined ? 'smsFailed' : 'smsRetrying';
  }

  /** Messages sent to this number since the start of today (business day, Asia/Shanghai). */
  private sentToday(phoneHash: string, now: Date): Promise<number> {
    const today = this.clock.today(now);
    return this.dataSource.getRepository(SmsMessage).countBy({
      phoneHash,
      status: 'sent',
      sentAt: And(
        MoreThanOrEqual(this.clock.startOfDay(today)),
        LessThan(this.clock.startOfDay(addCalendarDays(today, 1))),
      ),
    });
  }
}

/** `+86 138-0000-0000` → `13800000000`. */
export function normalisePhone(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^(\+?86)(?=1\d{10}$)/, '');
}
