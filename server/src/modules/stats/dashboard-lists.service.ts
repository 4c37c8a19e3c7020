import { Inject, Injectable } from '@nestjs/common';
import {
  COMPANY_TYPE_LABELS,
  DASHBOARD_RULE_WEEKS,
  maskIdNumber,
  maskPersonName,
  type JoinRatePage,
  type JoinRateRow,
  type MissingGuardPage,
  type OverdueApplicationPage,
  type StationWithoutTeamPage,
  type WeeklyRulePage,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage, type PageQueryDto } from '../../common/pagination.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { assertPathInScope } from '../../common/scope/org-scope.js';
import { activitiesConfig, type ActivitiesConfig } from '../../config/activities.config.js';
import { enrolmentConfig, type EnrolmentConfig } from '../../config/enrolment.config.js';
import { ApplicationQueries } from '../applications/application-queries.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { RosterQueries } from '../roster/roster-queries.js';
import { TargetQueries } from '../targets/target-queries.js';
import { dashboardFromDay, joinFigures, joinOf, StatsReader } from './dashboard-figures.js';
import { targetsInForce } from './dashboard-targets.js';
import { resolveUnit } from './dashboard.service.js';
import { ruleWeeks, type SummaryIndex, type UnitNode } from './summary.js';

const DAY_MS = 86_400_000;
const OVERDUE_PAGE = 500;

function slice<T>(rows: T[], q: PageQueryDto): T[] {
  return rows.slice((q.page - 1) * q.pageSize, q.page * q.pageSize);
}

/** The lists behind the dashboard's figures, each scoped to the viewer and paged. */
@Injectable()
export class DashboardListsService {
  constructor(
    private readonly reader: StatsReader,
    private readonly companies: CompanyQueries,
    private readonly roster: RosterQueries,
    private readonly applications: ApplicationQueries,
    private readonly pii: PiiCipher,
    private readonly clock: Clock,
    @Inject(activitiesConfig.KEY) private readonly activities: ActivitiesConfig,
    @Inject(enrolmentConfig.KEY) private readonly enrolment: EnrolmentConfig,
    private readonly targets: TargetQueries,
  ) {}

  private async scoped(actor: Actor, unitId?: number): Promise<{ idx: SummaryIndex; unit: UnitNode }> {
    const idx = await this.reader.index(dashboardFromDay(this.clock.today()));
    return { idx, unit: resolveUnit(idx, actor, unitId) };
  }

  /** Child units with their join rate; under a station, its companies with their type's target. */
  async joinRate(actor: Actor, q: PageQueryDto & { unitId?: number }): Promise<JoinRatePage> {
    const { idx, unit } = await this.scoped(actor, q.unitId);
    let rows: JoinRateRow[];
    if (unit.level === 'station' || unit.level === 'community') {
      const station = unit.level === 'station' ? unit : idx.unit(unit.parentId ?? 0)!;
      const companies = await this.companies.briefAtStations([station.id]);
      const targets = targetsInForce(await this.targets.current()).joinRate.targetPct;
      const roster = await this.reader.companyRoster(companies.map((c) => c.id));
      const m = (id: number, measure: string) => roster.find((r) => r.refId === id && r.dim === measure)?.value ?? 0;
      rows = companies.map((c) => ({
        kind: 'company',
        id: c.id,
        name: c.name,
        level: null,
        companyType: c.type,
        companyTypeLabel: COMPANY_TYPE_LABELS[c.type],
        targetPct: targets[c.type],
        ...joinFigures(m(c.id, 'total'), m(c.id, 'joined')),
      }));
    } else {
      rows = idx.children(unit.id).map((c) => ({
        kind: 'unit',
        id: c.id,
        name: c.name,
        level: c.level,
        companyType: null,
        companyTypeLabel: null,
        targetPct: null,
        ...joinOf(idx, c.path, null),
      }));
    }
    return { ...toPage(slice(rows, q), rows.length, q), unit: { id: unit.id, name: unit.name, level: unit.level } };
  }

  /** Roster guards of a company in scope who are not volunteers yet, masked. */
  async companyMissing(actor: Actor, companyId: number, q: PageQueryDto): Promise<MissingGuardPage> {
    const company = await this.companies.findById(companyId);
    const idx = await this.reader.index(dashboardFromDay(this.clock.today()));
    const station = company ? idx.unit(company.homeStationId) : undefined;
    if (!company || !station) throw AppException.notFound();
    assertPathInScope(actor, station.path);
    return this.missing([{ id: company.id, name: company.name }], false, q);
  }

  /** Certified roster guards of the companies under a unit in scope who are not volunteers yet, masked. */
  async certifiedMissing(actor: Actor, q: PageQueryDto & { unitId?: number }): Promise<MissingGuardPage> {
    const { idx, unit } = await this.scoped(actor, q.unitId);
    const stations = unit.level === 'station' ? [unit] : idx.stationsUnder(unit.path);
    const companies = await this.companies.briefAtStations(stations.map((s) => s.id));
    return this.missing(companies, true, q);
  }

