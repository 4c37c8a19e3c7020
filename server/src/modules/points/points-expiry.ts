import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, IsNull, LessThanOrEqual, MoreThan } from 'typeorm';
import { addCalendarDays } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PointsLot } from './entities/points-lot.entity.js';
import { PointsLedgerService } from './points-ledger.service.js';

const DAY_MS = 86_400_000;
const NOTICE_DAYS = 30;
const PAGE = 200;

/**
 * Expiry of points (docs/points.md#expiry, POINTS_EXPIRY): the daily `points-expiry` job writes one `expiry` entry per
 * lot whose date has passed, for what it still holds (key `points-expiry:<lotId>`, so once); `points-expiry-notice`
 * tells each person 30 days before, one message per expiry date (the lots of one year), marked on the lots so it goes
 * once. With POINTS_EXPIRY=none no lot has a date and both find nothing.
 */
@Injectable()
export class PointsExpiry {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly ledger: PointsLedgerService,
    private readonly notifications: NotificationsService,
  ) {}

  async expireDue(): Promise<{ expiredLots: number; expiredPoints: number }> {
    const now = this.clock.now();
    let lastId = 0;
    let lots = 0;
    let points = 0;
    for (;;) {
      const due = await this.ds.getRepository(PointsLot).find({
        where: { id: MoreThan(lastId), expiresAt: LessThanOrEqual(now), remaining: MoreThan(0) },
        order: { id: 'ASC' },
        take: PAGE,
      });
      if (!due.length) break;
      lastId = due[due.length - 1].id;
      for (const lot of due) {
        const res = await this.ds.transaction((m) =>
          this.ledger.expireLot(m, lot.id, `积分过期（${this.creditYear(lot)}年获得的积分）`),
        );
        if (!res.posted) continue;
        lots += 1;
        points -= res.entry.amount;
      }
    }
    return { expiredLots: lots, expiredPoints: points };
  }

  async noticeDue(): Promise<{ warned: number }> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + NOTICE_DAYS * DAY_MS);
    const lots = await this.ds.getRepository(PointsLot).find({
      where: {
        expiresAt: Between(new Date(now.getTime() + 1), until),
        remaining: MoreThan(0),
        expiryNoticeAt: IsNull(),
      },
      order: { id: 'ASC' },
    });
    const groups = new Map<string, PointsLot[]>();
    for (const l of lots) {
      const key = `${l.userId}:${l.expiresAt!.getTime()}`;
      groups.set(key, [...(groups.get(key) ?? []), l]);
    }
    const pushed: number[] = [];
    for (const group of groups.values()) {
      const id = await this.ds.transaction(async (m) => {
        const claimed = await m
          .createQueryBuilder()
          .update(PointsLot)
          .set({ expiryNoticeAt: now })
          .where('id IN (:...ids) AND expiryNoticeAt IS NULL', { ids: group.map((l) => l.id) })
          .execute();
        if (!claimed.affected) return null;
        const points = group.reduce((sum, l) => sum + l.remaining, 0);
        const lastDay = addCalendarDays(this.clock.today(group[0].expiresAt!), -1);
        return this.notifications.create(m, {
          userId: group[0].userId,
          template: 'points_changed',
          title: '积分即将过期',
          body: `您有 ${points} 积分将于 ${lastDay} 24:00 过期，请在此之前到积分商城使用。`,
          page: 'pages/points/index',
          data: { thing1: '积分即将过期', number2: String(points), date3: lastDay },
        });
      });
      if (id) pushed.push(id);
    }
    await this.notifications.push(pushed);
    return { warned: pushed.length };
  }

  /** The Shanghai year the lot was credited in. */
  private creditYear(lot: PointsLot): string {
    return this.clock.today(lot.createdAt).slice(0, 4);
  }
}
