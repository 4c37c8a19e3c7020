import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { businessDateTime } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { logger } from '../../common/logging/logger.js';
import { callupFanoutConfig, type CallupFanoutConfig } from '../../config/callup-fanout.config.js';
import { smsConfig, type SmsConfig } from '../../config/sms.config.js';
import { dbDate, typeormExec } from '../../database/raw-sql.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { SmsService } from '../sms/sms.service.js';
import { VolunteerReach } from '../volunteers/volunteer-reach.js';
import type { PushOutcome, SmsOutcome } from './entities/callup-delivery.entity.js';

/** Waits before the 2nd, 3rd and 4th try of a delivery whose push (or write) failed; after the 4th it stays failed. */
export const FANOUT_BACKOFF_MS = [10_000, 60_000, 5 * 60_000];
/** Rows per statement (the embedded database's expression-depth limit). */
const BATCH = 400;

/** A recipient to reach, as the call-up (or the accepted draw) just wrote it. */
export interface FanoutRecipient {
  recipientId: number;
  userId: number;
  volunteerId: number;
}

/** How one recipient was reached, for the live board. */
export interface RecipientReach {
  push: 'sent' | 'no_consent' | 'failed' | 'pending';
  sms: 'queued' | 'no_phone' | 'pending';
}

/** The board's reach figures of one call-up. */
export interface ReachCounts {
  asked: number;
  pushSent: number;
  pushNoConsent: number;
  pushFailed: number;
  pushPending: number;
  smsQueued: number;
  smsNoPhone: number;
  smsPending: number;
  /** From the SMS outbox: accepted by the provider, failed for good (or over the daily limit). */
  smsSent: number;
  smsFailed: number;
}

/** A delivery row as a worker holds it while its claim lasts. */
export interface ClaimedDelivery {
  id: number;
  callupId: number;
  userId: number;
  volunteerId: number;
  state: 'queued' | 'written';
  notificationId: number | null;
  attempts: number;
}

/** What one claim did. */
export interface FanoutRun {
  claimed: number;
  written: number;
  pushed: number;
  textsQueued: number;
}

interface CallupText {
  id: number;
  title: string;
  rallyAddress: string;
  deadlineAt: Date;
}

export const callupSmsRef = (callupId: number): string => `callup:${callupId}`;
export const callupPage = (callupId: number): string => `callups/detail/index?id=${callupId}`;

/**
 * Reaching a call-up's recipients (docs/callups.md#reaching-people, docs/adr/0008-callup-fanout.md). `enqueue`
 * writes one narrow row per recipient inside the call-up's transaction (an outbox: a rolled-back call-up reaches
 * nobody) and does nothing else per row. Workers on every instance (`CallupFanoutWorker`) then `claim` due rows
 * with a conditional UPDATE (claim token + lease) and `deliver` them: the in-app message and the text (into the
 * SMS outbox) in one transaction with the row's own step, so each is made once; then the push through the
 * notifications module, whose claimed attempt never sends one message twice at once.
 */
