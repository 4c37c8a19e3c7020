import { RANKING_METRICS, competitionRanks, type RankingMetric, type UnitFigures } from '@jianghuai/shared';

/** The measures a row is ranked by, overall first. */
export const RANKED = ['overall', ...RANKING_METRICS] as const;
export type Ranked = (typeof RANKED)[number];

export interface RankedValues {
  orgId: number;
  value: Record<Ranked, number | null>;
  rank: Record<Ranked, number | null>;
  prevRank: Record<Ranked, number | null>;
}

const METRIC: Record<RankingMetric, { of: (f: UnitFigures) => number | null; higherIsBetter: boolean }> = {
  joinRate: { of: (f) => f.joinRate, higherIsBetter: true },
  weeklyRule: { of: (f) => f.weeklyRuleRate, higherIsBetter: true },
  tips: { of: (f) => f.tipsCount, higherIsBetter: true },
  responseSpeed: { of: (f) => f.callupAcceptMedianS, higherIsBetter: false },
};

/**
 * Ranks one group (the branches, or the stations) by each measure, ties sharing a rank (1, 1, 3); a unit without a
 * value is not ranked by that measure. Overall: the sum of the unit's ranks over the measures any unit is ranked by,
 * a missing rank counting as last (the group's size); the smallest sum ranks first. `previous` gives each unit's
 * ranks in the previous publication.
 */
export function rankGroup(
  figures: readonly UnitFigures[],
  previous: ReadonlyMap<number, Record<Ranked, number | null>>,
): RankedValues[] {
  const rows: RankedValues[] = figures.map((f) => ({
    orgId: f.orgId,
    value: { overall: null, ...valuesOf(f) },
    rank: { overall: null, joinRate: null, weeklyRule: null, tips: null, responseSpeed: null },
    prevRank: previous.get(f.orgId) ?? {
      overall: null,
      joinRate: null,
      weeklyRule: null,
      tips: null,
      responseSpeed: null,
    },
  }));
  const used: RankingMetric[] = [];
  for (const m of RANKING_METRICS) {
    const ranks = competitionRanks(rows, (r) => r.value[m], METRIC[m].higherIsBetter);
    ranks.forEach((rank, i) => (rows[i].rank[m] = rank));
    if (ranks.some((r) => r !== null)) used.push(m);
  }
  for (const r of rows) r.value.overall = used.reduce((sum, m) => sum + (r.rank[m] ?? rows.length), 0);
  competitionRanks(rows, (r) => (used.length ? r.value.overall : null), false).forEach(
    (rank, i) => (rows[i].rank.overall = rank),
  );
  return rows;
}

function valuesOf(f: UnitFigures): Record<RankingMetric, number | null> {
  return {
    joinRate: METRIC.joinRate.of(f),
    weeklyRule: METRIC.weeklyRule.of(f),
    tips: METRIC.tips.of(f),
    responseSpeed: METRIC.responseSpeed.of(f),
  };
}
