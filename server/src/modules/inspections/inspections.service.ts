import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { INSPECTION_PHOTO_PURPOSE, type InspectionPage, type InspectionResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { UploadsService } from '../files/uploads.service.js';
import { OrgService } from '../org/org.service.js';
import { Inspection } from './inspection.entity.js';
import { InspectionMapper } from './inspection-mapper.js';
import type { InspectionQueryDto, RecordInspectionDto, RectifyInspectionDto } from './inspections.dto.js';

/** Open or company-confirmed with a deadline before today: the SQL twin of `isOverdue`. */
const OVERDUE_SQL = "(i.status IN ('open', 'confirmed') AND i.rectifyBy IS NOT NULL AND i.rectifyBy < :today)";

/**
 * The officers' side of company supervision (docs/supervision.md#inspections): record an inspection of a company in
 * their area, list and read them (scoped by the company's home station; another area's inspection is 404), flag
 * and count the overdue rectifications, record 整改完成. Each change is audited in its transaction.
 */
@Injectable()
export class InspectionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly companies: CompanyQueries,
    private readonly org: OrgService,
    private readonly uploads: UploadsService,
    private readonly mapper: InspectionMapper,
  ) {}

  async record(actor: Actor, dto: RecordInspectionDto): Promise<InspectionResponse> {
    const company = await this.companies.findById(dto.companyId);
    const station = company ? await this.org.findById(company.homeStationId) : null;
    if (!company || !station || !isPathInScope(actor, station.path))
      throw new AppException('INSPECTION_COMPANY_INVALID');
    const today = this.clock.today();
    if (dto.inspectedOn > today) throw new AppException('INSPECTION_DATE_INVALID');
    const findings = dto.findings?.trim() || null;
    const hasProblem = !!findings || dto.items.some((i) => i.result === 'problem');
    if (hasProblem && (!dto.rectifyBy || dto.rectifyBy < dto.inspectedOn))
      throw new AppException('INSPECTION_DEADLINE_REQUIRED');
    const now = this.clock.now();
    const photoIds = [...new Set(dto.photoIds ?? [])];
    const id = await this.ds.transaction(async (m) => {
      const repo = m.getRepository(Inspection);
      const row = await repo.save(
        repo.create({
          companyId: company.id,
          orgPath: station.path,
          orgUnitId: actor.orgUnitId ?? station.id,
          inspectedOn: dto.inspectedOn,
          inspectors: dto.inspectors,
          items: dto.items.map((i) => ({ item: i.item, result: i.result, note: i.note?.trim() || null })),
          findings,
          rectifyBy: hasProblem ? dto.rectifyBy! : null,
          photoIds,
          status: hasProblem ? 'open' : 'none',
          recordedByUserId: actor.userId,
          recordedByName: actor.displayName,
          recordedAt: now,
          rectifiedOn: null,
          rectifyNote: null,
          rectifiedByName: null,
          companyConfirmedAt: null,
          companyNote: null,
          updatedAt: now,
          version: 1,
        }),
      );
      await this.attach(m, actor, row.id, photoIds);
      await this.audit.record(m, actor, {
        action: 'inspection.record',
        targetType: 'inspection',
        targetId: String(row.id),
        orgUnitId: station.id,
        after: { companyId: company.id, status: row.status, rectifyBy: row.rectifyBy },
      });
      return row.id;
    });
    return this.get(actor, id);
  }

  async list(actor: Actor, q: InspectionQueryDto): Promise<InspectionPage> {
    const today = this.clock.today();
    const qb = this.scoped(actor);
    if (q.status) qb.andWhere('i.status = :status', { status: q.status });
    if (q.companyId) qb.andWhere('i.companyId = :companyId', { companyId: q.companyId });
    if (q.overdue) qb.andWhere(OVERDUE_SQL, { today });
    const [rows, total] = await qb
      .orderBy('i.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const overdueCount = await this.scoped(actor).andWhere(OVERDUE_SQL, { today }).getCount();
    return { items: await this.mapper.map(rows), total, page: q.page, pageSize: q.pageSize, overdueCount };
  }

  async get(actor: Actor, id: number): Promise<InspectionResponse> {
    return (await this.mapper.map([await this.loadInScope(actor, id)]))[0];
  }

  /** 整改完成: the station's record that the findings were put right (from 待整改 or after the company confirmed). */
  async rectify(actor: Actor, id: number, dto: RectifyInspectionDto): Promise<InspectionResponse> {
    const row = await this.loadInScope(actor, id);
    if (row.status === 'none') throw new AppException('INSPECTION_NOTHING_TO_RECTIFY');
    if (row.status === 'rectified') throw new AppException('INSPECTION_STATE_CHANGED');
    if (dto.rectifiedOn > this.clock.today() || dto.rectifiedOn < row.inspectedOn)
      throw new AppException('INSPECTION_RECTIFY_DATE_INVALID');
    await this.ds.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(Inspection)
        .set({
          status: 'rectified',
          rectifiedOn: dto.rectifiedOn,
          rectifyNote: dto.note,
          rectifiedByName: actor.displayName,
          updatedAt: this.clock.now(),
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id, version: row.version })
        .execute();
      if (!res.affected) throw new AppException('INSPECTION_STATE_CHANGED');
      await this.audit.record(m, actor, {
        action: 'inspection.rectify',
        targetType: 'inspection',
        targetId: String(id),
        orgUnitId: await this.stationIdOf(row),
        before: { status: row.status },
        after: { status: 'rectified', rectifiedOn: dto.rectifiedOn },
      });
    });
    return this.get(actor, id);
  }

  private scoped(actor: Actor): SelectQueryBuilder<Inspection> {
    return wherePathInScope(this.ds.getRepository(Inspection).createQueryBuilder('i'), actor, 'i.orgPath');
  }

  private async loadInScope(actor: Actor, id: number): Promise<Inspection> {
    const row = await this.scoped(actor).andWhere('i.id = :id', { id }).getOne();
    if (!row || !isPathInScope(actor, row.orgPath)) throw AppException.notFound();
    return row;
  }

  private async stationIdOf(row: Inspection): Promise<number | undefined> {
    return (await this.companies.findById(row.companyId))?.homeStationId;
  }

  /** Only the recorder's own unattached uploads of the photo purpose; anything else refuses the whole record. */
  private attach(m: EntityManager, actor: Actor, id: number, fileIds: string[]): Promise<void> {
    const target = {
      fileIds,
      ownerUserId: actor.userId,
      purpose: INSPECTION_PHOTO_PURPOSE,
      attachedTo: `inspection:${id}`,
    };
    return this.uploads.attachAll(m, target, 'INSPECTION_PHOTO_INVALID');
  }
}