@Injectable()
export class CallupFanout {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly notifications: NotificationsService,
    private readonly sms: SmsService,
    private readonly reach: VolunteerReach,
    private readonly clock: Clock,
    @Inject(callupFanoutConfig.KEY) private readonly config: CallupFanoutConfig,
    @Inject(smsConfig.KEY) private readonly smsSettings: SmsConfig,
  ) {}

  /**
   * Records the recipients to reach, in the caller's transaction: copied from `callup_recipients` in one statement
   * when their ids are consecutive (as one insert gives them), else multi-row inserts of four numbers and two instants
   * a row. The workers are woken when that transaction commits (`CallupFanoutWorker`).
   */
  async enqueue(manager: EntityManager, callupId: number, recipients: readonly FanoutRecipient[]): Promise<void> {
    if (recipients.length === 0) return;
    const exec = typeormExec(manager);
    const now = this.clock.now();
    let rest = recipients;
    const ids = recipients.map((r) => r.recipientId);
    const min = ids.reduce((a, b) => Math.min(a, b));
    const max = ids.reduce((a, b) => Math.max(a, b));
    if (max - min + 1 === ids.length && new Set(ids).size === ids.length) {
      // the usual case: the call-up's recipients were just inserted with consecutive ids, so one statement copies
      // them without sending a value per row
      const copied = await exec(
        'INSERT INTO callup_deliveries (callupId, recipientId, userId, volunteerId, queuedAt, nextAttemptAt) SELECT callupId, id, userId, volunteerId, ?, ? FROM callup_recipients WHERE callupId = ? AND id BETWEEN ? AND ?',
        [now, now, callupId, min, max],
      );
      if (copied.affected === ids.length) rest = [];
      else if (copied.affected > 0) {
        const { rows } = await exec(
          'SELECT recipientId FROM callup_deliveries WHERE callupId = ? AND recipientId BETWEEN ? AND ?',
          [callupId, min, max],
        );
        const done = new Set(rows.map((r) => Number(r.recipientId)));
        rest = recipients.filter((r) => !done.has(r.recipientId));
      }
    }
    for (let i = 0; i < rest.length; i += BATCH) {
      const batch = rest.slice(i, i + BATCH);
      const params: unknown[] = [];
      for (const r of batch) params.push(callupId, r.recipientId, r.userId, r.volunteerId, now, now);
      await exec(
        `INSERT INTO callup_deliveries (callupId, recipientId, userId, volunteerId, queuedAt, nextAttemptAt) VALUES ${batch
          .map(() => '(?, ?, ?, ?, ?, ?)')
          .join(', ')}`,
        params,
      );
    }
    const data = manager.queryRunner?.data as Record<string, unknown> | undefined;
    if (data) data.callupFanout = true;
  }

  /**
   * Takes up to `limit` due rows for this worker: their claim token is written and `nextAttemptAt` moved to the end
   * of the lease by one conditional UPDATE (`nextAttemptAt <= now`), so two workers never hold the same row, and a
   * row whose worker died is due again when its lease ends. On MariaDB the candidates are read `FOR UPDATE SKIP
   * LOCKED` so simultaneous workers take different rows instead of queuing on the same ones.
   */
  async claim(limit = this.config.batch): Promise<ClaimedDelivery[]> {
    const token = randomUUID();
    const now = this.clock.now();
    const leaseEnd = new Date(now.getTime() + this.config.leaseSeconds * 1000);
    const mysql = this.ds.options.type !== 'better-sqlite3';
    await this.ds.transaction(async (m) => {
      const exec = typeormExec(m);
      const { rows } = await exec(
        `SELECT id FROM callup_deliveries WHERE nextAttemptAt <= ? ORDER BY nextAttemptAt, id LIMIT ${Number(limit)}${
          mysql ? ' FOR UPDATE SKIP LOCKED' : ''
        }`,
        [now],
      );
      if (rows.length === 0) return;
      const ids = rows.map((r) => Number(r.id));
      await exec(
        `UPDATE callup_deliveries SET claimToken = ?, nextAttemptAt = ?, attempts = attempts + 1 WHERE id IN (${ids
          .map(() => '?')
          .join(', ')}) AND nextAttemptAt <= ?`,
        [token, leaseEnd, ...ids, now],
      );
    });
    const { rows } = await typeormExec(this.ds.manager)(
      'SELECT id, callupId, userId, volunteerId, state, notificationId, attempts FROM callup_deliveries WHERE claimToken = ? ORDER BY id',
      [token],
    );
    return rows.map((r) => ({
      id: Number(r.id),
      callupId: Number(r.callupId),
      userId: Number(r.userId),
      volunteerId: Number(r.volunteerId),
      state: r.state as 'queued' | 'written',
      notificationId: r.notificationId === null ? null : Number(r.notificationId),
      attempts: Number(r.attempts),
      token,
    })) as (ClaimedDelivery & { token: string })[];
  }

  /** Delivers what `claim` took: writes the messages of the new rows, then pushes. Never throws. */
  async deliver(claimed: ClaimedDelivery[]): Promise<FanoutRun> {
    const run: FanoutRun = { claimed: claimed.length, written: 0, pushed: 0, textsQueued: 0 };
    if (claimed.length === 0) return run;
    const token = (claimed[0] as ClaimedDelivery & { token: string }).token;
    const fresh = claimed.filter((d) => d.state === 'queued');
    const toPush = claimed.filter((d) => d.state === 'written' && d.notificationId !== null);
    if (fresh.length) {
      try {
        const written = await this.write(token, fresh);
        run.written = written.length;
        run.textsQueued = written.filter((w) => w.texted).length;
        toPush.push(...written.map((w) => w.delivery));
      } catch (err) {
        logger.warn({ deliveries: fresh.length, error: String(err) }, 'call-up fan-out write failed');
        await this.retryLater(token, fresh, String(err));
      }
    }
    run.pushed = await this.pushAll(token, toPush);
    return run;
  }

  /**
   * One transaction: the rows move from queued to written (conditional on this claim, so a worker whose lease ran
   * out and was taken over writes nothing), the in-app messages and the texts are made.
   */
  private async write(
    token: string,
    fresh: ClaimedDelivery[],
  ): Promise<{ delivery: ClaimedDelivery; texted: boolean }[]> {
    const phones = this.smsSettings.enabled
      ? await this.reach.phones(fresh.map((d) => d.volunteerId))
      : new Map<number, string | null>();
    const texts = await this.callupTexts([...new Set(fresh.map((d) => d.callupId))]);
    return this.ds.transaction(async (m) => {
      const exec = typeormExec(m);
      const now = this.clock.now();
      const ids = fresh.map((d) => d.id);
      const moved = await exec(
        `UPDATE callup_deliveries SET state = 'written', writtenAt = ? WHERE claimToken = ? AND state = 'queued' AND id IN (${marks(ids)})`,
        [now, token, ...ids],
      );
      if (moved.affected !== ids.length) throw new Error('claim taken over');
      const out: { delivery: ClaimedDelivery; texted: boolean }[] = [];
      for (const text of texts) {
        const rows = fresh.filter((d) => d.callupId === text.id);
        out.push(...(await this.writeFor(m, text, rows, phones)));
      }
      const orphan = fresh.filter((d) => !texts.some((t) => t.id === d.callupId)).map((d) => d.id);
      if (orphan.length)
        await exec(
          `UPDATE callup_deliveries SET state = 'done', push = 'failed', nextAttemptAt = NULL, claimToken = NULL, doneAt = ?, lastError = 'call-up missing' WHERE id IN (${marks(orphan)})`,
          [now, ...orphan],
        );
      return out;
    });
  }

  private async writeFor(
    m: EntityManager,
    text: CallupText,
    rows: ClaimedDelivery[],
    phones: Map<number, string | null>,
  ): Promise<{ delivery: ClaimedDelivery; texted: boolean }[]> {
    const exec = typeormExec(m);
    const deadline = businessDateTime(text.deadlineAt, this.clock.zone);
    const messageOf = await this.notifications.createForEach(
      m,
      rows.map((d) => d.userId),
      {
        template: 'callup',
        title: `【调度指令】${text.title}`,
        body: `${text.title}。集合地点：${text.rallyAddress}，请于 ${deadline} 前响应。`,
        page: callupPage(text.id),
        data: { thing1: text.title.slice(0, 20), thing2: text.rallyAddress.slice(0, 20), time3: deadline },
      },
    );
    const withPhone = rows.filter((d) => phones.get(d.volunteerId));
    await this.sms.enqueue(
      m,
      withPhone.map((d) => ({
        userId: d.userId,
        phone: phones.get(d.volunteerId) ?? null,
        template: 'callup' as const,
        params: [text.title.slice(0, 20), text.rallyAddress.slice(0, 20)],
        ref: callupSmsRef(text.id),
      })),
    );
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const params: unknown[] = [];
      for (const d of batch) params.push(d.id, messageOf.get(d.userId) ?? null);
      const sms = (d: ClaimedDelivery): SmsOutcome => (phones.get(d.volunteerId) ? 'queued' : 'no_phone');
      for (const d of batch) params.push(d.id, sms(d));
      await exec(
        `UPDATE callup_deliveries SET notificationId = CASE id ${batch.map(() => 'WHEN ? THEN ?').join(' ')} END, sms = CASE id ${batch
          .map(() => 'WHEN ? THEN ?')
          .join(' ')} END WHERE id IN (${marks(batch.map((d) => d.id))})`,
        [...params, ...batch.map((d) => d.id)],
      );
    }
    return rows.map((d) => ({
      delivery: { ...d, state: 'written' as const, notificationId: messageOf.get(d.userId) ?? null },
      texted: !!phones.get(d.volunteerId),
    }));
  }

  /** Pushes each written row's message, `concurrency` at a time, then records the outcomes. Returns how many were sent. */
  private async pushAll(token: string, rows: ClaimedDelivery[]): Promise<number> {
    if (rows.length === 0) return 0;
    // `concurrency` lanes, each pushing its share one after another (one read of its messages per lane)
    const lanes = Math.min(this.config.concurrency, rows.length);
    await Promise.all(
      Array.from({ length: lanes }, (_, lane) =>
        this.notifications.push(rows.filter((_, i) => i % lanes === lane).map((d) => d.notificationId!)),
      ),
    );
    const statuses = await this.notifications.pushStatuses(rows.map((d) => d.notificationId!));
    const outcome = (d: ClaimedDelivery): PushOutcome | 'retry' => {
      const s = statuses.get(d.notificationId!);
      if (s === 'sent') return 'sent';
      if (s === 'no_consent' || s === 'no_openid') return 'no_consent';
      return d.attempts > FANOUT_BACKOFF_MS.length ? 'failed' : 'retry';
    };
    const now = this.clock.now();
    for (const result of ['sent', 'no_consent', 'failed'] as const) {
      const ids = rows.filter((d) => outcome(d) === result).map((d) => d.id);
      for (let i = 0; i < ids.length; i += BATCH)
        await typeormExec(this.ds.manager)(
          `UPDATE callup_deliveries SET state = 'done', push = ?, doneAt = ?, nextAttemptAt = NULL, claimToken = NULL WHERE claimToken = ? AND id IN (${marks(ids.slice(i, i + BATCH))})`,
          [result, now, token, ...ids.slice(i, i + BATCH)],
        );
    }
    await this.retryLater(
      token,
      rows.filter((d) => outcome(d) === 'retry'),
      'push failed',
    );
    return rows.filter((d) => outcome(d) === 'sent').length;
  }

  /** Gives the rows back after a failed try: due again after the back-off of their attempt. */
  private async retryLater(token: string, rows: ClaimedDelivery[], error: string): Promise<void> {
    const now = this.clock.nowMs();
    for (const d of rows) {
      const wait = FANOUT_BACKOFF_MS[Math.min(d.attempts, FANOUT_BACKOFF_MS.length) - 1] ?? FANOUT_BACKOFF_MS[0];
      await typeormExec(this.ds.manager)(
        `UPDATE callup_deliveries SET push = CASE WHEN state = 'written' THEN 'failed' ELSE push END, nextAttemptAt = ?, claimToken = NULL, lastError = ? WHERE id = ? AND claimToken = ?`,
        [new Date(now + wait), error.slice(0, 200), d.id, token],
      );
    }
  }

  private async callupTexts(ids: number[]): Promise<CallupText[]> {
    const { rows } = await typeormExec(this.ds.manager)(
      `SELECT id, title, rallyAddress, deadlineAt FROM callups WHERE id IN (${marks(ids)})`,
      ids,
    );
    return rows.map((r) => ({
      id: Number(r.id),
      title: String(r.title),
      rallyAddress: String(r.rallyAddress),
      deadlineAt: dbDate(r.deadlineAt),
    }));
  }

  /** Whether rows are due now (the worker's idle check). */
  async hasDue(): Promise<boolean> {
    const { rows } = await typeormExec(this.ds.manager)(
      'SELECT id FROM callup_deliveries WHERE nextAttemptAt <= ? LIMIT 1',
      [this.clock.now()],
    );
    return rows.length > 0;
  }

  /** Each recipient's reach (board rows): push sent / no consent / failed / pending, text queued / no phone / pending. */
  async reachByRecipient(callupId: number): Promise<Map<number, RecipientReach>> {
    const { rows } = await typeormExec(this.ds.manager)(
      'SELECT recipientId, push, sms FROM callup_deliveries WHERE callupId = ?',
      [callupId],
    );
    return new Map(
      rows.map((r) => [Number(r.recipientId), { push: r.push as PushOutcome, sms: r.sms as RecipientReach['sms'] }]),
    );
  }

  /** The board's totals: one grouped read of the deliveries and the SMS outbox's counts for the call-up's ref. */
  async reachCounts(callupId: number): Promise<ReachCounts> {
    const { rows } = await typeormExec(this.ds.manager)(
      'SELECT push, sms, COUNT(*) AS n FROM callup_deliveries WHERE callupId = ? GROUP BY push, sms',
      [callupId],
    );
    const sum = (f: (r: Record<string, unknown>) => boolean) => rows.filter(f).reduce((a, r) => a + Number(r.n), 0);
    const texts = await this.sms.countsByRef(callupSmsRef(callupId));
    return {
      asked: sum(() => true),
      pushSent: sum((r) => r.push === 'sent'),
      pushNoConsent: sum((r) => r.push === 'no_consent'),
      pushFailed: sum((r) => r.push === 'failed'),
      pushPending: sum((r) => r.push === 'pending'),
      smsQueued: sum((r) => r.sms === 'queued'),
      smsNoPhone: sum((r) => r.sms === 'no_phone'),
      smsPending: sum((r) => r.sms === 'pending'),
      smsSent: texts.sent,
      smsFailed: texts.failed + texts.skipped_limit,
    };
  }
}

function marks(ids: readonly unknown[]): string {
  return ids.map(() => '?').join(', ');
}
