import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThan } from 'typeorm';
import { INCIDENT_CATEGORY_LABELS, PERMISSIONS } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgService } from '../org/org.service.js';
import { UserQueries } from '../users/user-queries.js';
import { IncidentReport } from './entities/incident-report.entity.js';

/**
 * Reports still 待受理 past their acknowledgement limit are flagged to the station's branch
 * (docs/disputes.md#major-event-reports): `overdueFlaggedAt` is set by a conditional UPDATE (once, whoever runs
 * it), and in the same transaction each officer of the branch who handles reports gets a message, pushed after
 * commit. Run by the jobs module as `incident-report-overdue`.
 */
@Injectable()
export class IncidentOverdue {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly users: UserQueries,
    private readonly companies: CompanyQueries,
    private readonly notifications: NotificationsService,
  ) {}

  async run(): Promise<{ flagged: number; notified: number }> {
    const now = this.clock.now();
    const due = await this.ds.getRepository(IncidentReport).find({
      where: { status: 'received', overdueFlaggedAt: IsNull(), acknowledgeDueAt: LessThan(now) },
      order: { id: 'ASC' },
      take: 500,
    });
    let flagged = 0;
    let notified = 0;
    for (const row of due) {
      const station = await this.org.findById(row.stationId);
      const branchId = station?.parentId ?? null;
      const staff = branchId ? await this.users.activeWithAnyRoleAt(branchId, PERMISSIONS['incidents.handle']) : [];
      const company = await this.companies.findById(row.companyId);
      const ids = await this.ds.transaction(async (m) => {
        const res = await m
          .createQueryBuilder()
          .update(IncidentReport)
          .set({ overdueFlaggedAt: now })
          .where("id = :id AND status = 'received' AND overdueFlaggedAt IS NULL", { id: row.id })
          .execute();
        if (!res.affected) return null; // acknowledged or flagged by another instance meanwhile
        const created: number[] = [];
        for (const u of staff)
          created.push(
            await this.notifications.create(m, {
              userId: u.id,
              template: 'incident_overdue',
              title: '重大事项报送超时未受理',
              body: `${company?.name ?? '保安从业单位'}报送${station?.name ?? '派出所'}的${INCIDENT_CATEGORY_LABELS[row.category]}事项（${row.subcategory}）已超过时限未受理，请督办。`,
              page: `admin-cases/report/index?id=${row.id}`,
            }),
          );
        return created;
      });
      if (ids === null) continue;
      flagged += 1;
      notified += ids.length;
      await this.notifications.push(ids);
    }
    return { flagged, notified };
  }
}
