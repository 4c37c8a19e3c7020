import type { DataSource } from 'typeorm';
import type { UnitFigures } from '@jianghuai/shared';
import { AuditLog } from '../../../test/unit/rows.js';
import { staffActor } from '../../../test/unit/actors.js';
import { clockAt, errorCode, unitDataSource } from '../../../test/unit/unit-db.js';
import { orgTree, unitAudit, unitOrg, type UnitTree } from '../../../test/unit/factories.js';
import type { DashboardFigures } from '../stats/dashboard-figures.js';
import { RankingsService } from './rankings.service.js';
import { ReportUnits } from './report-units.js';

describe(RankingsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  // 00:30 on 1 December in Shanghai, still 30 November in UTC
  const clock = clockAt('2026-11-30T16:30:00Z');
  const sut = () => new RankingsService(ds, unitAudit(ds, clock), clock, new ReportUnits(unitOrg(ds)), figures);
  /**
   * The dashboard's figures as fixtures (the stats module's own tests prove how they are counted): tips per unit id,
   * everything else equal. `tips` is changed between publications.
   */
  let tips: Record<number, number> = {};
  const figures = {
    forUnits: (ids: number[]): Promise<UnitFigures[]> =>
      Promise.all(
        ids.map(async (id) => {
          const u = (await unitOrg(ds).findById(id))!;
          return fixture(u.id, u.name, u.level, tips[id] ?? 0);
        }),
      ),
  } as unknown as DashboardFigures;

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
  });
  afterAll(() => ds.destroy());

  it('refuses a period ending after today in Shanghai, reversed, or longer than a year', async () => {
    const city = staffActor('city_officer', org.city, 1);
    const publish = (periodStart: string, periodEnd: string) =>
      errorCode(sut().publish(city, { title: '通报', periodStart, periodEnd }));
    expect(await publish('2026-11-25', '2026-12-02')).toBe('RANKING_PERIOD_INVALID');
    expect(await publish('2026-11-25', '2026-11-24')).toBe('RANKING_PERIOD_INVALID');
    expect(await publish('2025-11-30', '2026-12-01')).toBe('RANKING_PERIOD_INVALID');
    await sut().publish(city, { title: '通报', periodStart: '2026-11-25', periodEnd: '2026-12-01' });
  });

  it('ranks equal figures together, links the previous publication, marks the own unit, audits', async () => {
    const city = staffActor('city_officer', org.city, 1);
    const first = await sut().latest(city);
    expect(first.stations.map((s) => [s.orgName, s.tips.rank])).toEqual([
      [org.stationA.name, 1],
      [org.stationB.name, 1],
    ]);
    tips = { [org.branchA.id]: 2, [org.branchB.id]: 5, [org.stationA.id]: 2, [org.stationB.id]: 0 };
    const second = await sut().publish(city, { title: '第二期', periodStart: '2026-11-24', periodEnd: '2026-11-30' });
    expect(second).toMatchObject({ previousId: first.id, previousTitle: '通报', responseSpeedAvailable: false });
    expect(second.branches.map((b) => [b.orgName, b.tips.rank, b.tips.previousRank, b.tips.change])).toEqual([
      [org.branchB.name, 1, 1, 0],
      [org.branchA.name, 2, 1, -1],
    ]);
    expect(second.stations.every((s) => s.joinRate.rank === null && s.responseSpeed.value === null)).toBe(true);
    const station = staffActor('station_officer', org.stationB, 2);
    const seen = await sut().get(station, second.id);
    expect(seen.stations.filter((s) => s.isOwn).map((s) => s.orgName)).toEqual([org.stationB.name]);
    expect((await sut().list(station, { page: 1, pageSize: 20 })).total).toBe(2);
    expect(await errorCode(sut().get(station, 9999))).toBe('NOT_FOUND');
    expect(await ds.getRepository(AuditLog).countBy({ action: 'ranking.publish' })).toBe(2);
  });
});

function fixture(orgId: number, orgName: string, level: UnitFigures['level'], tipsCount: number): UnitFigures {
  const none = { rosterTotal: 0, rosterJoined: 0, joinRate: null };
  return {
    orgId,
    orgName,
    level,
    volunteers: 0,
    ...none,
    joinRateByEmployerType: { security_company: none, self_recruiting: none, property: none },
    weeklyRuleStations: 1,
    weeklyRuleWeeksMet: 0,
    weeklyRuleThisWeek: 0,
    weeklyRuleRate: 0,
    tipsCount,
    callupAcceptMedianS: null,
    activeTeams: 0,
  };
}
