import type { DataSource } from 'typeorm';
import { readArea } from '../../config/config-area.js';
import { activitiesConfig } from '../../config/activities.config.js';
import { TargetQueries } from '../targets/target-queries.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import { StatCounter } from './stat-counter.entity.js';
import { StatsReader } from './dashboard-figures.js';
import { DashboardService } from './dashboard.service.js';
import { clockAt, errorCode, unitDataSource } from '../../../test/unit/unit-db.js';
import { orgTree, unitOrg, type UnitTree } from '../../../test/unit/factories.js';
import { staffActor } from '../../../test/unit/actors.js';
import { unitDashboardFigures, unitStatsRefresh } from '../../../test/unit/factories-stats.js';

describe(DashboardService.name, () => {
  let ds: DataSource;
  let tree: UnitTree;
  // 23:30 Shanghai on Monday 30 November (UTC still the same day): week 2026-W49
  const clock = clockAt('2026-11-30T15:30:00Z');
  const sut = () =>
    new DashboardService(
      new StatsReader(ds, unitOrg(ds)),
      unitDashboardFigures(ds, clock),
      unitStatsRefresh(ds, clock),
      clock,
      readArea(activitiesConfig.read, {}),
      new TargetQueries(ds),
    );

  beforeAll(async () => {
    ds = await unitDataSource();
    tree = await orgTree(ds, clock.now());
    let n = 0;
    const vol = (
      stationId: number,
      tier: Volunteer['tier'],
      joinedAt: string,
      status: Volunteer['status'] = 'active',
    ) => ({
      userId: ++n,
      memberNo: `M${n}`,
      status,
      stationId,
      tier,
      skills: [],
      joinedAt: new Date(joinedAt),
      createdAt: new Date(joinedAt),
      statusChangedAt: status === 'active' ? null : clock.now(),
    });
    await ds.getRepository(Volunteer).insert([
      vol(tree.stationA.id, 'core', '2026-11-29T15:30:00Z'), // Sunday 23:30 Shanghai: W48
      vol(tree.stationA.id, 'basic', '2026-11-29T16:30:00Z'), // Monday 00:30 Shanghai: W49
      vol(tree.stationA.id, 'basic', '2026-11-01T02:00:00Z', 'revoked'),
      vol(tree.stationB.id, 'backbone', '2026-10-01T02:00:00Z'),
    ]);
    await unitStatsRefresh(ds, clock).run();
  });
  afterAll(() => ds.destroy());

  it('reads the figures of the viewer’s subtree from the summary tables, week by Shanghai week', async () => {
    const city = await sut().dashboard(staffActor('city_officer', tree.city));
    expect(city.volunteers).toMatchObject({ value: 3, target: 10000, pct: 0 });
    expect(city.byUnit.map((u) => [u.orgId, u.volunteers])).toEqual([
      [tree.branchA.id, 2],
      [tree.branchB.id, 1],
    ]);
    const branch = await sut().dashboard(staffActor('branch_officer', tree.branchA));
    expect(branch.week).toBe('2026-W49');
    const [w48, w49] = branch.weekly.slice(-2);
    expect(w48).toMatchObject({ week: '2026-W48', joined: 1, left: 0, total: 2 });
    expect(w49).toMatchObject({ week: '2026-W49', joined: 1, left: 1, total: 2 });
    expect(branch.byTier.map((t) => t.count)).toEqual([1, 0, 1]);
  });

  it('refuses a unit outside the viewer’s scope as not found', async () => {
    expect(await errorCode(sut().dashboard(staffActor('branch_officer', tree.branchA), tree.stationB.id))).toBe(
      'NOT_FOUND',
    );
    expect(await errorCode(sut().dashboard(staffActor('branch_officer', tree.branchA), 999_999))).toBe('NOT_FOUND');
  });

  it('does not read the raw rows: a new volunteer shows only after the job', async () => {
    await ds.getRepository(Volunteer).insert({
      userId: 99,
      memberNo: 'M99',
      status: 'active',
      stationId: tree.stationB.id,
      tier: 'core',
      skills: [],
      joinedAt: clock.now(),
      createdAt: clock.now(),
    });
    const actor = staffActor('city_officer', tree.city);
    expect((await sut().dashboard(actor)).volunteers.value).toBe(3);
    await unitStatsRefresh(ds, clock).run();
    expect((await sut().dashboard(actor)).volunteers.value).toBe(4);
    expect(await ds.getRepository(StatCounter).countBy({ kind: 'vol' })).toBe(4);
  });
});
