import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  addCalendarDays,
  hasPermission,
  PERMISSIONS,
  startOfBusinessDay,
  TIP_CATEGORY_LABELS,
  TIP_TRANSITIONS,
  type AdminTipPage,
  type AdminTipResponse,
  type TipAction,
  type TipMessageResponse,
  type TipSubmitterReveal,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toPage } from '../../common/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgService } from '../org/org.service.js';
import { UserQueries } from '../users/user-queries.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { TipMessage } from './entities/tip-message.entity.js';
import { Tip } from './entities/tip.entity.js';
import { TipMapper } from './tip-mapper.js';
import { isTipVisible, whereTipVisible } from './tip-scope.js';
import { recordTipEvent } from './tips.service.js';
import type { AdminTipQueryDto, AssignTipDto, TipMessageDto } from './tips.dto.js';

/** What a transition writes besides the status, and what the submitter is told (accept, close, reject, duplicate). */
interface TransitionPlan {
  set: Partial<Tip>;
  detail?: Record<string, unknown>;
  tell?: string;
}

/**
 * The police side of tips (docs/product.md#tips): the chain's list and detail with the submitter masked, each
 * status change a conditional UPDATE on the status and version read (two officers at once: one wins, the other
 * TIP_STATE_CHANGED), audited, with its trail entry; the audited reveal of the submitter; the staff thread.
 */
