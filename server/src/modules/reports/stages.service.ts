import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { MyNarrative, NarrativeResponse, StageDetail, StageResponse, StageSubmitter } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { wherePathInScope } from '../../common/scope/org-scope.js';
import { isDuplicateKey, withRetryOnLockConflict } from '../../database/raw-sql.js';
import { AuditService } from '../audit/audit.service.js';
import { ReportStage } from './entities/report-stage.entity.js';
import { StageNarrative } from './entities/stage-narrative.entity.js';
import { ReportUnits, type ReportUnit } from './report-units.js';
import type { NarrativeDto, StageDto } from './reports.dto.js';

/** Late: first submitted on a Shanghai date after the stage's due date. */
export function isLate(stage: { dueDate: string }, n: { submittedOn: string }): boolean {
  return n.submittedOn > stage.dueDate;
}

/** Who is expected, who wrote (and when), who was late, who is missing, among `units`. */
export function submitters(stage: ReportStage, units: ReportUnit[], narratives: StageNarrative[]): StageSubmitter[] {
  return units.map((u) => {
    const n = narratives.find((x) => x.orgId === u.id);
    return {
      orgId: u.id,
      orgName: u.name,
      level: u.level,
      branchName: u.branchName,
      submittedAt: n ? n.submittedAt.toISOString() : null,
      submittedOn: n?.submittedOn ?? null,
      late: n ? isLate(stage, n) : false,
    };
  });
}

