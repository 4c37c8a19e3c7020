import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  INCIDENT_ATTACHMENT_PURPOSE,
  INCIDENT_CATEGORY_LABELS,
  PERMISSIONS,
  type IncidentReportPage,
  type IncidentReportResponse,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { incidentsConfig, type IncidentsConfig } from '../../config/incidents.config.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { CompaniesService } from '../companies/companies.service.js';
import { UploadsService } from '../files/uploads.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgService } from '../org/org.service.js';
import { UserQueries } from '../users/user-queries.js';
import { IncidentReport } from './entities/incident-report.entity.js';
import { IncidentMapper } from './incident-mapper.js';
import type { FileIncidentReportDto } from './incidents.dto.js';

/** Filing may run a few minutes ahead of the server's clock on a phone: an event time beyond that is refused. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * The company manager's side of major-event reports (docs/disputes.md#major-event-reports): a report goes to the
 * company's home station with its limits fixed at filing (late when filed after event time + the category's limit);
 * the station's officers are told; the manager reads the company's reports. The same request id returns the same report.
 */
@Injectable()
export class IncidentReportsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(incidentsConfig.KEY) private readonly config: IncidentsConfig,
    private readonly clock: Clock,
    private readonly companies: CompaniesService,
    private readonly uploads: UploadsService,
    private readonly notifications: NotificationsService,
    private readonly org: OrgService,
    private readonly users: UserQueries,
    private readonly mapper: IncidentMapper,
  ) {}

  async file(actor: Actor, dto: FileIncidentReportDto): Promise<IncidentReportResponse> {
    const existing = await this.findByRequest(actor.userId, dto.clientRequestId);
    if (existing) return (await this.mapper.map([existing]))[0];
    const company = await this.companies.forManager(actor);
    const station = await this.org.findById(company.homeStationId);
    if (!station) throw AppException.notFound();
    const now = this.clock.now();
    const occurredAt = new Date(dto.occurredAt);
    if (occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      throw new AppException('INCIDENT_OCCURRED_IN_FUTURE');
    const limitMs = this.config.limitMinutes[dto.category] * 60_000;
    const reportDueAt = new Date(occurredAt.getTime() + limitMs);
    const attachmentIds = [...new Set(dto.attachmentIds ?? [])];
    let created: { id: number; pushed: number[] };
    try {
      created = await this.ds.transaction(async (m) => {
        const repo = m.getRepository(IncidentReport);
        const row = await repo.save(
          repo.create({
            companyId: company.id,
            reporterUserId: actor.userId,
            clientRequestId: dto.clientRequestId,
            stationId: station.id,
            orgPath: station.path,
            category: dto.category,
            subcategory: dto.subcategory.trim(),
            occurredAt,
            place: dto.place.trim(),
            content: dto.content.trim(),
            people: dto.people?.trim() || null,
            attachmentIds,
            status: 'received',
            filedAt: now,
            reportDueAt,
            late: now.getTime() > reportDueAt.getTime(),
            acknowledgeDueAt: new Date(now.getTime() + limitMs),
            overdueFlaggedAt: null,
            acknowledgedAt: null,
            acknowledgedByUserId: null,
            acknowledgedByName: null,
            classification: null,
            disposal: null,
            disposedAt: null,
            updatedAt: now,
            version: 1,
          }),
        );
        await this.attach(m, actor, row.id, attachmentIds);
        return { id: row.id, pushed: await this.tellStation(m, row, company.name) };
      });
    } catch (err) {
      // the same request sent twice at once: the unique (reporter, request id) lets one in, the other reads it
      const again = isDuplicateKey(err) ? await this.findByRequest(actor.userId, dto.clientRequestId) : null;
      if (again) return (await this.mapper.map([again]))[0];
      throw err;
    }
    await this.notifications.push(created.pushed);
    return this.mine(actor, created.id);
  }

  async listMine(actor: Actor, q: PageQueryDto): Promise<IncidentReportPage> {
    const company = await this.companies.forManager(actor);
    const [rows, total] = await this.ds.getRepository(IncidentReport).findAndCount({
      where: { companyId: company.id },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(await this.mapper.map(rows), total, q);
  }

  async mine(actor: Actor, id: number): Promise<IncidentReportResponse> {
    const company = await this.companies.forManager(actor);
    const row = await this.ds.getRepository(IncidentReport).findOneBy({ id, companyId: company.id });
    if (!row) throw AppException.notFound();
    return (await this.mapper.map([row]))[0];
  }

  private findByRequest(userId: number, clientRequestId: string): Promise<IncidentReport | null> {
    return this.ds.getRepository(IncidentReport).findOneBy({ reporterUserId: userId, clientRequestId });
  }

  /** Only the reporter's own unattached uploads of the attachment purpose; anything else refuses the whole report. */
  private attach(m: EntityManager, actor: Actor, id: number, fileIds: string[]): Promise<void> {
    const target = {
      fileIds,
      ownerUserId: actor.userId,
      purpose: INCIDENT_ATTACHMENT_PURPOSE,
      attachedTo: `incident:${id}`,
    };
    return this.uploads.attachAll(m, target, 'INCIDENT_ATTACHMENT_INVALID');
  }

  /** Each officer of the station who handles reports gets it in the app (and pushed where they consented). */
  private async tellStation(m: EntityManager, row: IncidentReport, companyName: string): Promise<number[]> {
    const staff = await this.users.activeWithAnyRoleAt(row.stationId, PERMISSIONS['incidents.handle']);
    const label = INCIDENT_CATEGORY_LABELS[row.category];
    const ids: number[] = [];
    for (const u of staff)
      ids.push(
        await this.notifications.create(m, {
          userId: u.id,
          template: 'incident_report',
          title: `${label}事项报送${row.late ? '（超时报送）' : ''}`,
          body: `${companyName}报送${label}事项：${row.subcategory}，地点：${row.place}。请及时受理。`,
          page: `admin-cases/report/index?id=${row.id}`,
        }),
      );
    return ids;
  }
}