@Injectable()
export class TipsAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly org: OrgService,
    private readonly users: UserQueries,
    private readonly volunteers: VolunteerQueries,
    private readonly pii: PiiCipher,
    private readonly mapper: TipMapper,
  ) {}

  async list(actor: Actor, q: AdminTipQueryDto): Promise<AdminTipPage> {
    const qb = whereTipVisible(this.ds.getRepository(Tip).createQueryBuilder('t'), actor);
    if (q.status) qb.andWhere('t.status = :status', { status: q.status });
    if (q.category) qb.andWhere('t.category = :category', { category: q.category });
    if (q.urgency) qb.andWhere('t.urgency = :urgency', { urgency: q.urgency });
    if (q.stationId) qb.andWhere('t.orgUnitId = :stationId', { stationId: q.stationId });
    if (q.from) qb.andWhere('t.createdAt >= :from', { from: startOfBusinessDay(q.from, this.clock.zone) });
    if (q.to) qb.andWhere('t.createdAt < :to', { to: startOfBusinessDay(addCalendarDays(q.to, 1), this.clock.zone) });
    const [rows, total] = await qb
      .orderBy('t.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const items = (await this.mapper.admin(rows)).map(({ events: _e, photos: _p, ...rest }) => rest);
    return toPage(items, total, q);
  }

  async get(actor: Actor, id: number): Promise<AdminTipResponse> {
    return (await this.mapper.admin([await this.loadVisible(actor, id)], true))[0];
  }

  accept(actor: Actor, id: number): Promise<AdminTipResponse> {
    return this.transition(actor, id, 'accept', () =>
      Promise.resolve({ set: { acceptedAt: this.clock.now() }, tell: '您提交的线索已被受理，民警正在处理。' }),
    );
  }

  start(actor: Actor, id: number): Promise<AdminTipResponse> {
    return this.transition(actor, id, 'start', () => Promise.resolve({ set: {} }));
  }

  close(actor: Actor, id: number, result: string): Promise<AdminTipResponse> {
    return this.transition(actor, id, 'close', () =>
      Promise.resolve({
        set: { result: result.trim(), closedAt: this.clock.now() },
        tell: `您提交的线索已办结：${result.trim()}`,
      }),
    );
  }

  reject(actor: Actor, id: number, reason: string): Promise<AdminTipResponse> {
    return this.transition(actor, id, 'reject', () =>
      Promise.resolve({
        set: { rejectReason: reason.trim(), closedAt: this.clock.now() },
        tell: `您提交的线索未被采纳：${reason.trim()}`,
      }),
    );
  }

  duplicate(actor: Actor, id: number, originalId: number): Promise<AdminTipResponse> {
    return this.transition(actor, id, 'duplicate', async (tip) => {
      const original = await whereTipVisible(this.ds.getRepository(Tip).createQueryBuilder('t'), actor)
        .andWhere('t.id = :originalId AND t.orgUnitId = :unit AND t.status <> :dup', {
          originalId,
          unit: tip.orgUnitId,
          dup: 'duplicate',
        })
        .getOne();
      if (!original || original.id === tip.id) throw new AppException('TIP_DUPLICATE_INVALID');
      return {
        set: { duplicateOfId: original.id, closedAt: this.clock.now() },
        detail: { originalId: original.id },
        tell: '您提交的线索与已有线索重复，已合并处理，感谢您的反映。',
      };
    });
  }

  /** To a unit of the chain (the station, its communities, its branch, the city) or one of its tip handlers. */
  assign(actor: Actor, id: number, dto: AssignTipDto): Promise<AdminTipResponse> {
    return this.transition(actor, id, 'assign', async (tip) => {
      let unitId = dto.orgUnitId ?? null;
      if (dto.userId) {
        const user = await this.users.findById(dto.userId);
        if (!user?.orgUnitId || (unitId !== null && unitId !== user.orgUnitId))
          throw new AppException('TIP_ASSIGNEE_INVALID');
        const handlers = await this.users.activeWithAnyRoleAt(user.orgUnitId, PERMISSIONS['tips.handle']);
        if (!handlers.some((u) => u.id === user.id)) throw new AppException('TIP_ASSIGNEE_INVALID');
        unitId = user.orgUnitId;
      }
      const unit = unitId ? await this.org.findById(unitId) : null;
      if (!unit || !(tip.orgPath.startsWith(unit.path) || unit.path.startsWith(tip.orgPath)))
        throw new AppException('TIP_ASSIGNEE_INVALID');
      return {
        set: { assignedOrgUnitId: unit.id, assignedOrgPath: unit.path, assignedUserId: dto.userId ?? null },
        detail: { orgUnitId: unit.id, userId: dto.userId ?? null },
      };
    });
  }

  /** The submitter's name and phone in full, for officers allowed to reveal personal data; audited. */
  async revealSubmitter(actor: Actor, id: number): Promise<TipSubmitterReveal> {
    const tip = await this.loadVisible(actor, id);
    if (!hasPermission(actor.staffRoles, 'pii.reveal')) throw AppException.forbidden();
    const v = await this.volunteers.findById(tip.volunteerId);
    if (!v) throw AppException.notFound();
    await this.audit.record(this.ds.manager, actor, {
      action: 'tip.reveal_submitter',
      targetType: 'tip',
      targetId: String(tip.id),
      orgUnitId: tip.orgUnitId,
      after: { fields: ['name', 'phone'], volunteerId: v.id },
    });
    // the volunteer record's phone, else the one the person verified through WeChat
    const phoneEnc = v.phoneEnc ?? (await this.users.findById(tip.submitterUserId))?.phoneEnc ?? null;
    return { name: v.name ?? '', phone: this.pii.decrypt(phoneEnc), memberNo: v.memberNo };
  }

  async messages(actor: Actor, id: number): Promise<TipMessageResponse[]> {
    const tip = await this.loadVisible(actor, id);
    const rows = await this.ds.getRepository(TipMessage).find({ where: { tipId: tip.id }, order: { id: 'ASC' } });
    return this.mapper.messages(tip, rows, true);
  }

  async postMessage(actor: Actor, id: number, dto: TipMessageDto): Promise<TipMessageResponse[]> {
    const tip = await this.loadVisible(actor, id);
    const internal = dto.internal ?? false;
    const text = dto.text.trim();
    const pushed: number[] = [];
    await this.ds.transaction(async (m) => {
      await m.getRepository(TipMessage).insert({
        tipId: tip.id,
        fromStaff: true,
        internal,
        authorUserId: actor.userId,
        text,
        createdAt: this.clock.now(),
      });
      // a reply reaches the submitter in the app as from 民警, never by name; an internal note never does
      if (!internal) pushed.push(await this.tellSubmitter(m, tip, `民警：${text}`, '民警回复了您的线索'));
    });
    await this.notifications.push(pushed);
    return this.messages(actor, id);
  }

  private async loadVisible(actor: Actor, id: number): Promise<Tip> {
    const tip = await whereTipVisible(this.ds.getRepository(Tip).createQueryBuilder('t'), actor)
      .andWhere('t.id = :id', { id })
      .getOne();
    if (!tip || !isTipVisible(actor, tip)) throw AppException.notFound();
    return tip;
  }

  private async transition(
    actor: Actor,
    id: number,
    action: TipAction,
    plan: (tip: Tip) => Promise<TransitionPlan>,
  ): Promise<AdminTipResponse> {
    const tip = await this.loadVisible(actor, id);
    const spec = TIP_TRANSITIONS[action];
    if (!(spec.from as readonly string[]).includes(tip.status)) throw new AppException('TIP_STATE_CHANGED');
    const { set, detail, tell } = await plan(tip);
    const now = this.clock.now();
    const pushed: number[] = [];
    await this.ds.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(Tip)
        .set({ ...set, status: spec.to, updatedAt: now, version: () => 'version + 1' })
        .where('id = :id AND status = :status AND version = :version', {
          id,
          status: tip.status,
          version: tip.version,
        })
        .execute();
      if (!res.affected) throw new AppException('TIP_STATE_CHANGED');
      await recordTipEvent(m, { tipId: id, action, fromStatus: tip.status, toStatus: spec.to, actor, now }, detail);
      await this.audit.record(m, actor, {
        action: `tip.${action}`,
        targetType: 'tip',
        targetId: String(id),
        orgUnitId: tip.orgUnitId,
        before: { status: tip.status },
        after: { status: spec.to, ...(detail ?? {}) },
      });
      if (tell) pushed.push(await this.tellSubmitter(m, tip, tell));
    });
    await this.notifications.push(pushed);
    return this.get(actor, id);
  }

  private tellSubmitter(m: EntityManager, tip: Tip, body: string, title?: string): Promise<number> {
    return this.notifications.create(m, {
      userId: tip.submitterUserId,
      template: 'tip_result',
      title: title ?? `线索处理进展：${TIP_CATEGORY_LABELS[tip.category]}`,
      body,
      page: `pages/tips/detail?id=${tip.id}`,
    });
  }
}
