import { Injectable } from '@nestjs/common';
import { apiPath, FILE_ROUTES, type IncidentReportResponse } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { OrgService } from '../org/org.service.js';
import type { IncidentReport } from './entities/incident-report.entity.js';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** Report rows to responses, with the 超时报送 flag fixed at filing and the 超时未受理 flag as of now. */
@Injectable()
export class IncidentMapper {
  constructor(
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly companies: CompanyQueries,
  ) {}

  async map(rows: IncidentReport[]): Promise<IncidentReportResponse[]> {
    const stations = new Map(
      (await this.org.findByIds([...new Set(rows.map((r) => r.stationId))])).map((u) => [u.id, u.name]),
    );
    const companies = new Map(
      (await this.companies.findByIds([...new Set(rows.map((r) => r.companyId))])).map((c) => [c.id, c.name]),
    );
    const now = this.clock.nowMs();
    return rows.map((r) => ({
      id: r.id,
      companyId: r.companyId,
      companyName: companies.get(r.companyId) ?? '',
      stationId: r.stationId,
      stationName: stations.get(r.stationId) ?? '',
      category: r.category,
      subcategory: r.subcategory,
      occurredAt: r.occurredAt.toISOString(),
      place: r.place,
      content: r.content,
      people: r.people,
      attachments: r.attachmentIds.map((fileId) => ({
        fileId,
        url: `/api${apiPath(FILE_ROUTES.file, { id: fileId })}`,
        thumbUrl: `/api${apiPath(FILE_ROUTES.thumb, { id: fileId })}`,
      })),
      status: r.status,
      filedAt: r.filedAt.toISOString(),
      reportDueAt: r.reportDueAt.toISOString(),
      late: r.late,
      acknowledgeDueAt: r.acknowledgeDueAt.toISOString(),
      acknowledgeOverdue: r.status === 'received' && r.acknowledgeDueAt.getTime() < now,
      overdueFlaggedAt: iso(r.overdueFlaggedAt),
      acknowledgedAt: iso(r.acknowledgedAt),
      acknowledgedBy: r.acknowledgedByName,
      classification: r.classification,
      disposal: r.disposal,
      disposedAt: iso(r.disposedAt),
      version: r.version,
    }));
  }
}
