import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Not, type EntityManager } from 'typeorm';
import {
  ALERT_LEVEL_LABELS,
  alertSmsRef,
  type AdminAlertPage,
  type AdminAlertResponse,
  type AlertTarget,
  type AlertTargetsResponse,
  type RecipientCountResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgService } from '../org/org.service.js';
import { SmsService } from '../sms/sms.service.js';
import { TeamQueries } from '../teams/team-queries.js';
import { VolunteerReach } from '../volunteers/volunteer-reach.js';
import { AlertAudience, type ResolvedTarget } from './alert-audience.js';
import type { SendAlertDto } from './alerts.dto.js';
import { AlertRecipient } from './entities/alert-recipient.entity.js';
import { Alert } from './entities/alert.entity.js';

/** Rows per INSERT (the embedded database's expression-depth limit). */
const BATCH = 400;

/** The page a warning's message opens (a page of app.config, without a leading slash). */
export const alertPage = (id: number): string => `alerts/detail/index?id=${id}`;

/**
 * The officers' side of early warnings (docs/alerts.md): where they may aim, how many a target reaches, sending
 * (recipients, in-app messages, texts for urgent ones and the audit entry in one transaction; pushes after it,
 * without holding the request) and the warnings of their scope with sent / read / pushed / texted figures.
 */
