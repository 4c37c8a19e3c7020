import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { CallupDrawResponse, DrawInboxItem, DrawInboxPage } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { VolunteerReach } from '../volunteers/volunteer-reach.js';
import { CallupTargeting } from './callup-targeting.js';
import { CallupViews, toDrawResponse } from './callup-views.js';
import type { CreateDrawDto, DecideDrawDto } from './callups-admin.dto.js';
import { CallupsService } from './callups.service.js';
import { CallupDraw } from './entities/callup-draw.entity.js';
import { CallupRecipient } from './entities/callup-recipient.entity.js';
import { Callup } from './entities/callup.entity.js';

/**
 * Cross-area draws (抽调, docs/callups.md#cross-area-draw): the sender of an open call-up asks another branch for N
 * volunteers from its talent pool; they are picked when asked (active, with the skills and tier, not yet asked by
 * this call-up). The branch's officers (and the city) see the pending draws and decide once: accepting adds them to
 * the call-up as recipients and queues reaching them in the same transaction; declining needs a reason.
 */
@Injectable()
export class CallupDrawsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly audit: AuditService,
    private readonly targeting: CallupTargeting,
    private readonly views: CallupViews,
    private readonly callups: CallupsService,
    private readonly volunteers: VolunteerQueries,
    private readonly reach: VolunteerReach,
  ) {}

  async request(actor: Actor, callupId: number, dto: CreateDrawDto): Promise<CallupDrawResponse> {
    const c = await this.views.scoped(actor, callupId);
    this.assertOpen(c);
    const branch = await this.org.findById(dto.branchId);
    if (!branch || branch.level !== 'branch' || c.orgPath.startsWith(branch.path))
      throw new AppException('CALLUP_DRAW_BRANCH_INVALID');
    const asked = new Set(await this.recipientVolunteerIds(callupId));
    const pool = (await this.targeting.pool(branch, dto.skills ?? [], dto.tier ?? null)).filter(
      (v) => !asked.has(v.id),
    );
    const picked = pool.slice(0, dto.count).map((v) => v.id);
    if (picked.length === 0) throw new AppException('CALLUP_DRAW_EMPTY');
    const now = this.clock.now();
    const draw = await this.ds.transaction(async (m) => {
      const saved = await m.getRepository(CallupDraw).save(
        m.getRepository(CallupDraw).create({
          callupId,
          branchId: branch.id,
          branchName: branch.name,
          branchPath: branch.path,
          count: dto.count,
          skills: dto.skills ?? [],
          tier: dto.tier ?? null,
          volunteerIds: picked,
          status: 'pending',
          declineReason: null,
          requestedByUserId: actor.userId,
          requestedByName: actor.displayName,
          createdAt: now,
          decidedAt: null,
          decidedByUserId: null,
          decidedByName: null,
        }),
      );
      await this.audit.record(m, actor, {
        action: 'callup.draw.request',
        targetType: 'callup_draw',
        targetId: String(saved.id),
        orgUnitId: c.orgUnitId,
        after: { callupId, branch: branch.name, count: dto.count, picked: picked.length },
      });
      return saved;
    });
    return toDrawResponse(draw, c);
  }

  /** The pending draws asked of the branches in the actor's scope, oldest first, with the people they would send. */
  async inbox(actor: Actor, q: PageQueryDto): Promise<DrawInboxPage> {
    const qb = this.ds.getRepository(CallupDraw).createQueryBuilder('d').where("d.status = 'pending'");
    wherePathInScope(qb, actor, 'd.branchPath');
    const [rows, total] = await qb
      .orderBy('d.createdAt', 'ASC')
      .addOrderBy('d.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const callups = new Map(
      (rows.length ? await this.ds.getRepository(Callup).findBy({ id: In(rows.map((r) => r.callupId)) }) : []).map(
        (c) => [c.id, c],
      ),
    );
    const people = await this.volunteers.findByIds(rows.flatMap((r) => r.volunteerIds));
    const stations = new Map(
      (await this.org.findByIds([...new Set(people.map((p) => p.stationId).filter((x) => x !== null))])).map((u) => [
        u.id,
        u.name,
      ]),
    );
    const byId = new Map(people.map((p) => [p.id, p]));
    const items = rows.map((d): DrawInboxItem => {
      const c = callups.get(d.callupId)!;
      return {
        ...toDrawResponse(d, c),
        callup: {
          id: c.id,
          kind: c.kind,
          mode: c.mode,
          task: c.task,
          rallyAddress: c.rallyAddress,
          deadlineAt: c.deadlineAt.toISOString(),
          unitName: c.unitName,
        },
        volunteers: d.volunteerIds
          .map((id) => byId.get(id))
          .filter((v) => v !== undefined)
          .map((v) => ({
            volunteerId: v.id,
            name: v.name ?? '',
            stationName: (v.stationId && stations.get(v.stationId)) || '',
            tier: v.tier,
          })),
      };
    });
    return toPage(items, total, q);
  }

  async decide(actor: Actor, id: number, dto: DecideDrawDto): Promise<CallupDrawResponse> {
    const draw = await this.ds.getRepository(CallupDraw).findOneBy({ id });
    if (!draw || !isPathInScope(actor, draw.branchPath)) throw AppException.notFound();
    if (draw.status !== 'pending') throw new AppException('CALLUP_DRAW_DECIDED');
    const c = await this.ds.getRepository(Callup).findOneByOrFail({ id: draw.callupId });
    if (dto.decision === 'accept') this.assertOpen(c);
    if (dto.decision === 'decline' && !dto.reason)
      throw new AppException('VALIDATION_FAILED', [{ field: 'reason', message: '请填写拒绝原因' }]);
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      const done = await m.getRepository(CallupDraw).update(
        { id, status: 'pending' },
        {
          status: dto.decision === 'accept' ? 'accepted' : 'declined',
          declineReason: dto.decision === 'decline' ? dto.reason! : null,
          decidedAt: now,
          decidedByUserId: actor.userId,
          decidedByName: actor.displayName,
        },
      );
      if (done.affected !== 1) throw new AppException('CALLUP_DRAW_DECIDED');
      let added = 0;
      if (dto.decision === 'accept') {
        const asked = new Set(await this.recipientVolunteerIds(c.id));
        const active = (await this.reach.activeByIds(draw.volunteerIds)).filter((v) => !asked.has(v.id));
        added = await this.callups.addRecipients(m, c.id, active, 'draw', id, now);
      }
      await this.audit.record(m, actor, {
        action: 'callup.draw.decide',
        targetType: 'callup_draw',
        targetId: String(id),
        orgUnitId: draw.branchId,
        before: { status: 'pending' },
        after: { decision: dto.decision, reason: dto.reason ?? null, added },
      });
    });
    return toDrawResponse((await this.ds.getRepository(CallupDraw).findOneByOrFail({ id }))!, c);
  }

  private assertOpen(c: Callup): void {
    if (c.status !== 'open') throw new AppException('CALLUP_CLOSED');
    if (c.deadlineAt <= this.clock.now()) throw new AppException('CALLUP_DEADLINE_PASSED');
  }

  private async recipientVolunteerIds(callupId: number): Promise<number[]> {
    const rows = await this.ds
      .getRepository(CallupRecipient)
      .find({ where: { callupId }, select: { id: true, volunteerId: true } });
    return rows.map((r) => r.volunteerId);
  }
}
