import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { LedgerEntryResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { isPathInScope } from '../../common/scope/org-scope.js';
import { Clock } from '../../common/clock/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { PointsLedgerService } from './points-ledger.service.js';
import type { PointsAdjustmentDto } from './points.dto.js';
import { toLedgerEntryResponse } from './points.mapper.js';

/**
 * Staff adjustments (docs/points.md#adjustments): an officer adds or takes points of a volunteer in their scope with a
 * reason, audited. A credit is issued by the officer's org (a lot of it); a debit never takes more than the balance
 * (POINTS_INSUFFICIENT_BALANCE: an adjustment makes no debt).
 */
@Injectable()
export class PointsAdjustmentsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ledger: PointsLedgerService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly clock: Clock,
  ) {}

  async adjust(actor: Actor, dto: PointsAdjustmentDto): Promise<LedgerEntryResponse> {
    const v = await this.volunteers.findById(dto.volunteerId);
    const units = v ? await this.org.findByIds([v.stationId, v.residenceCommunityId].filter((x) => x !== null)) : [];
    if (!v || !units.some((u) => isPathInScope(actor, u.path))) throw AppException.notFound();
    const officerOrg = actor.orgUnitId !== null ? await this.org.findById(actor.orgUnitId) : null;
    if (!officerOrg) throw AppException.forbidden();
    const reason = dto.reason.trim();
    const pushed: number[] = [];
    const entry = await this.ds.transaction(async (m) => {
      const res = await this.ledger.post(m, {
        userId: v.userId,
        volunteerId: v.id,
        type: 'adjustment',
        amount: dto.amount,
        sourceType: 'adjustment',
        sourceId: String(v.id),
        description: `人工调整：${reason}`,
        // one adjustment per request; a double tap a millisecond apart is two (each audited)
        idempotencyKey: `adjustment:${v.id}:${actor.userId}:${this.clock.nowMs()}`,
        awardingOrgId: dto.amount > 0 ? officerOrg.id : null,
        awardingOrgPath: dto.amount > 0 ? officerOrg.path : null,
        reason,
        createdByUserId: actor.userId,
      });
      if (!res.posted) throw new AppException('POINTS_BUSY');
      if (res.notificationId) pushed.push(res.notificationId);
      if (dto.amount < 0)
        pushed.push(
          await this.notifications.create(m, {
            userId: v.userId,
            template: 'points_changed',
            title: '积分调整',
            body: `积分扣减：${dto.amount}，余额 ${res.entry.balanceAfter}（${reason}）`,
            page: 'pages/points/index',
          }),
        );
      await this.audit.record(m, actor, {
        action: 'points.adjust',
        targetType: 'points_ledger_entry',
        targetId: String(res.entry.id),
        orgUnitId: officerOrg.id,
        before: { volunteerId: v.id },
        after: { amount: dto.amount, reason, balanceAfter: res.entry.balanceAfter },
      });
      return res.entry;
    });
    await this.notifications.push(pushed);
    const names = new Map(entry.awardingOrgId ? [[officerOrg.id, officerOrg.name]] : []);
    return toLedgerEntryResponse(entry, names, new Map());
  }
}
