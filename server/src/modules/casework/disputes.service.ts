import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { DisputePage, DisputeResponse } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage } from '../../common/pagination.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { isPathInScope, wherePathInScope } from '../../common/scope/org-scope.js';
import { isDuplicateKey } from '../../database/raw-sql.js';
import { AuditService } from '../audit/audit.service.js';
import { OrgService } from '../org/org.service.js';
import { TipQueries } from '../tips/tip-queries.js';
import { DisputeCase } from './entities/dispute-case.entity.js';
import { DisputeMapper } from './dispute-mapper.js';
import { assertStepDate, insertStep, touchOpenCase, updateCase } from './dispute-rules.js';
import type {
  CreateDisputeDto,
  CreateDisputeFromTipDto,
  DisputeOutcomeDto,
  DisputePartyDto,
  DisputeQueryDto,
  DisputeStepDto,
} from './disputes.dto.js';

/** Where a new case is held: its station, and the unit whose officers opened it (the station or a community). */
interface Holder {
  stationId: number;
  orgUnitId: number;
  orgPath: string;
}

/**
 * The officers' side of disputes (docs/disputes.md): the case file of a station, scoped by the holding unit's path
 * (another station's case is 404), opened by hand or from a 矛盾纠纷 tip, with dated steps and the closing outcome
 * (化解 / 上交), every change audited in its transaction.
 */