/** Stages and narratives (docs/reports.md#stage-reports): the city defines a stage, branches and stations write. */
@Injectable()
export class StagesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly units: ReportUnits,
  ) {}

  async create(actor: Actor, dto: StageDto): Promise<StageResponse> {
    const city = await this.units.city(actor);
    const id = await this.ds
      .transaction(async (m) => {
        const repo = m.getRepository(ReportStage);
        const stage = await repo.save(
          repo.create({
            name: dto.name,
            dueDate: dto.dueDate,
            note: dto.note ?? null,
            cityId: city.id,
            cityPath: city.path,
            createdByUserId: actor.userId,
            createdByName: actor.displayName,
            createdAt: this.clock.now(),
          }),
        );
        await this.audit.record(m, actor, {
          action: 'report.stage.create',
          targetType: 'report_stage',
          targetId: String(stage.id),
          orgUnitId: city.id,
          after: { name: stage.name, dueDate: stage.dueDate },
        });
        return stage.id;
      })
      .catch((e: unknown) => {
        if (isDuplicateKey(e)) throw new AppException('REPORT_STAGE_NAME_TAKEN');
        throw e;
      });
    return (await this.detail(actor, id)).stage;
  }

  /** The stages of the viewer's city, latest due date first, with the viewer's counts. */
  async list(actor: Actor): Promise<StageResponse[]> {
    const stages = await this.ds.getRepository(ReportStage).find({
      where: { cityPath: In(this.units.prefixes(actor)) },
      order: { dueDate: 'DESC', id: 'DESC' },
    });
    const units = await this.units.writers(actor);
    const narratives = await this.scopedNarratives(
      actor,
      stages.map((s) => s.id),
    );
    return stages.map((s) =>
      this.toStage(
        s,
        submitters(
          s,
          units,
          narratives.filter((n) => n.stageId === s.id),
        ),
      ),
    );
  }

  async detail(actor: Actor, id: number): Promise<StageDetail> {
    const stage = await this.load(actor, id);
    const all = submitters(stage, await this.units.writers(actor), await this.scopedNarratives(actor, [id]));
    return {
      stage: this.toStage(stage, all),
      submitters: all,
      late: all.filter((s) => s.late),
      missing: all.filter((s) => !s.submittedAt),
    };
  }

  /** The narratives of the stage in the viewer's scope (own unit and below), branches first. */
  async narratives(actor: Actor, id: number): Promise<NarrativeResponse[]> {
    const stage = await this.load(actor, id);
    const units = await this.units.writers(actor);
    const rows = await this.scopedNarratives(actor, [id]);
    return units.flatMap((u) => rows.filter((n) => n.orgId === u.id).map((n) => this.toNarrative(stage, n, u)));
  }

  /** One unit's narrative; a unit outside the viewer's scope, or one that has not written, is a 404. */
  async narrative(actor: Actor, id: number, orgId: number): Promise<NarrativeResponse> {
    const stage = await this.load(actor, id);
    const n = (await this.scopedNarratives(actor, [id])).find((x) => x.orgId === orgId);
    const unit = (await this.units.writers(actor)).find((u) => u.id === orgId);
    if (!n || !unit) throw AppException.notFound();
    return this.toNarrative(stage, n, unit);
  }

  async mine(actor: Actor, id: number): Promise<MyNarrative> {
    const stage = await this.load(actor, id);
    const own = await this.units.ownWriter(actor);
    const narratives = await this.scopedNarratives(actor, [id]);
    const n = own ? (narratives.find((x) => x.orgId === own.id) ?? null) : null;
    const units = await this.units.writers(actor);
    return {
      stage: this.toStage(stage, submitters(stage, units, narratives)),
      orgId: own?.id ?? null,
      orgName: own?.name ?? null,
      canWrite: !!own,
      narrative: n && own ? this.toNarrative(stage, n, own) : null,
    };
  }

  /** Writes or rewrites the viewer's own unit's narrative; the first submission's time stays (it decides lateness). */
  async write(actor: Actor, id: number, dto: NarrativeDto): Promise<NarrativeResponse> {
    const stage = await this.load(actor, id);
    const own = await this.units.ownWriter(actor);
    if (!own) throw new AppException('REPORT_NARRATIVE_UNIT');
    const now = this.clock.now();
    const today = this.clock.today(now);
    const by = { updatedAt: now, updatedOn: today, updatedByUserId: actor.userId, updatedByName: actor.displayName };
    const save = () =>
      this.ds.transaction(async (m) => {
        const repo = m.getRepository(StageNarrative);
        const updated = await repo.update({ stageId: id, orgId: own.id }, { text: dto.text, ...by });
        const first = !updated.affected;
        if (first) {
          await repo.insert({
            stageId: id,
            orgId: own.id,
            orgPath: own.path,
            level: own.level,
            text: dto.text,
            submittedAt: now,
            submittedOn: today,
            submittedByUserId: actor.userId,
            submittedByName: actor.displayName,
            ...by,
          });
        }
        await this.audit.record(m, actor, {
          action: 'report.narrative.submit',
          targetType: 'report_stage',
          targetId: String(id),
          orgUnitId: own.id,
          after: { first, late: first && today > stage.dueDate, chars: [...dto.text].length },
        });
      });
    // submissions at the same moment: an insert that meets the unique key, or loses the gap-lock race, runs again as
    // a rewrite
    await withRetryOnLockConflict(save, { attempts: 4, retryAlso: isDuplicateKey });
    return this.narrative(actor, id, own.id);
  }

  /** A stage of the viewer's city, else 404. */
  async load(actor: Actor, id: number): Promise<ReportStage> {
    const stage = await this.ds.getRepository(ReportStage).findOneBy({ id, cityPath: In(this.units.prefixes(actor)) });
    if (!stage) throw AppException.notFound();
    return stage;
  }

  /** Narratives of these stages written by units in the viewer's scope (the scope is in the SQL). */
  scopedNarratives(actor: Actor, stageIds: number[]): Promise<StageNarrative[]> {
    if (stageIds.length === 0) return Promise.resolve([]);
    return wherePathInScope(this.ds.getRepository(StageNarrative).createQueryBuilder('n'), actor, 'n.orgPath')
      .andWhere('n.stageId IN (:...stageIds)', { stageIds })
      .orderBy('n.orgPath', 'ASC')
      .getMany();
  }

  toStage(s: ReportStage, all: StageSubmitter[]): StageResponse {
    return {
      id: s.id,
      name: s.name,
      dueDate: s.dueDate,
      note: s.note,
      createdByName: s.createdByName,
      createdAt: s.createdAt.toISOString(),
      pastDue: this.clock.today() > s.dueDate,
      expectedCount: all.length,
      submittedCount: all.filter((x) => x.submittedAt).length,
      lateCount: all.filter((x) => x.late).length,
      missingCount: all.filter((x) => !x.submittedAt).length,
    };
  }

  toNarrative(stage: ReportStage, n: StageNarrative, unit: ReportUnit): NarrativeResponse {
    const late = isLate(stage, n);
    return {
      stageId: stage.id,
      orgId: n.orgId,
      orgName: unit.name,
      level: n.level,
      branchName: unit.branchName,
      text: n.text,
      submittedAt: n.submittedAt.toISOString(),
      submittedOn: n.submittedOn,
      updatedAt: n.updatedAt.toISOString(),
      late,
      editedAfterDue: !late && n.updatedOn > stage.dueDate,
      submittedByName: n.submittedByName,
      updatedByName: n.updatedByName,
    };
  }
}
