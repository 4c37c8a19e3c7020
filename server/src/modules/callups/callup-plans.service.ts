import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  CALLUP_RALLY_RADIUS_DEFAULT_M,
  type CallupPlanPage,
  type CallupPlanResponse,
  type CallupResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { CallupTargeting } from './callup-targeting.js';
import type { CallupPlanDto, CreateCallupDto, LaunchPlanDto } from './callups-admin.dto.js';
import { CallupsService } from './callups.service.js';
import { CallupPlan } from './entities/callup-plan.entity.js';

/**
 * Response plans (预案, docs/callups.md#plans): saved call-ups owned by the officer's unit, read and changed by the
 * staff whose scope holds that unit (else 404), launched in one step with whatever was changed before sending.
 */
@Injectable()
export class CallupPlansService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly audit: AuditService,
    private readonly targeting: CallupTargeting,
    private readonly callups: CallupsService,
  ) {}

  async list(actor: Actor, q: PageQueryDto): Promise<CallupPlanPage> {
    const qb = this.ds.getRepository(CallupPlan).createQueryBuilder('p');
    wherePathInScope(qb, actor, 'p.ownerPath');
    const [rows, total] = await qb
      .orderBy('p.name', 'ASC')
      .addOrderBy('p.id', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return toPage(rows.map(toPlanResponse), total, q);
  }

  async get(actor: Actor, id: number): Promise<CallupPlanResponse> {
    return toPlanResponse(await this.scoped(actor, id));
  }

  async create(actor: Actor, dto: CallupPlanDto): Promise<CallupPlanResponse> {
    const owner = actor.orgUnitId ? await this.org.findById(actor.orgUnitId) : null;
    if (!owner) throw AppException.forbidden();
    const fields = await this.fields(actor, dto);
    const now = this.clock.now();
    const id = await this.write(async () =>
      this.ds.transaction(async (m) => {
        const saved = await m.getRepository(CallupPlan).save(
          m.getRepository(CallupPlan).create({
            ...fields,
            ownerUnitId: owner.id,
            ownerUnitName: owner.name,
            ownerPath: owner.path,
            createdByUserId: actor.userId,
            createdAt: now,
            updatedAt: now,
          }),
        );
        await this.audit.record(m, actor, {
          action: 'callup.plan.create',
          targetType: 'callup_plan',
          targetId: String(saved.id),
          orgUnitId: owner.id,
          after: { name: saved.name, kind: saved.kind },
        });
        return saved.id;
      }),
    );
    return this.get(actor, id);
  }

  async update(actor: Actor, id: number, dto: CallupPlanDto): Promise<CallupPlanResponse> {
    const before = await this.scoped(actor, id);
    const fields = await this.fields(actor, dto);
    await this.write(() =>
      this.ds.transaction(async (m) => {
        await m.getRepository(CallupPlan).update({ id }, { ...fields, updatedAt: this.clock.now() });
        await this.audit.record(m, actor, {
          action: 'callup.plan.update',
          targetType: 'callup_plan',
          targetId: String(id),
          orgUnitId: before.ownerUnitId,
          before: { name: before.name, title: before.title },
          after: { name: fields.name, title: fields.title },
        });
      }),
    );
    return this.get(actor, id);
  }

  async remove(actor: Actor, id: number): Promise<void> {
    const plan = await this.scoped(actor, id);
    await this.ds.transaction(async (m) => {
      await m.getRepository(CallupPlan).delete({ id });
      await this.audit.record(m, actor, {
        action: 'callup.plan.delete',
        targetType: 'callup_plan',
        targetId: String(id),
        orgUnitId: plan.ownerUnitId,
        before: { name: plan.name },
      });
    });
  }

  /** Sends the plan as a call-up now: its saved content, with the overrides the officer made before sending. */
  async launch(actor: Actor, id: number, dto: LaunchPlanDto): Promise<CallupResponse> {
    const plan = await this.scoped(actor, id);
    const o = dto.overrides ?? {};
    const saved = toPlanResponse(plan);
    const deadline = o.deadlineAt ?? new Date(this.clock.nowMs() + plan.deadlineMinutes * 60_000).toISOString();
    const input: CreateCallupDto = {
      requestId: dto.requestId,
      kind: plan.kind,
      mode: o.mode ?? plan.mode ?? undefined,
      title: o.title ?? plan.title,
      task: o.task ?? plan.task,
      rally: o.rally ?? { address: plan.rallyAddress, lat: plan.rallyLat, lng: plan.rallyLng },
      rallyRadiusM: o.rallyRadiusM ?? plan.rallyRadiusM,
      deadlineAt: deadline,
      target: o.target ?? plan.target,
      wanted: o.wanted !== undefined ? o.wanted : plan.wanted,
      items: o.items ?? (saved.items.length ? saved.items.map((i) => i.label) : undefined),
    };
    return this.callups.create(actor, input, plan.id);
  }

  private async scoped(actor: Actor, id: number): Promise<CallupPlan> {
    const plan = await this.ds.getRepository(CallupPlan).findOneBy({ id });
    if (!plan || !isPathInScope(actor, plan.ownerPath)) throw AppException.notFound();
    return plan;
  }

  /** A plan's content checked as a call-up would be: the target in scope, 摸排 items only for 摸排. */
  private async fields(actor: Actor, dto: CallupPlanDto) {
    if ((dto.kind === 'verification') !== (dto.items?.length ?? 0) > 0) throw new AppException('CALLUP_ITEMS_INVALID');
    const target = await this.targeting.resolve(actor, dto.target);
    return {
      name: dto.name,
      kind: dto.kind,
      mode: dto.mode ?? null,
      target: dto.target,
      targetName: target.targetName,
      wanted: dto.wanted ?? null,
      title: dto.title,
      task: dto.task,
      rallyAddress: dto.rally.address,
      rallyLat: dto.rally.lat,
      rallyLng: dto.rally.lng,
      rallyRadiusM: dto.rallyRadiusM ?? CALLUP_RALLY_RADIUS_DEFAULT_M,
      deadlineMinutes: dto.deadlineMinutes,
      items: (dto.items ?? []).map((label, i) => ({ id: i + 1, label })),
    };
  }

  private async write<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (isDuplicateKey(e)) throw new AppException('CALLUP_PLAN_NAME_TAKEN');
      throw e;
    }
  }
}

export function toPlanResponse(p: CallupPlan): CallupPlanResponse {
  return {
    id: p.id,
    ownerUnitId: p.ownerUnitId,
    ownerUnitName: p.ownerUnitName,
    name: p.name,
    kind: p.kind,
    mode: p.mode,
    target: p.target,
    targetName: p.targetName,
    wanted: p.wanted,
    title: p.title,
    task: p.task,
    rally: { address: p.rallyAddress, lat: p.rallyLat, lng: p.rallyLng, radiusM: p.rallyRadiusM },
    deadlineMinutes: p.deadlineMinutes,
    items: p.items ?? [],
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}