@Injectable()
export class AlertsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audience: AlertAudience,
    private readonly org: OrgService,
    private readonly teams: TeamQueries,
    private readonly reach: VolunteerReach,
    private readonly notifications: NotificationsService,
    private readonly sms: SmsService,
    private readonly audit: AuditService,
  ) {}

  async targets(actor: Actor): Promise<AlertTargetsResponse> {
    const units = (await this.org.findByLevels(['city', 'branch', 'station', 'community'])).filter((u) =>
      isPathInScope(actor, u.path),
    );
    const names = new Map(units.map((u) => [u.id, u.name]));
    const stations = units.filter((u) => u.level === 'station');
    const teams = await this.teams.findAtStations(stations.map((s) => s.id));
    return {
      stations: stations.map((s) => ({ id: s.id, name: s.name })),
      communities: units
        .filter((u) => u.level === 'community')
        .map((c) => ({ id: c.id, name: c.name, stationName: names.get(c.parentId ?? 0) ?? '' })),
      teams: teams.map((t) => ({ id: t.id, name: t.name, stationName: names.get(t.stationId) ?? '' })),
      areas: units.filter((u) => u.level !== 'community').map((u) => ({ id: u.id, name: u.name, level: u.level })),
    };
  }

  async count(actor: Actor, target: AlertTarget): Promise<RecipientCountResponse> {
    const { volunteers } = await this.audience.resolve(actor, target);
    const phones = await this.reach.phones(volunteers.map((v) => v.id));
    return { count: volunteers.length, withPhone: [...phones.values()].filter(Boolean).length };
  }

  /** Sends a warning; the same `clientRequestId` again (or twice at once) answers with the warning already sent. */
  async send(actor: Actor, dto: SendAlertDto): Promise<AdminAlertResponse> {
    const before = await this.sentBefore(actor, dto.clientRequestId);
    if (before) return this.toAdmin(before);
    const target = await this.audience.resolve(actor, dto.target);
    if (target.volunteers.length === 0) throw new AppException('ALERT_NO_RECIPIENTS');
    const phones = dto.level === 'urgent' ? await this.reach.phones(target.volunteers.map((v) => v.id)) : null;
    const sender = actor.orgUnitId ? await this.org.findById(actor.orgUnitId) : null;
    let sent: { alert: Alert; notificationIds: number[] };
    try {
      sent = await this.ds.transaction(async (m) => {
        const alert = await this.insertAlert(m, actor, dto, target, sender?.name ?? '');
        const notificationIds = await this.insertRecipients(m, alert, target);
        if (phones) {
          await this.sms.enqueue(
            m,
            target.volunteers.map((v) => ({
              userId: v.userId,
              phone: phones.get(v.id) ?? null,
              template: 'early_warning' as const,
              params: [alert.senderUnitName.slice(0, 20), alert.title.slice(0, 20)],
              ref: alertSmsRef(alert.id),
            })),
          );
        }
        await this.audit.record(m, actor, {
          action: 'alert.send',
          targetType: 'alert',
          targetId: String(alert.id),
          after: {
            title: alert.title,
            level: alert.level,
            target: `${alert.targetKind}:${alert.targetId ?? ''}`,
            targetName: alert.targetName,
            recipients: alert.recipientCount,
          },
        });
        return { alert, notificationIds };
      });
    } catch (err) {
      // the same request twice at once: the unique (sender, request id) lets one in, the other answers with it
      const winner = isDuplicateKey(err) ? await this.sentBefore(actor, dto.clientRequestId) : null;
      if (winner) return this.toAdmin(winner);
      throw err;
    }
    const { alert, notificationIds } = sent;
    // pushes go out after the answer: a slow WeChat never holds the officer's request (the retry job is the net)
    void this.notifications.push(notificationIds).catch(() => undefined);
    return this.toAdmin(alert);
  }

  private sentBefore(actor: Actor, clientRequestId: string | undefined): Promise<Alert | null> {
    if (!clientRequestId) return Promise.resolve(null);
    return this.ds.getRepository(Alert).findOneBy({ senderUserId: actor.userId, clientRequestId });
  }

  async list(actor: Actor, q: PageQueryDto): Promise<AdminAlertPage> {
    const [rows, total] = await wherePathInScope(
      this.ds.getRepository(Alert).createQueryBuilder('a'),
      actor,
      'a.orgPath',
    )
      .orderBy('a.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const items: AdminAlertResponse[] = [];
    for (const a of rows) items.push(await this.toAdmin(a));
    return toPage(items, total, q);
  }

  async get(actor: Actor, id: number): Promise<AdminAlertResponse> {
    const alert = await this.ds.getRepository(Alert).findOneBy({ id });
    if (!alert || !isPathInScope(actor, alert.orgPath)) throw AppException.notFound();
    return this.toAdmin(alert);
  }

  private async insertAlert(
    m: EntityManager,
    actor: Actor,
    dto: SendAlertDto,
    target: ResolvedTarget,
    senderUnitName: string,
  ): Promise<Alert> {
    const repo = m.getRepository(Alert);
    return repo.save(
      repo.create({
        senderUserId: actor.userId,
        clientRequestId: dto.clientRequestId ?? null,
        senderName: actor.displayName.slice(0, 64),
        senderUnitName: senderUnitName.slice(0, 64),
        orgPath: target.orgPath,
        targetKind: target.kind,
        targetId: target.targetId,
        targetName: target.targetName.slice(0, 100),
        lat: dto.target.kind === 'radius' ? (dto.target.lat ?? null) : null,
        lng: dto.target.kind === 'radius' ? (dto.target.lng ?? null) : null,
        radiusM: dto.target.kind === 'radius' ? (dto.target.radiusM ?? null) : null,
        level: dto.level,
        title: dto.title.trim(),
        text: dto.text.trim(),
        recipientCount: target.volunteers.length,
        createdAt: this.clock.now(),
      }),
    );
  }

  /** One recipient row and one in-app message per volunteer, in batches; returns the messages' ids for the push. */
  private async insertRecipients(m: EntityManager, alert: Alert, target: ResolvedTarget): Promise<number[]> {
    const prefix = alert.level === 'urgent' ? '【紧急预警】' : '【预警】';
    const messageOf = await this.notifications.createForEach(
      m,
      target.volunteers.map((v) => v.userId),
      {
        template: 'alert_warning',
        title: `${prefix}${alert.title}`,
        body: alert.text,
        page: alertPage(alert.id),
        data: {
          thing1: alert.title.slice(0, 20),
          thing2: alert.senderUnitName.slice(0, 20) || '公安机关',
          phrase3: ALERT_LEVEL_LABELS[alert.level],
        },
      },
    );
    const rows = target.volunteers.map((v) => ({
      alertId: alert.id,
      userId: v.userId,
      volunteerId: v.id,
      notificationId: messageOf.get(v.userId) ?? null,
      readAt: null,
    }));
    for (let i = 0; i < rows.length; i += BATCH) await m.getRepository(AlertRecipient).insert(rows.slice(i, i + BATCH));
    return [...messageOf.values()];
  }

  private async toAdmin(a: Alert): Promise<AdminAlertResponse> {
    const repo = this.ds.getRepository(AlertRecipient);
    const read = await repo.countBy({ alertId: a.id, readAt: Not(IsNull()) });
    const recipients = await repo.find({ where: { alertId: a.id }, select: { id: true, notificationId: true } });
    const notificationIds = recipients.map((r) => r.notificationId).filter((x): x is number => x !== null);
    let pushed = 0;
    for (let i = 0; i < notificationIds.length; i += BATCH)
      pushed += await this.notifications.pushedCount(notificationIds.slice(i, i + BATCH));
    const sms = await this.sms.countsByRef(alertSmsRef(a.id));
    return {
      id: a.id,
      title: a.title,
      text: a.text,
      level: a.level,
      targetKind: a.targetKind,
      targetName: a.targetName,
      radiusM: a.radiusM,
      lat: a.lat,
      lng: a.lng,
      senderName: a.senderName,
      senderUnitName: a.senderUnitName,
      createdAt: a.createdAt.toISOString(),
      counts: {
        recipients: a.recipientCount,
        read,
        pushed,
        smsSent: sms.sent,
        smsPending: sms.pending,
        smsFailed: sms.failed + sms.skipped_limit,
      },
    };
  }
}
