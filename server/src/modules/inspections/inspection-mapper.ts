import { Injectable } from '@nestjs/common';
import { apiPath, FILE_ROUTES, type InspectionResponse } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { OrgService } from '../org/org.service.js';
import type { Inspection } from './inspection.entity.js';

/** Overdue as of today (Shanghai): a deadline before today while neither the station nor anyone closed it. */
export function isOverdue(row: Pick<Inspection, 'status' | 'rectifyBy'>, today: string): boolean {
  return (row.status === 'open' || row.status === 'confirmed') && !!row.rectifyBy && row.rectifyBy < today;
}

/** Inspection rows to responses with the company's and the inspecting unit's names. */
@Injectable()
export class InspectionMapper {
  constructor(
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly companies: CompanyQueries,
  ) {}

  async map(rows: Inspection[]): Promise<InspectionResponse[]> {
    const units = new Map(
      (await this.org.findByIds([...new Set(rows.map((r) => r.orgUnitId))])).map((u) => [u.id, u.name]),
    );
    const companies = new Map(
      (await this.companies.findByIds([...new Set(rows.map((r) => r.companyId))])).map((c) => [c.id, c.name]),
    );
    const today = this.clock.today();
    return rows.map((r) => ({
      id: r.id,
      companyId: r.companyId,
      companyName: companies.get(r.companyId) ?? '',
      orgUnitId: r.orgUnitId,
      orgUnitName: units.get(r.orgUnitId) ?? '',
      inspectedOn: r.inspectedOn,
      inspectors: r.inspectors,
      items: r.items,
      findings: r.findings,
      rectifyBy: r.rectifyBy,
      photos: r.photoIds.map((fileId) => ({
        fileId,
        url: `/api${apiPath(FILE_ROUTES.file, { id: fileId })}`,
        thumbUrl: `/api${apiPath(FILE_ROUTES.thumb, { id: fileId })}`,
      })),
      status: r.status,
      overdue: isOverdue(r, today),
      recordedBy: r.recordedByName,
      recordedAt: r.recordedAt.toISOString(),
      rectifiedOn: r.rectifiedOn,
      rectifyNote: r.rectifyNote,
      rectifiedBy: r.rectifiedByName,
      companyConfirmedAt: r.companyConfirmedAt?.toISOString() ?? null,
      companyNote: r.companyNote,
      version: r.version,
    }));
  }
}
