import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type Repository } from 'typeorm';
import {
  addCalendarDays,
  type Page,
  type RankingCell,
  type RankingResponse,
  type RankingRow,
  type RankingSummary,
} from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import { Clock } from '../../common/clock/clock.js';
import { AppException } from '../../common/errors/app-exception.js';
import { toPage } from '../../common/pagination.js';
import { isDuplicateKey, withRetryOnLockConflict } from '../../database/raw-sql.js';
import { AuditService } from '../audit/audit.service.js';
import { DashboardFigures } from '../stats/dashboard-figures.js';
import { RankingEntry } from './entities/ranking-entry.entity.js';
import { RankingPublication } from './entities/ranking-publication.entity.js';
import { RANKED, rankGroup, type Ranked, type RankedValues } from './ranking-rules.js';
import { ReportUnits, type ReportUnit } from './report-units.js';
import type { RankingListQueryDto, RankingPublishDto } from './reports.dto.js';

/** The longest period one ranking covers. */
export const RANKING_MAX_DAYS = 366;

/**
 * 晒比通报 (docs/reports.md#ranking): the city publishes a ranking of its branches and of its stations for a period;
 * each publication is stored as published, with each unit's rank in the previous one. A published ranking is a
 * bulletin to the whole city: every dashboard reader of the city reads all of it, their own unit marked.
 */
@Injectable()
export class RankingsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly units: ReportUnits,
    private readonly figures: DashboardFigures,
  ) {}

  async publish(actor: Actor, dto: RankingPublishDto): Promise<RankingResponse> {
    const today = this.clock.today();
    const tooLong = addCalendarDays(dto.periodStart, RANKING_MAX_DAYS) <= dto.periodEnd;
    if (dto.periodStart > dto.periodEnd || dto.periodEnd > today || tooLong) {
      throw new AppException('RANKING_PERIOD_INVALID');
    }
    const city = await this.units.city(actor);
    const writers = await this.units.writers(actor);
    const figures = await this.figures.forUnits(
      writers.map((u) => u.id),
      dto.periodEnd,
      { from: dto.periodStart },
    );
    const save = () =>
      this.ds.transaction(async (m) => {
        const pubs = m.getRepository(RankingPublication);
        const previous = await pubs.findOne({ where: { cityId: city.id }, order: { seq: 'DESC' } });
        const prevRanks = previous ? await this.ranksOf(previous.id, m.getRepository(RankingEntry)) : new Map();
        const ranked = [
          ...rankGroup(
            figures.filter((f) => f.level === 'branch'),
            prevRanks,
          ),
          ...rankGroup(
            figures.filter((f) => f.level === 'station'),
            prevRanks,
          ),
        ];
        const pub = await pubs.save(
          pubs.create({
            title: dto.title,
            periodStart: dto.periodStart,
            periodEnd: dto.periodEnd,
            note: dto.note ?? null,
            cityId: city.id,
            cityPath: city.path,
            seq: (previous?.seq ?? 0) + 1,
            previousId: previous?.id ?? null,
            responseSpeedAvailable: figures.some((f) => f.callupAcceptMedianS !== null),
            publishedByUserId: actor.userId,
            publishedByName: actor.displayName,
            publishedAt: this.clock.now(),
          }),
        );
        const rows = ranked.map((r) => this.entry(pub.id, r, writers, figures));
        for (let i = 0; i < rows.length; i += 400) await m.getRepository(RankingEntry).insert(rows.slice(i, i + 400));
        await this.audit.record(m, actor, {
          action: 'ranking.publish',
          targetType: 'ranking',
          targetId: String(pub.id),
          orgUnitId: city.id,
          after: { title: pub.title, periodStart: pub.periodStart, periodEnd: pub.periodEnd, units: rows.length },
        });
        return pub.id;
      });
    // the same title twice is a second tap or a repeat; another publication at the same moment takes the next number
    const titleTaken = () => this.ds.getRepository(RankingPublication).existsBy({ cityId: city.id, title: dto.title });
    if (await titleTaken()) throw new AppException('RANKING_TITLE_TAKEN');
    const id = await withRetryOnLockConflict(save, { attempts: 4, retryAlso: isDuplicateKey }).catch(
      async (e: unknown) => {
        if (isDuplicateKey(e) && (await titleTaken())) throw new AppException('RANKING_TITLE_TAKEN');
        throw e;
      },
    );
    return this.get(actor, id);
  }

  async list(actor: Actor, q: RankingListQueryDto): Promise<Page<RankingSummary>> {
    const [rows, total] = await this.ds.getRepository(RankingPublication).findAndCount({
      where: { cityPath: In(this.units.prefixes(actor)) },
      order: { id: 'DESC' },
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    });
    return toPage(rows.map(summary), total, q);
  }

  async latest(actor: Actor): Promise<RankingResponse> {
    const pub = await this.ds.getRepository(RankingPublication).findOne({
      where: { cityPath: In(this.units.prefixes(actor)) },
      order: { id: 'DESC' },
    });
    if (!pub) throw AppException.notFound();
    return this.get(actor, pub.id);
  }

  async get(actor: Actor, id: number): Promise<RankingResponse> {
    const pub = await this.ds
      .getRepository(RankingPublication)
      .findOneBy({ id, cityPath: In(this.units.prefixes(actor)) });
    if (!pub) throw AppException.notFound();
    const entries = await this.ds
      .getRepository(RankingEntry)
      .find({ where: { publicationId: id }, order: { id: 'ASC' } });
    const previous = pub.previousId
      ? await this.ds.getRepository(RankingPublication).findOneBy({ id: pub.previousId })
      : null;
    const rows = entries.map((e) => toRow(e, actor)).sort(byOverall);
    return {
      ...summary(pub),
      note: pub.note,
      previousId: pub.previousId,
      previousTitle: previous?.title ?? null,
      responseSpeedAvailable: pub.responseSpeedAvailable,
      branches: rows.filter((r) => r.level === 'branch'),
      stations: rows.filter((r) => r.level === 'station'),
    };
  }

  /** Records that the ranking was exported (the file goes out to other units). */
  async recordExport(actor: Actor, r: RankingResponse): Promise<void> {
    await this.ds.transaction((m) =>
      this.audit.record(m, actor, {
        action: 'ranking.export',
        targetType: 'ranking',
        targetId: String(r.id),
        after: { title: r.title },
      }),
    );
  }

  private async ranksOf(
    publicationId: number,
    repo: Repository<RankingEntry>,
  ): Promise<Map<number, Record<Ranked, number | null>>> {
    const entries = await repo.find({ where: { publicationId } });
    return new Map(
      entries.map((e) => [
        e.orgId,
        Object.fromEntries(RANKED.map((k) => [k, e[`${k}Rank`]])) as Record<Ranked, number | null>,
      ]),
    );
  }

  private entry(
    publicationId: number,
    r: RankedValues,
    writers: ReportUnit[],
    figures: { orgId: number; orgName: string; level: RankingEntry['level'] }[],
  ): Partial<RankingEntry> {
    const f = figures.find((x) => x.orgId === r.orgId)!;
    const row: Partial<RankingEntry> = {
      publicationId,
      orgId: r.orgId,
      orgName: f.orgName,
      level: f.level,
      branchName: writers.find((u) => u.id === r.orgId)?.branchName ?? null,
    };
    for (const k of RANKED) {
      Object.assign(row, { [`${k}Value`]: r.value[k], [`${k}Rank`]: r.rank[k], [`${k}PrevRank`]: r.prevRank[k] });
    }
    return row;
  }
}

