import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  CALLUP_PHOTO_PURPOSE,
  distanceMeters,
  type CallupItemReport,
  type CallupQrResponse,
  type MyCallupPage,
  type MyCallupResponse,
  type WartimeBanner,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { activitiesConfig, type ActivitiesConfig } from '../../config/activities.config.js';
import { callupsConfig, type CallupsConfig } from '../../config/callups.config.js';
import { UploadsService } from '../files/uploads.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgService } from '../org/org.service.js';
import { PointsLedgerService } from '../points/points-ledger.service.js';
import { TeamQueries } from '../teams/team-queries.js';
import { WartimeQueries } from '../wartime/wartime-queries.js';
import { CallupQrCodes } from './callup-qr.js';
import { Callup } from './entities/callup.entity.js';
import { CallupRecipient } from './entities/callup-recipient.entity.js';
import type { CallupAnswerDto, CallupArriveDto, CallupReportDto } from './callup-responses.dto.js';
import { toMyCallup, toMyCallupSummary } from './callup-responses.mapper.js';

const QR_REFUSALS = {
  invalid: 'CALLUP_QR_INVALID',
  expired: 'CALLUP_QR_INVALID',
  wrong_callup: 'CALLUP_QR_INVALID',
} as const;

/** What a photo of a report is attached to (the `callup_photo` read policy reads it back). */
export const reportPhotoOwner = (recipientId: number): string => `callup-recipient:${recipientId}`;

/**
 * A guard's side of a call-up (docs/callups.md#answers-arrival-and-feedback): my call-ups, accept or decline once
 * before the deadline, arrive by location or the rotating QR after accepting, one feedback report after arriving,
 * which credits the call-up's points once. Every step is a conditional UPDATE on the recipient's status, so a
 * repeated or simultaneous request changes nothing twice; someone who is not a recipient gets 404.
 */
