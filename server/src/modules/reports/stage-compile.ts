import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan } from 'typeorm';
import {
  addCalendarDays,
  type CompiledBranch,
  type CompiledStageReport,
  type CompiledUnit,
  type ReportFigures,
  type UnitFigures,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AuditService } from '../audit/audit.service.js';
import { DashboardFigures } from '../stats/dashboard-figures.js';
import { TargetQueries } from '../targets/target-queries.js';
import { ReportStage } from './entities/report-stage.entity.js';
import { ReportUnits } from './report-units.js';
import { stageWorkbook } from './report-xlsx.js';
import { StagesService, submitters } from './stages.service.js';

export function reportFigures(f: UnitFigures): ReportFigures {
  return {
    volunteers: f.volunteers,
    rosterTotal: f.rosterTotal,
    rosterJoined: f.rosterJoined,
    joinRate: f.joinRate,
    weeklyRuleStations: f.weeklyRuleStations,
    weeklyRuleWeeksMet: f.weeklyRuleWeeksMet,
    weeklyRuleThisWeek: f.weeklyRuleThisWeek,
    weeklyRuleRate: f.weeklyRuleRate,
    tipsCount: f.tipsCount,
    callupAcceptMedianS: f.callupAcceptMedianS,
    activeTeams: f.activeTeams,
  };
}

/**
 * The city's compiled stage report (docs/reports.md#compiling): the figures as of the due date (today while the due
 * date is still ahead) from the dashboard's summary tables, tips counted since the previous stage's due date, and each
 * branch's and station's narrative; late and missing units listed.
 */
@Injectable()
export class StageCompiler {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly clock: Clock,
    private readonly stages: StagesService,
    private readonly units: ReportUnits,
    private readonly figures: DashboardFigures,
    private readonly audit: AuditService,
    private readonly targets: TargetQueries,
  ) {}

  async compile(actor: Actor, id: number): Promise<CompiledStageReport> {
    const stage = await this.stages.load(actor, id);
    const today = this.clock.today();
    const asOf = stage.dueDate < today ? stage.dueDate : today;
    const from = await this.tipsFrom(stage);
    const writers = await this.units.writers(actor);
    const city = await this.units.city(actor);
    const ids = [city.id, ...writers.map((u) => u.id)];
    const figures = await this.figures.forUnits(ids, asOf, from ? { from } : {});
    const narratives = await this.stages.scopedNarratives(actor, [id]);
    const all = submitters(stage, writers, narratives);
    const unit = (orgId: number): CompiledUnit | null => {
      const f = figures.find((x) => x.orgId === orgId);
      if (!f) return null;
      const n = narratives.find((x) => x.orgId === orgId);
      const w = writers.find((x) => x.id === orgId);
      return {
        orgId,
        orgName: f.orgName,
        level: f.level,
        figures: reportFigures(f),
        narrative: n && w ? this.stages.toNarrative(stage, n, w) : null,
      };
    };
    const branches: CompiledBranch[] = writers
      .filter((u) => u.level === 'branch')
      .flatMap((b) => {
        const head = unit(b.id);
        if (!head) return [];
        const stations = writers.filter((s) => s.branchId === b.id).flatMap((s) => unit(s.id) ?? []);
        return [{ ...head, stations }];
      });
    return {
      stage: this.stages.toStage(stage, all),
      asOf,
      compiledAt: this.clock.now().toISOString(),
      city: unit(city.id),
      branches,
      targets: await this.targets.current(),
      late: all.filter((s) => s.late),
      missing: all.filter((s) => !s.submittedAt),
    };
  }

  /** The compiled report as .xlsx, the export audited. */
  async exportXlsx(actor: Actor, id: number): Promise<{ name: string; data: Buffer }> {
    const report = await this.compile(actor, id);
    await this.ds.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'report.stage.export',
        targetType: 'report_stage',
        targetId: String(id),
        after: { asOf: report.asOf, branches: report.branches.length },
      }),
    );
    return { name: `${report.stage.name}.xlsx`, data: await stageWorkbook(report, this.clock.zone) };
  }

  /** Tips of a stage count from the day after the previous stage's due date (from the start for the first). */
  private async tipsFrom(stage: ReportStage): Promise<string | null> {
    const previous = await this.ds.getRepository(ReportStage).findOne({
      where: { cityPath: stage.cityPath, dueDate: LessThan(stage.dueDate) },
      order: { dueDate: 'DESC', id: 'DESC' },
    });
    return previous ? addCalendarDays(previous.dueDate, 1) : null;
  }
}