function summary(p: RankingPublication): RankingSummary {
  return {
    id: p.id,
    title: p.title,
    periodStart: p.periodStart,
    periodEnd: p.periodEnd,
    publishedAt: p.publishedAt.toISOString(),
    publishedByName: p.publishedByName,
  };
}

function cell(value: number | null, rank: number | null, previousRank: number | null): RankingCell {
  return { value, rank, previousRank, change: rank !== null && previousRank !== null ? previousRank - rank : null };
}

function toRow(e: RankingEntry, actor: Actor): RankingRow {
  return {
    orgId: e.orgId,
    orgName: e.orgName,
    level: e.level,
    branchName: e.branchName,
    overall: cell(e.overallValue, e.overallRank, e.overallPrevRank),
    joinRate: cell(e.joinRateValue, e.joinRateRank, e.joinRatePrevRank),
    weeklyRule: cell(e.weeklyRuleValue, e.weeklyRuleRank, e.weeklyRulePrevRank),
    tips: cell(e.tipsValue, e.tipsRank, e.tipsPrevRank),
    responseSpeed: cell(e.responseSpeedValue, e.responseSpeedRank, e.responseSpeedPrevRank),
    isOwn: e.orgId === actor.orgUnitId,
  };
}

function byOverall(a: RankingRow, b: RankingRow): number {
  return (a.overall.rank ?? Infinity) - (b.overall.rank ?? Infinity) || a.orgId - b.orgId;
}
