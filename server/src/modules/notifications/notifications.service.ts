import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, LessThanOrEqual, MoreThan, Repository, type EntityManager } from 'typeorm';
import type { NotificationResponse, Page } from '@jianghuai/shared';
import { logger } from '../../common/logging/logger.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { AppException } from '../../common/errors/app-exception.js';
import { UserQueries } from '../users/user-queries.js';
import { WechatApiClient } from '../wechat/wechat-api.client.js';
import { Notification } from './notification.entity.js';
import { SubscribeConsent } from './subscribe-consent.entity.js';
import { NOTIFICATION_TEMPLATES, type NotificationTemplate } from './templates.js';
import { BODY_MAX_CHARS, cutChars, fitTemplateData, TITLE_MAX_CHARS } from './template-fields.js';
import { notificationsConfig, type NotificationsConfig } from '../../config/notifications.config.js';
import { Clock } from '../../common/clock/clock.js';

/** Waits before the attempts after a failed push: 1 min, 5 min, 30 min, 2 h; after the fifth attempt it stays `failed`. */
export const PUSH_BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000];
/** An attempt in flight (or a push after commit not yet made) is taken over by the retry job after this long. */
const PUSH_CLAIM_MS = 2 * 60_000;

export interface NotifyInput {
  userId: number;
  template: NotificationTemplate;
  title: string;
  body: string;
  page?: string;
  /** Fields of the WeChat template, e.g. `{ thing1: '审核通过', time2: '2026-11-29 10:00' }`. */
  data?: Record<string, string>;
}

