import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull } from 'typeorm';
import type { MyAlertPage, MyAlertResponse, MyBulletinPage, MyBulletinResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { alertPage } from './alerts.service.js';
import { bulletinPage } from './bulletins.service.js';
import { AlertRecipient } from './entities/alert-recipient.entity.js';
import { Alert } from './entities/alert.entity.js';
import { BulletinRecipient } from './entities/bulletin-recipient.entity.js';
import { Bulletin } from './entities/bulletin.entity.js';

/**
 * A recipient's side (docs/alerts.md): their warnings and bulletins, newest first, urgent unread ones counted for the
 * home banner. Opening one marks it read (a conditional UPDATE on `readAt IS NULL`, so it counts once) together
 * with its in-app message. Anyone who is not a recipient gets 404.
 */
@Injectable()
export class MyAlertsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
  ) {}

  async listAlerts(actor: Actor, q: PageQueryDto): Promise<MyAlertPage> {
    const [rows, total] = await this.ds.getRepository(AlertRecipient).findAndCount({
      where: { userId: actor.userId },
      order: { alertId: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const alerts = new Map(
      (rows.length ? await this.ds.getRepository(Alert).findBy({ id: In(rows.map((r) => r.alertId)) }) : []).map(
        (a) => [a.id, a],
      ),
    );
    const items = rows.map((r) => toMyAlert(alerts.get(r.alertId)!, r));
    const unreadUrgent = await this.ds
      .getRepository(AlertRecipient)
      .createQueryBuilder('r')
      .innerJoin(Alert, 'a', 'a.id = r.alertId')
      .where("r.userId = :u AND r.readAt IS NULL AND a.level = 'urgent'", { u: actor.userId })
      .getCount();
    return { ...toPage(items, total, q), unreadUrgent };
  }

  /** One warning of theirs; reading it marks it read. */
  async alert(actor: Actor, id: number): Promise<MyAlertResponse> {
    const r = await this.ds.getRepository(AlertRecipient).findOneBy({ alertId: id, userId: actor.userId });
    const a = r ? await this.ds.getRepository(Alert).findOneBy({ id }) : null;
    if (!r || !a) throw AppException.notFound();
    if (!r.readAt) {
      await this.markAlertRead(actor, id);
      r.readAt = this.clock.now();
    }
    return toMyAlert(a, r);
  }

  async markAlertRead(actor: Actor, id: number): Promise<void> {
    const repo = this.ds.getRepository(AlertRecipient);
    const res = await repo.update(
      { alertId: id, userId: actor.userId, readAt: IsNull() },
      { readAt: this.clock.now() },
    );
    if (!res.affected && !(await repo.existsBy({ alertId: id, userId: actor.userId }))) throw AppException.notFound();
    await this.notifications.markReadByPage(actor.userId, alertPage(id));
  }

  async listBulletins(actor: Actor, q: PageQueryDto): Promise<MyBulletinPage> {
    const [rows, total] = await this.ds.getRepository(BulletinRecipient).findAndCount({
      where: { userId: actor.userId },
      order: { bulletinId: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const bulletins = new Map(
      (rows.length ? await this.ds.getRepository(Bulletin).findBy({ id: In(rows.map((r) => r.bulletinId)) }) : []).map(
        (b) => [b.id, b],
      ),
    );
    return toPage(
      rows.map((r) => toMyBulletin(bulletins.get(r.bulletinId)!, r)),
      total,
      q,
    );
  }

  async bulletin(actor: Actor, id: number): Promise<MyBulletinResponse> {
    const repo = this.ds.getRepository(BulletinRecipient);
    const r = await repo.findOneBy({ bulletinId: id, userId: actor.userId });
    const b = r ? await this.ds.getRepository(Bulletin).findOneBy({ id }) : null;
    if (!r || !b) throw AppException.notFound();
    if (!r.readAt) {
      r.readAt = this.clock.now();
      await repo.update({ id: r.id, readAt: IsNull() }, { readAt: r.readAt });
      await this.notifications.markReadByPage(actor.userId, bulletinPage(id));
    }
    return toMyBulletin(b, r);
  }
}

function toMyAlert(a: Alert, r: AlertRecipient): MyAlertResponse {
  return {
    id: a.id,
    title: a.title,
    text: a.text,
    level: a.level,
    senderUnitName: a.senderUnitName,
    createdAt: a.createdAt.toISOString(),
    read: r.readAt !== null,
  };
}

function toMyBulletin(b: Bulletin, r: BulletinRecipient): MyBulletinResponse {
  return {
    id: b.id,
    title: b.title,
    text: b.text,
    advice: b.advice,
    areaName: b.areaName,
    imageIds: b.imageIds,
    createdAt: b.createdAt.toISOString(),
    read: r.readAt !== null,
  };
}
