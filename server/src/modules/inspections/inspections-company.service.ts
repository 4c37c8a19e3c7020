import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import type { InspectionPage, InspectionResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import type { PageQueryDto } from '../../common/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { CompaniesService } from '../companies/companies.service.js';
import { Inspection } from './inspection.entity.js';
import { isOverdue, InspectionMapper } from './inspection-mapper.js';

/**
 * The company manager's side (docs/supervision.md#inspections): the findings about their own company only (another
 * company's inspection is 404), and the confirmation that they have been put right, with a note (audited).
 */
@Injectable()
export class InspectionsCompanyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly companies: CompaniesService,
    private readonly mapper: InspectionMapper,
  ) {}

  /** Inspections with something to put right, the open ones first. */
  async list(actor: Actor, q: PageQueryDto): Promise<InspectionPage> {
    const company = await this.companies.forManager(actor);
    const where = { companyId: company.id, status: Not(In(['none'])) };
    const [rows, total] = await this.ds.getRepository(Inspection).findAndCount({
      where,
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    const open = await this.ds.getRepository(Inspection).find({
      where: { companyId: company.id, status: In(['open', 'confirmed']) },
      select: { id: true, status: true, rectifyBy: true },
    });
    const today = this.clock.today();
    const items = await this.mapper.map(rows);
    items.sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
    return {
      items,
      total,
      page: q.page,
      pageSize: q.pageSize,
      overdueCount: open.filter((r) => isOverdue(r, today)).length,
    };
  }

  async get(actor: Actor, id: number): Promise<InspectionResponse> {
    return (await this.mapper.map([await this.load(actor, id)]))[0];
  }

  async confirm(actor: Actor, id: number, note: string): Promise<InspectionResponse> {
    const row = await this.load(actor, id);
    if (row.status === 'none') throw new AppException('INSPECTION_NOTHING_TO_RECTIFY');
    if (row.companyConfirmedAt) throw new AppException('INSPECTION_STATE_CHANGED');
    const status = row.status === 'open' ? 'confirmed' : row.status;
    await this.ds.transaction(async (m) => {
      const res = await m
        .createQueryBuilder()
        .update(Inspection)
        .set({
          status,
          companyConfirmedAt: this.clock.now(),
          companyNote: note,
          updatedAt: this.clock.now(),
          version: () => 'version + 1',
        })
        .where('id = :id AND version = :version', { id, version: row.version })
        .execute();
      if (!res.affected) throw new AppException('INSPECTION_STATE_CHANGED');
      await this.audit.record(m, actor, {
        action: 'inspection.company_confirm',
        targetType: 'inspection',
        targetId: String(id),
        before: { status: row.status },
        after: { status },
      });
    });
    return this.get(actor, id);
  }

  private async load(actor: Actor, id: number): Promise<Inspection> {
    const company = await this.companies.forManager(actor);
    const row = await this.ds.getRepository(Inspection).findOneBy({ id, companyId: company.id, status: Not('none') });
    if (!row) throw AppException.notFound();
    return row;
  }
}