@Injectable()
export class CallupResponsesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(callupsConfig.KEY) private readonly config: CallupsConfig,
    @Inject(activitiesConfig.KEY) private readonly activities: ActivitiesConfig,
    private readonly clock: Clock,
    private readonly ledger: PointsLedgerService,
    private readonly notifications: NotificationsService,
    private readonly uploads: UploadsService,
    private readonly org: OrgService,
    private readonly teams: TeamQueries,
    private readonly qr: CallupQrCodes,
    private readonly wartime: WartimeQueries,
  ) {}

  /** Open call-ups (before their deadline) first, then the past ones; newest first within each. */
  async list(actor: Actor, q: PageQueryDto): Promise<MyCallupPage> {
    const base = this.ds
      .getRepository(CallupRecipient)
      .createQueryBuilder('r')
      .innerJoin(Callup, 'c', 'c.id = r.callupId')
      .where('r.userId = :userId', { userId: actor.userId });
    const total = await base.getCount();
    const ids = await base
      .clone()
      .select('r.id', 'id')
      .addSelect(`CASE WHEN c.status = 'open' AND c.deadlineAt > :now THEN 0 ELSE 1 END`, 'past')
      .setParameter('now', this.clock.now())
      .orderBy('past', 'ASC')
      .addOrderBy('c.createdAt', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawMany<{ id: number | string }>();
    const order = ids.map((row) => Number(row.id));
    if (!order.length) return toPage([], total, q);
    const recipients = await this.ds.getRepository(CallupRecipient).findBy({ id: In(order) });
    const callups = await this.ds
      .getRepository(Callup)
      .findBy({ id: In([...new Set(recipients.map((r) => r.callupId))]) });
    const units = await this.unitNames(callups.map((c) => c.orgUnitId));
    const byId = new Map(callups.map((c) => [c.id, c]));
    const byRecipient = new Map(recipients.map((r) => [r.id, r]));
    const items = order.map((id) => {
      const r = byRecipient.get(id)!;
      const c = byId.get(r.callupId)!;
      return toMyCallupSummary(c, r, units.get(c.orgUnitId) ?? '');
    });
    return toPage(items, total, q);
  }

  async detail(actor: Actor, callupId: number): Promise<MyCallupResponse> {
    const { c, r } = await this.mine(actor, callupId);
    return this.view(actor, c, r);
  }

  async answer(actor: Actor, callupId: number, dto: CallupAnswerDto): Promise<MyCallupResponse> {
    const { c, r } = await this.mine(actor, callupId);
    const now = this.clock.now();
    if (r.status !== 'asked') throw new AppException('CALLUP_ALREADY_ANSWERED', { status: r.status });
    if (c.status !== 'open') throw new AppException('CALLUP_CLOSED');
    if (now > c.deadlineAt)
      throw new AppException('CALLUP_DEADLINE_PASSED', { deadlineAt: c.deadlineAt.toISOString() });
    const change =
      dto.answer === 'accept'
        ? { status: 'accepted' as const, acceptedAt: now }
        : { status: 'declined' as const, declinedAt: now, declineReason: dto.reason || null };
    const res = await this.ds.getRepository(CallupRecipient).update({ id: r.id, status: 'asked' }, change);
    if (!res.affected) throw new AppException('CALLUP_ALREADY_ANSWERED');
    return this.detail(actor, callupId);
  }

  /** Arrival after accepting: within the rally radius by location, or with the rotating QR shown on the spot. */
  async arrive(actor: Actor, callupId: number, dto: CallupArriveDto): Promise<MyCallupResponse> {
    const { c, r } = await this.mine(actor, callupId);
    const now = this.clock.now();
    if (r.status === 'arrived' || r.status === 'reported') throw new AppException('CALLUP_ALREADY_ARRIVED');
    if (r.status !== 'accepted') throw new AppException('CALLUP_NOT_ACCEPTED', { status: r.status });
    if (c.status !== 'open') throw new AppException('CALLUP_CLOSED');
    let arrivedBy: 'location' | 'qr';
    if (dto.token !== undefined) {
      const verdict = this.qr.verify(dto.token, c.id);
      if (verdict !== 'ok') throw new AppException(QR_REFUSALS[verdict], { reason: verdict });
      arrivedBy = 'qr';
    } else {
      if (dto.lat === undefined || dto.lng === undefined)
        throw new AppException('VALIDATION_FAILED', { fields: ['lat', 'lng', 'token'] });
      const distanceM = Math.round(
        distanceMeters({ lat: dto.lat, lng: dto.lng }, { lat: c.rallyLat, lng: c.rallyLng }),
      );
      if (distanceM > c.rallyRadiusM) throw new AppException('CALLUP_TOO_FAR', { distanceM, radiusM: c.rallyRadiusM });
      arrivedBy = 'location';
    }
    const res = await this.ds
      .getRepository(CallupRecipient)
      .update({ id: r.id, status: 'accepted' }, { status: 'arrived', arrivedAt: now, arrivedBy });
    if (!res.affected) throw new AppException('CALLUP_ALREADY_ARRIVED');
    return this.detail(actor, callupId);
  }

  /**
   * The feedback report, once, after arriving: text and photos, and for a 摸排 call-up a result for every item.
   * In one transaction: the recipient moves to `reported` (a conditional UPDATE: of simultaneous reports one wins,
   * the others are refused), the photos are attached, and the points are posted with the idempotency key
   * `callup-report:<recipientId>`, so the call-up credits a person once whatever happens.
   */
  async report(actor: Actor, callupId: number, dto: CallupReportDto): Promise<MyCallupResponse> {
    const { c, r } = await this.mine(actor, callupId);
    if (r.status === 'reported') throw new AppException('CALLUP_ALREADY_REPORTED');
    if (r.status !== 'arrived') throw new AppException('CALLUP_NOT_ARRIVED', { status: r.status });
    const items = this.checkItems(c, dto.items ?? []);
    const photoIds = [...new Set(dto.photoIds ?? [])];
    const now = this.clock.now();
    const notificationId = await this.ds.transaction(async (m) => {
      const res = await m
        .getRepository(CallupRecipient)
        .update(
          { id: r.id, status: 'arrived' },
          { status: 'reported', reportedAt: now, reportText: dto.text, reportPhotoIds: photoIds, reportItems: items },
        );
      if (!res.affected) throw new AppException('CALLUP_ALREADY_REPORTED');
      const allPhotos = new Set([...photoIds, ...items.flatMap((i) => i.photoIds ?? [])]);
      await this.attachPhotos(m, actor, r.id, [...allPhotos]);
      return this.credit(m, c, r);
    });
    if (notificationId) await this.notifications.push([notificationId]);
    return this.detail(actor, callupId);
  }

  /** The rotating QR on the phone of a leader of the call-up's targeted team (404 for anyone else). */
  async leaderQr(actor: Actor, callupId: number): Promise<CallupQrResponse> {
    const c = await this.ds.getRepository(Callup).findOneBy({ id: callupId });
    if (!c || !(await this.leads(actor, c))) throw AppException.notFound();
    return this.qr.mint(c);
  }

  /** Points for the call-up (× the war-time factor in war-time mode), once per recipient. */
  private async credit(m: EntityManager, c: Callup, r: CallupRecipient): Promise<number | null> {
    const pct = c.mode === 'wartime' ? this.activities.wartimePointsPct : 100;
    const amount = Math.round((this.config.points * pct) / 100);
    const credit = await this.ledger.post(m, {
      userId: r.userId,
      volunteerId: r.volunteerId,
      type: 'callup',
      amount,
      sourceType: 'callup_recipient',
      sourceId: String(r.id),
      description: `完成调度指令：${c.title}`,
      idempotencyKey: `callup-report:${r.id}`,
      awardingOrgId: c.orgUnitId,
      awardingOrgPath: c.orgPath,
    });
    if (!credit.posted) return null;
    await m.getRepository(CallupRecipient).update({ id: r.id }, { pointsAwarded: credit.entry.amount });
    return credit.notificationId;
  }

  /** 摸排: exactly one result for each listed item; an ordinary call-up takes none. */
  private checkItems(c: Callup, given: CallupItemReport[]): CallupItemReport[] {
    const listed = c.kind === 'verification' ? c.items : [];
    const ids = new Set(listed.map((i) => i.id));
    const seen = new Set<number>();
    for (const g of given) {
      if (!ids.has(g.itemId) || seen.has(g.itemId))
        throw new AppException('CALLUP_REPORT_ITEMS_INVALID', { itemId: g.itemId });
      seen.add(g.itemId);
    }
    const missing = listed.filter((i) => !seen.has(i.id)).map((i) => i.id);
    if (missing.length) throw new AppException('CALLUP_REPORT_ITEMS_INVALID', { missing });
    return given.map((g) => ({
      itemId: g.itemId,
      result: g.result,
      ...(g.note ? { note: g.note } : {}),
      ...(g.photoIds?.length ? { photoIds: [...new Set(g.photoIds)] } : {}),
    }));
  }

  /** Only the reporter's own unattached callup_photo uploads; anything else refuses the whole report. */
  private attachPhotos(m: EntityManager, actor: Actor, recipientId: number, ids: string[]): Promise<void> {
    const target = {
      fileIds: ids,
      ownerUserId: actor.userId,
      purpose: CALLUP_PHOTO_PURPOSE,
      attachedTo: reportPhotoOwner(recipientId),
    };
    return this.uploads.attachAll(m, target, 'CALLUP_PHOTO_INVALID');
  }

  private async mine(actor: Actor, callupId: number): Promise<{ c: Callup; r: CallupRecipient }> {
    const r = await this.ds.getRepository(CallupRecipient).findOneBy({ callupId, userId: actor.userId });
    const c = r && (await this.ds.getRepository(Callup).findOneBy({ id: callupId }));
    if (!r || !c) throw AppException.notFound();
    return { c, r };
  }

  private async view(actor: Actor, c: Callup, r: CallupRecipient): Promise<MyCallupResponse> {
    const fresh = await this.ds.getRepository(CallupRecipient).findOneByOrFail({ id: r.id });
    const units = await this.unitNames([c.orgUnitId]);
    const view = toMyCallup(
      c,
      fresh,
      units.get(c.orgUnitId) ?? '',
      c.status === 'open' && (await this.leads(actor, c)),
    );
    return { ...view, wartime: await this.banner(c) };
  }

  /** The war-time state active now over the call-up's target area (the banner on the guard's page), if any. */
  private async banner(c: Callup): Promise<WartimeBanner | null> {
    const area = await this.org.findById(c.target.unitId);
    const state = area ? await this.wartime.activeFor(area.path, this.clock.now()) : null;
    if (!state) return null;
    const { id, areaName, leadUnitName, reason } = state;
    return {
      id,
      areaName,
      leadUnitName,
      reason,
      startsAt: state.startsAt.toISOString(),
      endsAt: state.endsAt.toISOString(),
    };
  }

  private async leads(actor: Actor, c: Callup): Promise<boolean> {
    const teamId = c.target.teamId;
    return !!teamId && (await this.teams.isLeaderUser(teamId, actor.userId));
  }

  private async unitNames(ids: number[]): Promise<Map<number, string>> {
    const units = await this.org.findByIds([...new Set(ids)]);
    return new Map(units.map((u) => [u.id, u.name]));
  }
}