@Injectable()
export class DisputesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly org: OrgService,
    private readonly tips: TipQueries,
    private readonly pii: PiiCipher,
    private readonly mapper: DisputeMapper,
  ) {}

  async list(actor: Actor, q: DisputeQueryDto): Promise<DisputePage> {
    const qb = wherePathInScope(this.ds.getRepository(DisputeCase).createQueryBuilder('c'), actor, 'c.orgPath');
    if (q.status) qb.andWhere('c.status = :status', { status: q.status });
    if (q.type) qb.andWhere('c.type = :type', { type: q.type });
    const [rows, total] = await qb
      .orderBy('c.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    return toPage(await this.mapper.list(rows), total, q);
  }

  async get(actor: Actor, id: number): Promise<DisputeResponse> {
    return this.mapper.detail(await this.loadInScope(actor, id));
  }

  async create(actor: Actor, dto: CreateDisputeDto): Promise<DisputeResponse> {
    const holder = await this.holderFor(actor, dto.stationId);
    const id = await this.ds.transaction(async (m) => {
      const row = await this.insertCase(m, actor, holder, {
        type: dto.type,
        parties: dto.parties,
        place: dto.place,
        description: dto.description,
        tipId: null,
      });
      await this.audit.record(m, actor, {
        action: 'dispute.create',
        targetType: 'dispute',
        targetId: String(row.id),
        orgUnitId: holder.orgUnitId,
        after: { type: row.type, parties: row.parties.length },
      });
      return row.id;
    });
    return this.get(actor, id);
  }

  /** A 矛盾纠纷 tip the officer sees becomes a case of the tip's station (once: the tip id is unique). */
  async createFromTip(actor: Actor, dto: CreateDisputeFromTipDto): Promise<DisputeResponse> {
    const tip = await this.tips.visibleTip(actor, dto.tipId);
    if (!tip) throw AppException.notFound();
    if (tip.category !== 'dispute') throw new AppException('DISPUTE_TIP_NOT_DISPUTE');
    const own = await this.holderFor(actor, tip.stationId).catch(() => null);
    const holder = own && own.stationId === tip.stationId ? own : this.stationHolder(tip.stationId, tip.stationPath);
    const place = dto.place ?? { address: tip.address ?? '（线索未填地点）', lat: tip.lat, lng: tip.lng };
    let id: number;
    try {
      id = await this.ds.transaction(async (m) => {
        const row = await this.insertCase(m, actor, holder, {
          type: dto.type,
          parties: dto.parties,
          place,
          description: dto.description ?? tip.text,
          tipId: tip.id,
        });
        await this.audit.record(m, actor, {
          action: 'dispute.create_from_tip',
          targetType: 'dispute',
          targetId: String(row.id),
          orgUnitId: holder.orgUnitId,
          after: { tipId: tip.id, type: row.type },
        });
        return row.id;
      });
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppException('DISPUTE_TIP_CONVERTED');
      throw err;
    }
    return this.get(actor, id);
  }

  async addStep(actor: Actor, id: number, dto: DisputeStepDto): Promise<DisputeResponse> {
    const row = await this.loadInScope(actor, id);
    assertStepDate(dto.date, this.clock.today());
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      await touchOpenCase(m, row, now);
      const step = { caseId: row.id, ...dto, authorUserId: actor.userId, authorName: actor.displayName };
      await insertStep(m, { ...step, byMediator: false }, now);
      await this.audit.record(m, actor, {
        action: 'dispute.step',
        targetType: 'dispute',
        targetId: String(row.id),
        orgUnitId: row.orgUnitId,
        after: { date: dto.date },
      });
    });
    return this.get(actor, id);
  }

  /** Closes the case as 化解 or 上交: the officers' own decision, or their confirmation of the mediator's proposal. */
  async close(actor: Actor, id: number, dto: DisputeOutcomeDto): Promise<DisputeResponse> {
    const row = await this.loadInScope(actor, id);
    const now = this.clock.now();
    await this.ds.transaction(async (m) => {
      await updateCase(
        m,
        row,
        ['open', 'proposed'],
        { status: dto.outcome, outcome: dto.outcome, outcomeNote: dto.note.trim(), closedOn: this.clock.today() },
        now,
      );
      await this.audit.record(m, actor, {
        action: 'dispute.close',
        targetType: 'dispute',
        targetId: String(row.id),
        orgUnitId: row.orgUnitId,
        before: { status: row.status, proposedOutcome: row.proposedOutcome },
        after: { status: dto.outcome },
      });
    });
    return this.get(actor, id);
  }

  /** The case if the actor's scope holds it, else 404. */
  async loadInScope(actor: Actor, id: number): Promise<DisputeCase> {
    const row = await wherePathInScope(this.ds.getRepository(DisputeCase).createQueryBuilder('c'), actor, 'c.orgPath')
      .andWhere('c.id = :id', { id })
      .getOne();
    if (!row || !isPathInScope(actor, row.orgPath)) throw AppException.notFound();
    return row;
  }

  /**
   * A station's officer opens cases for the station, a community's for its community (of the station); branch and
   * city officers name a station of their scope.
   */
  private async holderFor(actor: Actor, stationId: number | undefined): Promise<Holder> {
    const unit = actor.orgUnitId ? await this.org.findById(actor.orgUnitId) : null;
    if (unit?.level === 'station') return { stationId: unit.id, orgUnitId: unit.id, orgPath: unit.path };
    if (unit?.level === 'community' && unit.parentId)
      return { stationId: unit.parentId, orgUnitId: unit.id, orgPath: unit.path };
    const station = stationId ? await this.org.findById(stationId) : null;
    if (!station || station.level !== 'station' || !isPathInScope(actor, station.path))
      throw new AppException('DISPUTE_STATION_REQUIRED');
    return this.stationHolder(station.id, station.path);
  }

  private stationHolder(stationId: number, path: string): Holder {
    return { stationId, orgUnitId: stationId, orgPath: path };
  }

  private async insertCase(
    m: EntityManager,
    actor: Actor,
    holder: Holder,
    input: {
      type: DisputeCase['type'];
      parties: DisputePartyDto[];
      place: { address: string; lat?: number | null; lng?: number | null };
      description: string;
      tipId: number | null;
    },
  ): Promise<DisputeCase> {
    const now = this.clock.now();
    const repo = m.getRepository(DisputeCase);
    return repo.save(
      repo.create({
        ...holder,
        type: input.type,
        status: 'open',
        parties: input.parties.map((p) => ({ name: p.name.trim(), phoneEnc: this.pii.encrypt(p.phone ?? null) })),
        address: input.place.address.trim(),
        lat: input.place.lat ?? null,
        lng: input.place.lng ?? null,
        description: input.description.trim(),
        tipId: input.tipId,
        mediatorVolunteerId: null,
        mediatorUserId: null,
        proposedOutcome: null,
        proposedNote: null,
        outcome: null,
        outcomeNote: null,
        openedOn: this.clock.today(),
        closedOn: null,
        createdByUserId: actor.userId,
        createdAt: now,
        updatedAt: now,
        version: 1,
      }),
    );
  }
}
