import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { IncidentReportPage, IncidentReportResponse, IncidentStatus } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage } from '../../common/pagination.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { IncidentReport } from './entities/incident-report.entity.js';
import { IncidentMapper } from './incident-mapper.js';
import type { IncidentQueryDto } from './incidents.dto.js';

/**
 * The station's chain handles major-event reports (docs/disputes.md#major-event-reports): the list with the 超时报送
 * and 超时未受理 filters, 受理, 定性分类 and 处置情况, each a conditional UPDATE on the status and version read,
 * audited in its transaction. Another station's report is 404.
 */
@Injectable()
export class IncidentsAdminService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly mapper: IncidentMapper,
  ) {}

  async list(actor: Actor, q: IncidentQueryDto): Promise<IncidentReportPage> {
    const qb = wherePathInScope(this.ds.getRepository(IncidentReport).createQueryBuilder('r'), actor, 'r.orgPath');
    if (q.status) qb.andWhere('r.status = :status', { status: q.status });
    if (q.category) qb.andWhere('r.category = :category', { category: q.category });
    const overdue = "(r.status = 'received' AND r.acknowledgeDueAt < :now)";
    if (q.flag === 'late') qb.andWhere('r.late = 1');
    if (q.flag === 'unacknowledged') qb.andWhere(overdue, { now: this.clock.now() });
    if (q.flag === 'any') qb.andWhere(`(r.late = 1 OR ${overdue})`, { now: this.clock.now() });
    const [rows, total] = await qb
      .orderBy('r.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return toPage(await this.mapper.map(rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<IncidentReportResponse> {
    return (await this.mapper.map([await this.loadInScope(actor, id)]))[0];
  }

  acknowledge(actor: Actor, id: number): Promise<IncidentReportResponse> {
    const now = this.clock.now();
    return this.change(actor, id, 'acknowledge', ['received'], {
      status: 'acknowledged',
      acknowledgedAt: now,
      acknowledgedByUserId: actor.userId,
      acknowledgedByName: actor.displayName,
    });
  }

  classify(actor: Actor, id: number, classification: string): Promise<IncidentReportResponse> {
    return this.change(actor, id, 'classify', ['acknowledged', 'disposed'], { classification });
  }

  dispose(actor: Actor, id: number, disposal: string): Promise<IncidentReportResponse> {
    return this.change(actor, id, 'dispose', ['acknowledged', 'disposed'], {
      status: 'disposed',
      disposal,
      disposedAt: this.clock.now(),
    });
  }

  private async change(
    actor: Actor,
    id: number,
    action: 'acknowledge' | 'classify' | 'dispose',
    from: readonly IncidentStatus[],
    set: Partial<IncidentReport>,
  ): Promise<IncidentReportResponse> {
    const row = await this.loadInScope(actor, id);
    if (!from.includes(row.status)) throw new AppException('INCIDENT_STATE_CHANGED');
    await this.ds.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(IncidentReport)
        .set({ ...set, updatedAt: this.clock.now(), version: () => 'version + 1' })
        .where('id = :id AND status = :status AND version = :version', {
          id,
          status: row.status,
          version: row.version,
        })
        .execute();
      if (!res.affected) throw new AppException('INCIDENT_STATE_CHANGED');
      await this.audit.record(m, actor, {
        action: `incident.${action}`,
        targetType: 'incident_report',
        targetId: String(id),
        orgUnitId: row.stationId,
        before: { status: row.status },
        after: {
          status: set.status ?? row.status,
          ...(set.classification ? { classification: set.classification } : {}),
        },
      });
    });
    return this.get(actor, id);
  }

  private async loadInScope(actor: Actor, id: number): Promise<IncidentReport> {
    const row = await wherePathInScope(
      this.ds.getRepository(IncidentReport).createQueryBuilder('r'),
      actor,
      'r.orgPath',
    )
      .andWhere('r.id = :id', { id })
      .getOne();
    if (!row || !isPathInScope(actor, row.orgPath)) throw AppException.notFound();
    return row;
  }
}
