import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import {
  distanceMeters,
  PERMISSIONS,
  type AssignmentResponse,
  type AssignmentRule,
  type LatLng,
  type Page,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { assertPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { UserQueries } from '../users/user-queries.js';
import { OrgService } from '../org/org.service.js';
import type { OrgUnitRecord } from '../org/org.mapper.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { Volunteer } from './volunteer.entity.js';
import { StationAssignment } from './station-assignment.entity.js';
import { toAssignmentResponse } from './volunteers.mapper.js';
import type { DeclineTransferDto, ReassignDto } from './volunteers.dto.js';
import { Clock } from '../../common/clock/clock.js';

export interface StationChoice {
  station: OrgUnitRecord;
  rule: AssignmentRule;
}

/**
 * docs/product.md#station-assignment: the managing station is the service site's station (for guards sent across districts
 * that is not the company's home station), else the residence community's station, else the
 * station whose centre is nearest. Staff reassign with a reason; across branches the receiving
 * branch accepts. Every assignment stays in the history.
 */
@Injectable()
export class StationAssignmentService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly org: OrgService,
    private readonly companies: CompanyQueries,
    private readonly notifications: NotificationsService,
    private readonly users: UserQueries,
  ) {}

  async chooseStation(
    m: EntityManager,
    input: { siteId?: number | null; residenceCommunityId?: number | null; location?: LatLng | null },
  ): Promise<StationChoice | null> {
    if (input.siteId) {
      const site = await this.companies.findSiteById(input.siteId, m);
      const station = site ? await this.org.findById(site.stationId, m) : null;
      if (station) return { station, rule: 'site' };
    }
    if (input.residenceCommunityId) {
      const community = await this.org.findById(input.residenceCommunityId, m);
      const station = community?.parentId ? await this.org.findById(community.parentId, m) : null;
      if (station?.level === 'station') return { station, rule: 'residence' };
    }
    if (input.location) {
      const stations = (await this.org.findAtLevel('station', m)).filter((s) => s.lat !== null && s.lng !== null);
      let best: OrgUnitRecord | null = null;
      let bestDistance = Infinity;
      for (const s of stations) {
        const d = distanceMeters(input.location, { lat: s.lat!, lng: s.lng! });
        if (d < bestDistance) [best, bestDistance] = [s, d];
      }
      if (best) return { station: best, rule: 'nearest' };
    }
    return null;
  }

  /** The first assignment, written in the approval's transaction. */
  async recordInitial(
    m: EntityManager,
    volunteerId: number,
    fromStationId: number | null,
    station: OrgUnitRecord,
    rule: AssignmentRule,
    actor: Actor,
  ): Promise<void> {
    await m.getRepository(StationAssignment).insert({
      volunteerId,
      fromStationId,
      toStationId: station.id,
      toPath: station.path,
      rule,
      reason: '审核通过，按驻勤点/居住社区/就近原则确定管理派出所',
      status: 'accepted',
      pendingKey: null,
      requestedById: actor.userId,
      requestedByName: actor.displayName,
      decidedById: actor.userId,
      decidedByName: actor.displayName,
      declineReason: null,
      createdAt: this.clock.now(),
      decidedAt: this.clock.now(),
    });
  }

  async reassign(
    actor: Actor,
    volunteer: Volunteer,
    currentStation: OrgUnitRecord | null,
    dto: ReassignDto,
  ): Promise<AssignmentResponse> {
    const target = await this.org.findById(dto.stationId);
    if (!target) throw AppException.notFound({ stationId: dto.stationId });
    if (target.level !== 'station') throw new AppException('ORG_UNIT_NOT_STATION', { stationId: dto.stationId });
    if (target.id === volunteer.stationId) throw new AppException('TRANSFER_SAME_STATION');
    const crossBranch = !currentStation || currentStation.parentId !== target.parentId;
    const receivers = crossBranch && target.parentId ? await this.transferReceivers(target.parentId) : [];
    let messageIds: number[] = [];
    const id = await this.dataSource
      .transaction(async (m) => {
        const now = this.clock.now();
        const res = await m.getRepository(StationAssignment).insert({
          volunteerId: volunteer.id,
          fromStationId: volunteer.stationId,
          toStationId: target.id,
          toPath: target.path,
          rule: 'manual',
          reason: dto.reason.trim(),
          status: crossBranch ? 'pending' : 'accepted',
          pendingKey: crossBranch ? volunteer.id : null,
          requestedById: actor.userId,
          requestedByName: actor.displayName,
          decidedById: crossBranch ? null : actor.userId,
          decidedByName: crossBranch ? null : actor.displayName,
          declineReason: null,
          createdAt: now,
          decidedAt: crossBranch ? null : now,
        });
        if (!crossBranch) await m.getRepository(Volunteer).update(volunteer.id, { stationId: target.id });
        await this.audit.record(m, actor, {
          action: crossBranch ? 'volunteer.transfer.request' : 'volunteer.reassign',
          targetType: 'volunteer',
          targetId: String(volunteer.id),
          orgUnitId: volunteer.stationId,
          before: { stationId: volunteer.stationId },
          after: { stationId: target.id, reason: dto.reason, pendingAcceptance: crossBranch },
        });
        const transferId = res.identifiers[0].id as number;
        const message = transferMessage(volunteer, currentStation, target, dto.reason.trim());
        messageIds = [];
        for (const userId of receivers) messageIds.push(await this.notifications.create(m, { ...message, userId }));
        return transferId;
      })
      .catch((err: unknown) => {
        if (isDuplicateKey(err)) throw new AppException('TRANSFER_ALREADY_PENDING');
        throw err;
      });
    await this.notifications.push(messageIds);
    return (await this.load([id]))[0];
  }

  /** The receiving branch's officers who may accept a transfer (docs/product.md#station-assignment). */
  private async transferReceivers(branchId: number): Promise<number[]> {
    return (await this.users.activeWithAnyRoleAt(branchId, PERMISSIONS['transfers.accept'])).map((u) => u.id);
  }

  /** Cross-branch transfers waiting for the actor's branch (or anything below the actor). */
  async incoming(actor: Actor, q: PageQueryDto): Promise<Page<AssignmentResponse>> {
    const qb = this.dataSource.getRepository(StationAssignment).createQueryBuilder('a').where("a.status = 'pending'");
    wherePathInScope(qb, actor, 'a.toPath');
    const [rows, total] = await qb
      .orderBy('a.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getManyAndCount();
    return toPage(await this.hydrate(rows), total, q);
  }

  async accept(actor: Actor, id: number): Promise<AssignmentResponse> {
    const a = await this.loadPendingInScope(actor, id);
    await this.dataSource.transaction(async (m) => {
      const res = await m.getRepository(StationAssignment).update(
        { id, status: 'pending' },
        {
          status: 'accepted',
          pendingKey: null,
          decidedById: actor.userId,
          decidedByName: actor.displayName,
          decidedAt: this.clock.now(),
        },
      );
      if (!res.affected) throw new AppException('TRANSFER_NOT_PENDING');
      await m.getRepository(Volunteer).update(a.volunteerId, { stationId: a.toStationId });
      await this.audit.record(m, actor, {
        action: 'volunteer.transfer.accept',
        targetType: 'volunteer',
        targetId: String(a.volunteerId),
        orgUnitId: a.toStationId,
        before: { stationId: a.fromStationId },
        after: { stationId: a.toStationId },
      });
    });
    return (await this.load([id]))[0];
  }

  async decline(actor: Actor, id: number, dto: DeclineTransferDto): Promise<AssignmentResponse> {
    const a = await this.loadPendingInScope(actor, id);
    await this.dataSource.transaction(async (m) => {
      const res = await m.getRepository(StationAssignment).update(
        { id, status: 'pending' },
        {
          status: 'declined',
          pendingKey: null,
          declineReason: dto.reason.trim(),
          decidedById: actor.userId,
          decidedByName: actor.displayName,
          decidedAt: this.clock.now(),
        },
      );
      if (!res.affected) throw new AppException('TRANSFER_NOT_PENDING');
      await this.audit.record(m, actor, {
        action: 'volunteer.transfer.decline',
        targetType: 'volunteer',
        targetId: String(a.volunteerId),
        orgUnitId: a.toStationId,
        after: { reason: dto.reason },
      });
    });
    return (await this.load([id]))[0];
  }

  async history(volunteerId: number): Promise<AssignmentResponse[]> {
    const rows = await this.dataSource
      .getRepository(StationAssignment)
      .find({ where: { volunteerId }, order: { id: 'DESC' } });
    return this.hydrate(rows);
  }

  async pendingFor(volunteerId: number): Promise<AssignmentResponse | null> {
    const row = await this.dataSource.getRepository(StationAssignment).findOneBy({ volunteerId, status: 'pending' });
    return row ? (await this.hydrate([row]))[0] : null;
  }

  private async loadPendingInScope(actor: Actor, id: number): Promise<StationAssignment> {
    const a = await this.dataSource.getRepository(StationAssignment).findOneBy({ id });
    assertPathInScope(actor, a?.toPath);
    if (a!.status !== 'pending') throw new AppException('TRANSFER_NOT_PENDING');
    return a!;
  }

  private async load(ids: number[]): Promise<AssignmentResponse[]> {
    return this.hydrate(await this.dataSource.getRepository(StationAssignment).findBy({ id: In(ids) }));
  }

  private async hydrate(rows: StationAssignment[]): Promise<AssignmentResponse[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.fromStationId, r.toStationId]).filter((x): x is number => !!x))];
    const units = await this.org.findByIds(ids);
    const byId = new Map(units.map((u) => [u.id, u]));
    return rows.map((r) => toAssignmentResponse(r, byId));
  }
}

/**
 * The request to the receiving branch. It opens the 义警档案 list, where the branch accepts or declines incoming
 * transfers: the volunteer's record itself stays outside the branch's scope until the transfer is accepted.
 */
function transferMessage(volunteer: Volunteer, from: OrgUnitRecord | null, to: OrgUnitRecord, reason: string) {
  const who = `${volunteer.name ?? '义警'}（${volunteer.memberNo}）`;
  return {
    template: 'station_transfer' as const,
    title: '义警跨分局调入待接收',
    body: `${from?.name ?? '原派出所'}申请将义警 ${who} 调入${to.name}，原因：${reason}。请核实后接收或退回。`,
    page: `admin-applications/volunteers/index?transfer=${volunteer.id}`,
    data: { thing1: who.slice(0, 20), thing2: to.name.slice(0, 20) },
  };
}
