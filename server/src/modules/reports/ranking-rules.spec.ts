import type { UnitFigures } from '@jianghuai/shared';
import { competitionRanks, rankChangeLabel } from '@jianghuai/shared';
import { rankGroup, type Ranked } from './ranking-rules.js';

const unit = (orgId: number, over: Partial<UnitFigures>): UnitFigures => ({
  orgId,
  orgName: `单位${orgId}`,
  level: 'station',
  volunteers: 0,
  rosterTotal: 0,
  rosterJoined: 0,
  joinRate: null,
  joinRateByEmployerType: {
    security_company: { rosterTotal: 0, rosterJoined: 0, joinRate: null },
    self_recruiting: { rosterTotal: 0, rosterJoined: 0, joinRate: null },
    property: { rosterTotal: 0, rosterJoined: 0, joinRate: null },
  },
  weeklyRuleStations: 1,
  weeklyRuleWeeksMet: 0,
  weeklyRuleThisWeek: 0,
  weeklyRuleRate: 0,
  tipsCount: 0,
  callupAcceptMedianS: null,
  activeTeams: 0,
  ...over,
});

describe('rankGroup', () => {
  it('gives tied values one rank and skips the places they take (1, 1, 3); a missing value is not ranked', () => {
    expect(competitionRanks([5, 9, 9, 1, null], (v) => v, true)).toEqual([3, 1, 1, 4, null]);
    expect(competitionRanks([30, 12, 12, null], (v) => v, false)).toEqual([3, 1, 1, null]);
  });

  it('ranks each measure (faster response first) and overall by the sum of ranks, last place for a missing one', () => {
    const rows = rankGroup(
      [
        unit(1, { joinRate: 80, weeklyRuleRate: 50, tipsCount: 4, callupAcceptMedianS: 60 }),
        unit(2, { joinRate: 80, weeklyRuleRate: 100, tipsCount: 1, callupAcceptMedianS: null }),
        unit(3, { joinRate: 40, weeklyRuleRate: 100, tipsCount: 4, callupAcceptMedianS: 30 }),
      ],
      new Map(),
    );
    expect(rows.map((r) => [r.rank.joinRate, r.rank.weeklyRule, r.rank.tips, r.rank.responseSpeed])).toEqual([
      [1, 3, 1, 2],
      [1, 1, 3, null],
      [3, 1, 1, 1],
    ]);
    // sums: 1+3+1+2 = 7; 1+1+3+3 (missing = last of 3) = 8; 3+1+1+1 = 6
    expect(rows.map((r) => [r.value.overall, r.rank.overall])).toEqual([
      [7, 2],
      [8, 3],
      [6, 1],
    ]);
  });

  it("leaves out a measure nobody has (call-ups not open) and carries each unit's previous ranks", () => {
    const prev = new Map<number, Record<Ranked, number | null>>([
      [1, { overall: 2, joinRate: 2, weeklyRule: 1, tips: 1, responseSpeed: null }],
    ]);
    const rows = rankGroup([unit(1, { joinRate: 90, tipsCount: 2 }), unit(2, { joinRate: 50, tipsCount: 2 })], prev);
    expect(rows.map((r) => [r.rank.responseSpeed, r.value.overall, r.rank.overall])).toEqual([
      [null, 3, 1],
      [null, 4, 2],
    ]);
    expect(rows[0].prevRank.overall).toBe(2);
    expect(rows[1].prevRank.overall).toBeNull();
  });

  it('reads a change as ↑, ↓, — or 新', () => {
    const cell = (rank: number | null, previousRank: number | null) => ({ value: 1, rank, previousRank, change: null });
    expect([cell(1, 3), cell(4, 2), cell(2, 2), cell(1, null), cell(null, 1)].map(rankChangeLabel)).toEqual([
      '↑2',
      '↓2',
      '—',
      '新',
      '',
    ]);
  });
});