  private async missing(
    companies: { id: number; name: string }[],
    certifiedOnly: boolean,
    q: PageQueryDto,
  ): Promise<MissingGuardPage> {
    const names = new Map(companies.map((c) => [c.id, c.name]));
    const { rows, total } = await this.roster.notJoined(
      companies.map((c) => c.id),
      certifiedOnly,
      (q.page - 1) * q.pageSize,
      q.pageSize,
    );
    const items = rows.map((r) => ({
      rosterId: r.id,
      name: maskPersonName(r.name),
      idNumber: maskIdNumber(this.pii.decrypt(r.idEnc)) ?? '',
      phone: null,
      company: { id: r.companyId, name: names.get(r.companyId) ?? '' },
      hasCertificate: r.certified,
    }));
    return toPage(items, total, q);
  }

  async stationsWithoutTeam(actor: Actor, q: PageQueryDto & { unitId?: number }): Promise<StationWithoutTeamPage> {
    const { idx, unit } = await this.scoped(actor, q.unitId);
    const stations = (unit.level === 'station' ? [unit] : idx.stationsUnder(unit.path)).filter(
      (s) => idx.sum('teams_active', s.path) === 0,
    );
    const rows = stations.map((s) => ({
      stationId: s.id,
      name: s.name,
      branch: this.parentOf(idx, s),
      teams: idx.sum('teams', s.path),
    }));
    return toPage(slice(rows, q), rows.length, q);
  }

  /** Each station with this week and the last 8 complete weeks; stations below the rule this week first. */
  async weeklyRule(actor: Actor, q: PageQueryDto & { unitId?: number }): Promise<WeeklyRulePage> {
    const { idx, unit } = await this.scoped(actor, q.unitId);
    const min = this.activities.weeklyRuleMinimum;
    const weeks = ruleWeeks(this.clock.today(), DASHBOARD_RULE_WEEKS);
    const rows = (unit.level === 'station' ? [unit] : idx.stationsUnder(unit.path)).map((s) => {
      const pw = idx.patrolWeeks(s.id);
      const past = weeks.weeks.map((week) => ({ week, count: pw.get(week) ?? 0, met: (pw.get(week) ?? 0) >= min }));
      const thisWeek = pw.get(weeks.thisWeek) ?? 0;
      return {
        stationId: s.id,
        name: s.name,
        branch: this.parentOf(idx, s),
        thisWeek,
        thisWeekMet: thisWeek >= min,
        weeks: past,
        weeksMet: past.filter((w) => w.met).length,
      };
    });
    rows.sort(
      (a, b) => Number(a.thisWeekMet) - Number(b.thisWeekMet) || a.weeksMet - b.weeksMet || a.stationId - b.stationId,
    );
    return { ...toPage(slice(rows, q), rows.length, q), minimum: min, week: weeks.thisWeek };
  }

  /** Applications under a unit in scope waiting past their review time (pending ones only: bounded by the queue). */
  async overdueApplications(actor: Actor, q: PageQueryDto & { unitId?: number }): Promise<OverdueApplicationPage> {
    const { idx, unit } = await this.scoped(actor, q.unitId);
    const slaMs = this.enrolment.reviewSlaDays * DAY_MS;
    const cutoff = new Date(this.clock.nowMs() - slaMs);
    const rows: OverdueApplicationPage['items'] = [];
    for (let afterId = 0; ;) {
      const page = await this.applications.overdue(cutoff, afterId, OVERDUE_PAGE);
      for (const a of page) {
        const org = idx.unit(a.unitIds[0] ?? 0);
        if (!org || !org.path.startsWith(unit.path)) continue;
        const dueAt = new Date(a.submittedAt.getTime() + slaMs);
        rows.push({
          id: a.id,
          name: maskPersonName(a.name),
          status: a.stage === 'review' ? 'pending_review' : 'pending_approval',
          statusLabel: a.stage === 'review' ? '待审核' : '待审批',
          org: { id: org.id, name: org.name },
          submittedAt: a.submittedAt.toISOString(),
          dueAt: dueAt.toISOString(),
          overdueDays: Math.floor((this.clock.nowMs() - dueAt.getTime()) / DAY_MS),
        });
      }
      if (page.length < OVERDUE_PAGE) break;
      afterId = page[page.length - 1].id;
    }
    return toPage(slice(rows, q), rows.length, q);
  }

  private parentOf(idx: SummaryIndex, s: UnitNode): { id: number; name: string } | null {
    const p = s.parentId ? idx.unit(s.parentId) : undefined;
    return p ? { id: p.id, name: p.name } : null;
  }
}