/**
 * In-app messages plus WeChat subscribe pushes. Write the message inside the business
 * transaction with `create(manager, …)`, then call `push(ids)` after it commits: the push is a
 * network call and must never hold a transaction open or undo the business action.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly messages: Repository<Notification>,
    @InjectRepository(SubscribeConsent) private readonly consents: Repository<SubscribeConsent>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly wechat: WechatApiClient,
    private readonly clock: Clock,
    @Inject(notificationsConfig.KEY) private readonly templates: NotificationsConfig,
    private readonly users: UserQueries,
  ) {}

  async create(manager: EntityManager, input: NotifyInput): Promise<number> {
    const repo = manager.getRepository(Notification);
    const row = await repo.save(
      repo.create({
        userId: input.userId,
        template: input.template,
        title: cutChars(input.title, TITLE_MAX_CHARS),
        body: cutChars(input.body, BODY_MAX_CHARS),
        page: input.page ?? null,
        data: fitTemplateData(input.data ?? {}),
        pushStatus: 'pending',
        pushAttempts: 0,
        // safety net: if the push after commit never happens (the process stopped), the retry job sends it
        nextPushAt: new Date(this.clock.nowMs() + PUSH_CLAIM_MS),
        readAt: null,
        createdAt: this.clock.now(),
      }),
    );
    return row.id;
  }

  /**
   * One message to each of many people (a warning to a station's guards), in the caller's transaction, written in
   * batches of 400 rows; `page` tells this message apart, so each person's new message id is read back by it.
   */
  async createForEach(
    manager: EntityManager,
    userIds: readonly number[],
    input: Omit<NotifyInput, 'userId'> & { page: string },
  ): Promise<Map<number, number>> {
    const now = this.clock.now();
    const row = {
      template: input.template,
      title: cutChars(input.title, TITLE_MAX_CHARS),
      body: cutChars(input.body, BODY_MAX_CHARS),
      page: input.page,
      data: fitTemplateData(input.data ?? {}),
      pushStatus: 'pending' as const,
      pushAttempts: 0,
      nextPushAt: new Date(this.clock.nowMs() + PUSH_CLAIM_MS),
      readAt: null,
      createdAt: now,
    };
    const ids = new Map<number, number>();
    const repo = manager.getRepository(Notification);
    for (let i = 0; i < userIds.length; i += 400) {
      const batch = userIds.slice(i, i + 400);
      await repo.insert(batch.map((userId) => ({ ...row, userId })));
      const made = await repo.find({
        where: { userId: In([...batch]), page: input.page },
        select: { id: true, userId: true },
      });
      for (const m of made) ids.set(m.userId, m.id);
    }
    return ids;
  }

  /** Creates and pushes at once, outside any business transaction. */
  async notify(input: NotifyInput): Promise<number> {
    const id = await this.create(this.dataSource.manager, input);
    await this.push([id]);
    return id;
  }

  /** Pushes pending (or previously failed) messages; never throws. */
  async push(ids: number[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.messages.find({ where: { id: In(ids), pushStatus: In(['pending', 'failed']) } });
    for (const msg of rows) {
      try {
        await this.pushOne(msg);
      } catch (err) {
        logger.warn({ notificationId: msg.id, error: String(err) }, 'notification push failed');
      }
    }
  }

  /**
   * One attempt. The attempt is claimed first with a conditional UPDATE on the attempt count, so
   * the push after commit and the retry job (on any instance) never send the same message twice;
   * a claim also moves `nextPushAt` ahead, so an attempt cut short by a stopped process is retried.
   */
  private async pushOne(msg: Notification): Promise<void> {
    const now = this.clock.nowMs();
    const claimed = await this.messages.update(
      { id: msg.id, pushAttempts: msg.pushAttempts, pushStatus: In(['pending', 'failed']) },
      { pushAttempts: msg.pushAttempts + 1, nextPushAt: new Date(now + PUSH_CLAIM_MS) },
    );
    if (!claimed.affected) return;
    const attempt = msg.pushAttempts + 1;
    const user = await this.users.findById(msg.userId);
    if (!user?.openid) {
      await this.messages.update(msg.id, { pushStatus: 'no_openid', nextPushAt: null });
      return;
    }
    const template = msg.template as NotificationTemplate;
    const longTerm = NOTIFICATION_TEMPLATES[template]?.longTerm ?? false;
    if (!longTerm && attempt === 1) {
      // Spend one consent (once per message, not per attempt); a conditional decrement so two pushes cannot spend the same one.
      const spent = await this.consents.decrement(
        { userId: msg.userId, template, remaining: MoreThan(0) },
        'remaining',
        1,
      );
      if (!spent.affected) {
        await this.messages.update(msg.id, { pushStatus: 'no_consent', nextPushAt: null });
        return;
      }
    }
    try {
      await this.wechat.sendSubscribeMessage({
        touser: user.openid,
        templateId: this.templates.templateIds[template],
        page: msg.page ?? undefined,
        data: toWechatData(msg.data),
      });
      await this.messages.update(msg.id, { pushStatus: 'sent', nextPushAt: null });
    } catch (err) {
      const retryInMs = PUSH_BACKOFF_MS[attempt - 1];
      logger.warn(
        { notificationId: msg.id, attempt, retryInMs: retryInMs ?? null, error: String(err) },
        'notification push failed',
      );
      await this.messages.update(msg.id, {
        pushStatus: 'failed',
        nextPushAt: retryInMs === undefined ? null : new Date(this.clock.nowMs() + retryInMs),
      });
    }
  }

  /**
   * Job `notification-retries`: pushes whose retry time has come (failed ones after their back-off,
   * pending ones whose push after commit never happened). Returns how many were tried and sent.
   */
  async retryDue(): Promise<{ tried: number; sent: number; failed: number }> {
    const now = this.clock.now();
    const due = await this.messages.find({
      where: { pushStatus: In(['pending', 'failed']), nextPushAt: LessThanOrEqual(now) },
      order: { id: 'ASC' },
      take: 500,
    });
    for (const msg of due) {
      try {
        await this.pushOne(msg);
      } catch (err) {
        logger.warn({ notificationId: msg.id, error: String(err) }, 'notification retry failed');
      }
    }
    const after = due.length
      ? await this.messages.find({ where: { id: In(due.map((m) => m.id)) }, select: { id: true, pushStatus: true } })
      : [];
    return {
      tried: due.length,
      sent: after.filter((m) => m.pushStatus === 'sent').length,
      failed: after.filter((m) => m.pushStatus === 'failed').length,
    };
  }

  /** Records consents the person just gave in wx.requestSubscribeMessage ('accept' results). */
  async recordConsents(userId: number, templates: NotificationTemplate[]): Promise<void> {
    for (const template of new Set(templates)) {
      const res = await this.consents.increment({ userId, template }, 'remaining', 1);
      if (res.affected) continue;
      await this.consents
        .createQueryBuilder()
        .insert()
        .values({ userId, template, remaining: 1, updatedAt: this.clock.now() })
        .orIgnore()
        .execute()
        .then(async (r) => {
          // lost a race with a simultaneous first consent: count this one on the row that won
          if (!r.identifiers[0]?.id) await this.consents.increment({ userId, template }, 'remaining', 1);
        });
    }
  }

  async list(userId: number, q: PageQueryDto): Promise<Page<NotificationResponse> & { unread: number }> {
    const [rows, total] = await this.messages.findAndCount({
      where: { userId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const unread = await this.unreadCount(userId);
    return { ...toPage(rows.map(toNotificationResponse), total, q), unread };
  }

  /** How many of these messages reached the phone as a subscribe push (a warning's "push reached" figure). */
  pushedCount(ids: readonly number[]): Promise<number> {
    if (ids.length === 0) return Promise.resolve(0);
    return this.messages.countBy({ id: In([...ids]), pushStatus: 'sent' });
  }

  /** Each message's push state (`pending`, `sent`, `failed`, `no_consent`, `no_openid`), for a caller that follows its pushes. */
  async pushStatuses(ids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (let i = 0; i < ids.length; i += 400) {
      const rows = await this.messages.find({
        where: { id: In(ids.slice(i, i + 400)) },
        select: { id: true, pushStatus: true },
      });
      for (const r of rows) out.set(r.id, r.pushStatus);
    }
    return out;
  }

  /** Marks the person's messages that link to `page` read (opening a warning reads its message too). */
  async markReadByPage(userId: number, page: string): Promise<void> {
    await this.messages.update({ userId, page, readAt: IsNull() }, { readAt: this.clock.now() });
  }

  unreadCount(userId: number): Promise<number> {
    return this.messages.countBy({ userId, readAt: IsNull() });
  }

  async markRead(userId: number, id: number): Promise<void> {
    const res = await this.messages.update({ id, userId, readAt: IsNull() }, { readAt: this.clock.now() });
    if (!res.affected && !(await this.messages.existsBy({ id, userId }))) throw AppException.notFound();
  }
}

function toWechatData(data: Record<string, string>): Record<string, { value: string }> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }]));
}

export function toNotificationResponse(n: Notification): NotificationResponse {
  return {
    id: n.id,
    template: n.template,
    title: n.title,
    body: n.body,
    page: n.page,
    read: !!n.readAt,
    pushed: n.pushStatus === 'sent',
    createdAt: n.createdAt.toISOString(),
  };
}
