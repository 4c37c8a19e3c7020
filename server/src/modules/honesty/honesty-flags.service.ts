import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import type { HonestyFlagPage, HonestyFlagResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage } from '../../common/pagination.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { HonestyFlag } from './honesty-flag.entity.js';
import type { HonestyFlagQueryDto } from './honesty.dto.js';

/**
 * The branch's and the city's review of implausible records (docs/supervision.md#honesty): the flags of their area
 * (another area's flag is 404), newest first, and the dismissal with a reason (a conditional UPDATE on the open
 * status, audited in its transaction). The flags themselves are written by the `honesty-scan` job only.
 */
@Injectable()
export class HonestyFlagsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly org: OrgService,
  ) {}

  async list(actor: Actor, q: HonestyFlagQueryDto): Promise<HonestyFlagPage> {
    const qb = this.scoped(actor);
    if (q.status) qb.andWhere('f.status = :status', { status: q.status });
    if (q.kind) qb.andWhere('f.kind = :kind', { kind: q.kind });
    const [rows, total] = await qb
      .orderBy('f.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return toPage(await this.map(rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<HonestyFlagResponse> {
    return (await this.map([await this.load(actor, id)]))[0];
  }

  async dismiss(actor: Actor, id: number, reason: string): Promise<HonestyFlagResponse> {
    const row = await this.load(actor, id);
    if (row.status !== 'open') throw new AppException('HONESTY_FLAG_STATE_CHANGED');
    await this.ds.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(HonestyFlag)
        .set({
          status: 'dismissed',
          dismissReason: reason,
          dismissedByUserId: actor.userId,
          dismissedByName: actor.displayName,
          dismissedAt: this.clock.now(),
          version: () => 'version + 1',
        })
        .where("id = :id AND status = 'open' AND version = :version", { id, version: row.version })
        .execute();
      if (!res.affected) throw new AppException('HONESTY_FLAG_STATE_CHANGED');
      await this.audit.record(m, actor, {
        action: 'honesty.dismiss',
        targetType: 'honesty_flag',
        targetId: String(id),
        orgUnitId: row.orgUnitId,
        before: { status: 'open', kind: row.kind },
        after: { status: 'dismissed', reason },
      });
    });
    return this.get(actor, id);
  }

  private scoped(actor: Actor): SelectQueryBuilder<HonestyFlag> {
    return wherePathInScope(this.ds.getRepository(HonestyFlag).createQueryBuilder('f'), actor, 'f.orgPath');
  }

  private async load(actor: Actor, id: number): Promise<HonestyFlag> {
    const row = await this.scoped(actor).andWhere('f.id = :id', { id }).getOne();
    if (!row || !isPathInScope(actor, row.orgPath)) throw AppException.notFound();
    return row;
  }

  private async map(rows: HonestyFlag[]): Promise<HonestyFlagResponse[]> {
    const units = new Map(
      (await this.org.findByIds([...new Set(rows.map((r) => r.orgUnitId))])).map((u) => [u.id, u.name]),
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      summary: r.summary,
      links: r.links,
      orgUnitId: r.orgUnitId,
      orgUnitName: units.get(r.orgUnitId) ?? '',
      occurredAt: r.occurredAt.toISOString(),
      detectedAt: r.detectedAt.toISOString(),
      status: r.status,
      dismissReason: r.dismissReason,
      dismissedBy: r.dismissedByName,
      dismissedAt: r.dismissedAt?.toISOString() ?? null,
      version: r.version,
    }));
  }
}
