import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  distanceMeters,
  DISPUTE_TYPE_LABELS,
  MEDIATOR_SKILL,
  type DisputePage,
  type DisputeResponse,
  type MediatorCandidate,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { AuditService } from '../audit/audit.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { OrgService } from '../org/org.service.js';
import { VolunteerQueries, type VolunteerRecord } from '../volunteers/volunteer-queries.js';
import { DisputeCase } from './entities/dispute-case.entity.js';
import { DisputeMapper, MEDIATOR_LABEL } from './dispute-mapper.js';
import { assertStepDate, insertStep, touchOpenCase, updateCase } from './dispute-rules.js';
import { DisputesService } from './disputes.service.js';
import type { DisputeOutcomeDto, DisputeStepDto } from './disputes.dto.js';

/**
 * Mediators (docs/disputes.md#mediators): the station's active volunteers with the 调解 skill, nearest residence
 * community first; the chosen one is told, sees only the cases they mediate, records steps and proposes the
 * outcome the officers confirm.
 */
@Injectable()
export class DisputeMediationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly org: OrgService,
    private readonly volunteers: VolunteerQueries,
    private readonly disputes: DisputesService,
    private readonly mapper: DisputeMapper,
  ) {}

  async candidates(actor: Actor, id: number): Promise<MediatorCandidate[]> {
    const row = await this.disputes.loadInScope(actor, id);
    const people = await this.mediatorsOf(row.stationId);
    const communities = new Map(
      (await this.org.findByIds([...new Set(people.map((v) => v.residenceCommunityId).filter(isId))])).map((u) => [
        u.id,
        u,
      ]),
    );
    const out = people.map((v): MediatorCandidate => {
      const c = v.residenceCommunityId ? communities.get(v.residenceCommunityId) : undefined;
      const known = c && c.lat !== null && c.lng !== null && row.lat !== null && row.lng !== null;
      return {
        volunteerId: v.id,
        name: v.name ?? '',
        memberNo: v.memberNo,
        communityName: c?.name ?? null,
        distanceMeters: known
          ? Math.round(distanceMeters({ lat: row.lat!, lng: row.lng! }, { lat: c.lat!, lng: c.lng! }))
          : null,
      };
    });
    // nearest first; those whose distance is unknown after them, by member number
    return out.sort(
      (a, b) => (a.distanceMeters ?? Infinity) - (b.distanceMeters ?? Infinity) || a.memberNo.localeCompare(b.memberNo),
    );
  }

  async assign(actor: Actor, id: number, volunteerId: number): Promise<DisputeResponse> {
    const row = await this.disputes.loadInScope(actor, id);
    const v = (await this.mediatorsOf(row.stationId)).find((x) => x.id === volunteerId);
    if (!v) throw new AppException('DISPUTE_MEDIATOR_INVALID');
    const now = this.clock.now();
    const pushed = await this.ds.transaction(async (m) => {
      await updateCase(m, row, ['open'], { mediatorVolunteerId: v.id, mediatorUserId: v.userId }, now);
      await this.audit.record(m, actor, {
        action: 'dispute.mediator',
        targetType: 'dispute',
        targetId: String(row.id),
        orgUnitId: row.orgUnitId,
        before: { volunteerId: row.mediatorVolunteerId },
        after: { volunteerId: v.id },
      });
      return this.notifications.create(m, {
        userId: v.userId,
        template: 'dispute_mediator',
        title: '您被指定为纠纷调解员',
        body: `${DISPUTE_TYPE_LABELS[row.type]}纠纷（${row.address}）请您协助调解，请查看详情并记录调解情况。`,
        page: `cases/mediation-detail/index?id=${row.id}`,
      });
    });
    await this.notifications.push([pushed]);
    return this.disputes.get(actor, id);
  }

  async listMine(actor: Actor, q: PageQueryDto): Promise<DisputePage> {
    const [rows, total] = await this.ds.getRepository(DisputeCase).findAndCount({
      where: { mediatorUserId: actor.userId },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(await this.mapper.list(rows), total, q);
  }

  async mine(actor: Actor, id: number): Promise<DisputeResponse> {
    return this.mapper.detail(await this.loadMine(actor, id));
  }

  async addMyStep(actor: Actor, id: number, dto: DisputeStepDto): Promise<DisputeResponse> {
    const row = await this.loadMine(actor, id);
    assertStepDate(dto.date, this.clock.today());
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      await touchOpenCase(m, row, now);
      const step = { caseId: row.id, ...dto, authorUserId: actor.userId, authorName: MEDIATOR_LABEL };
      await insertStep(m, { ...step, byMediator: true }, now);
    });
    return this.mine(actor, id);
  }

  /** The mediator proposes 化解 or 上交; the case waits for the officers to confirm (they may also decide otherwise). */
  async propose(actor: Actor, id: number, dto: DisputeOutcomeDto): Promise<DisputeResponse> {
    const row = await this.loadMine(actor, id);
    const now = this.clock.now();
    await this.ds.transaction((m) =>
      updateCase(
        m,
        row,
        ['open', 'proposed'],
        { status: 'proposed', proposedOutcome: dto.outcome, proposedNote: dto.note.trim() },
        now,
      ),
    );
    return this.mine(actor, id);
  }

  /** Only the mediator of the case, while they are its mediator; anyone else 404. */
  private async loadMine(actor: Actor, id: number): Promise<DisputeCase> {
    const row = await this.ds.getRepository(DisputeCase).findOneBy({ id, mediatorUserId: actor.userId });
    if (!row) throw AppException.notFound();
    return row;
  }

  /** The station's active volunteers with the mediation skill. */
  private async mediatorsOf(stationId: number): Promise<VolunteerRecord[]> {
    const active = await this.volunteers.findActiveAtStations([stationId]);
    const full = await this.volunteers.findByIds(active.map((v) => v.id));
    return full.filter((v) => v.status === 'active' && (v.skills ?? []).some((s) => s.name === MEDIATOR_SKILL));
  }
}

const isId = (x: number | null): x is number => x !== null;
