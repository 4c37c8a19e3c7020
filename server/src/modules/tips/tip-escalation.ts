import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, LessThanOrEqual } from 'typeorm';
import { PERMISSIONS, TIP_CATEGORY_LABELS } from '@jianghuai/shared';
import { Clock } from '../../common/clock/clock.js';
import { tipsConfig, type TipsConfig } from '../../config/tips.config.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgService } from '../org/org.service.js';
import { UserQueries } from '../users/user-queries.js';
import { Tip } from './entities/tip.entity.js';
import { recordTipEvent } from './tips.service.js';

/**
 * Urgent tips still waiting for acceptance past TIP_URGENT_SLA_MINUTES go up to the station's branch
 * (docs/product.md#tips): `escalatedAt` is set by a conditional UPDATE (once, whoever runs it), and in the same
 * transaction each tip handler of the branch gets a message, pushed after commit. Run by the jobs module.
 */
@Injectable()
export class TipEscalation {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(tipsConfig.KEY) private readonly config: TipsConfig,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly users: UserQueries,
    private readonly notifications: NotificationsService,
  ) {}

  async run(): Promise<{ escalated: number; notified: number }> {
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.config.urgentSlaMinutes * 60_000);
    const due = await this.ds.getRepository(Tip).find({
      where: { urgency: 'urgent', status: 'submitted', escalatedAt: IsNull(), createdAt: LessThanOrEqual(cutoff) },
      order: { id: 'ASC' },
      take: 500,
    });
    let escalated = 0;
    let notified = 0;
    for (const tip of due) {
      const station = await this.org.findById(tip.orgUnitId);
      const branchId = station?.parentId ?? null;
      const staff = branchId ? await this.users.activeWithAnyRoleAt(branchId, PERMISSIONS['tips.handle']) : [];
      const ids = await this.ds.transaction(async (m) => {
        const res = await m
          .createQueryBuilder()
          .update(Tip)
          .set({ escalatedAt: now })
          .where("id = :id AND status = 'submitted' AND escalatedAt IS NULL", { id: tip.id })
          .execute();
        if (!res.affected) return null; // another instance escalated it meanwhile
        await recordTipEvent(
          m,
          { tipId: tip.id, action: 'escalate', fromStatus: 'submitted', toStatus: 'submitted', actor: null, now },
          { branchId },
        );
        const created: number[] = [];
        for (const u of staff)
          created.push(
            await this.notifications.create(m, {
              userId: u.id,
              template: 'tip_escalated',
              title: '紧急线索超时未受理',
              body: `${station?.name ?? '派出所'}的紧急线索（${TIP_CATEGORY_LABELS[tip.category]}）已超过 ${this.config.urgentSlaMinutes} 分钟未受理，请立即督办。`,
              page: `admin-tips/detail/index?id=${tip.id}`,
            }),
          );
        return created;
      });
      if (ids === null) continue;
      escalated += 1;
      notified += ids.length;
      await this.notifications.push(ids);
    }
    return { escalated, notified };
  }
}
