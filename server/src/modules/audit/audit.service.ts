import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type EntityManager } from 'typeorm';
import type { AuditAction, AuditLogResponse, AuditTargetType, Page } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { currentRequestId } from '../../common/logging/request-context.js';
import { wherePathInScope } from '../../common/scope/org-scope.js';
import { toPage } from '../../common/pagination.js';
import { OrgService } from '../org/org.service.js';
import { AuditLog } from './audit-log.entity.js';
import type { AuditQueryDto } from './audit-query.dto.js';
import { Clock } from '../../common/clock/clock.js';

export interface AuditEntry {
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  /** Org unit the action concerns; decides who may read the entry. Defaults to the actor's unit. */
  orgUnitId?: number | null;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

/**
 * Append-only: this service only inserts. Callers pass their transaction's manager so the entry
 * is written together with the change it describes, or not at all.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditLog) private readonly logs: Repository<AuditLog>,
    private readonly clock: Clock,
    private readonly org: OrgService,
  ) {}

  async record(manager: EntityManager, actor: Actor, entry: AuditEntry): Promise<void> {
    const orgUnitId = entry.orgUnitId ?? actor.orgUnitId;
    const unit = orgUnitId ? await this.org.findById(orgUnitId, manager) : null;
    const repo = manager.getRepository(AuditLog);
    await repo.save(
      repo.create({
        actorId: actor.userId,
        actorName: actor.displayName,
        actorRoles: actor.staffRoles,
        orgUnitId: unit?.id ?? null,
        orgPath: unit?.path ?? actor.orgPath ?? '/',
        action: entry.action,
        targetType: entry.targetType,
        targetId: entry.targetId ?? null,
        before: entry.before ?? null,
        after: entry.after ?? null,
        ip: actor.ip,
        requestId: currentRequestId() ?? null,
        createdAt: this.clock.now(),
      }),
    );
  }

  async list(actor: Actor, q: AuditQueryDto): Promise<Page<AuditLogResponse>> {
    const qb = wherePathInScope(this.logs.createQueryBuilder('a'), actor, 'a.orgPath');
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.targetType) qb.andWhere('a.targetType = :targetType', { targetType: q.targetType });
    const [rows, total] = await qb
      .orderBy('a.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return toPage(rows.map(toAuditResponse), total, q);
  }
}

export function toAuditResponse(a: AuditLog): AuditLogResponse {
  return {
    id: a.id,
    actorId: a.actorId,
    actorName: a.actorName,
    actorRoles: a.actorRoles,
    orgUnitId: a.orgUnitId,
    action: a.action,
    targetType: a.targetType,
    targetId: a.targetId,
    before: a.before,
    after: a.after,
    ip: a.ip,
    requestId: a.requestId,
    createdAt: a.createdAt.toISOString(),
  };
}
