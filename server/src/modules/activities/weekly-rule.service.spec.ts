import type { DataSource } from 'typeorm';
import { OrgUnit } from '../../../test/unit/rows.js';
import { createOrgUnit } from '../org/org.service.js';
import { WeeklyRuleService } from './weekly-rule.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { orgTree, unitOrg, type UnitTree } from '../../../test/unit/factories.js';
import { createActivity, unitActivitiesConfig } from '../../../test/unit/factories-activities.js';

/** Monday 30 November 2026 begins in Shanghai at 16:00 UTC on Sunday the 29th. */
const SUNDAY_LATE = '2026-11-29T15:30:00Z';
const MONDAY_EARLY = '2026-11-29T16:30:00Z';

describe('WeeklyRuleService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let stationA2: OrgUnit;
  const sut = (iso: string, env: Record<string, string> = {}) =>
    new WeeklyRuleService(ds, unitActivitiesConfig(env), clockAt(iso), unitOrg(ds));

  beforeAll(async () => {
    ds = await unitDataSource();
    const at = clockAt(SUNDAY_LATE).now();
    org = await orgTree(ds, at);
    stationA2 = await createOrgUnit(ds.manager, {
      code: 'SA2',
      name: '银塘派出所',
      level: 'station',
      parent: org.branchA,
      createdAt: at,
    });
    // Sunday 23:50 in Shanghai (week 48): a patrol at station A's community
    await createActivity(ds, org.communityA, new Date('2026-11-29T15:50:00Z'));
    // Monday 00:10 in Shanghai (week 49): a patrol at station A, and what does not count there
    await createActivity(ds, org.stationA, new Date('2026-11-29T16:10:00Z'));
    await createActivity(ds, org.stationA, new Date('2026-11-30T02:00:00Z'), { status: 'cancelled' });
    await createActivity(ds, org.stationA, new Date('2026-11-30T02:00:00Z'), { status: 'draft' });
    await createActivity(ds, org.stationA, new Date('2026-11-30T02:00:00Z'), { type: 'traffic_order' });
    await createActivity(ds, stationA2, new Date('2026-11-30T02:00:00Z'), { type: 'safety_publicity' });
    await createActivity(ds, org.stationB, new Date('2026-11-30T02:00:00Z'), { status: 'settled' });
  });

  afterAll(() => ds.destroy());

  it('the current week is the Shanghai week: Sunday 23:30 is week 48, half past midnight on Monday week 49', async () => {
    const branch = staffActor('branch_officer', org.branchA);
    const before = await sut(SUNDAY_LATE).compute(branch);
    expect(before).toMatchObject({
      week: '2026-W48',
      from: '2026-11-22T16:00:00.000Z',
      to: '2026-11-29T16:00:00.000Z',
    });
    expect(before.stations.map((s) => [s.name, s.count])).toEqual([
      ['银塘派出所', 0],
      ['采石派出所', 1],
    ]);
    const after = await sut(MONDAY_EARLY).compute(branch);
    expect(after.week).toBe('2026-W49');
    expect(after.stations.map((s) => [s.name, s.count, s.belowRule])).toEqual([
      ['采石派出所', 1, false],
      ['银塘派出所', 1, false],
    ]);
  });

  it('counts patrol and publicity activities that were not drafts or cancelled, and lists stations below first', async () => {
    const res = await sut(MONDAY_EARLY, { ACTIVITY_WEEKLY_RULE_MINIMUM: '2' }).compute(
      staffActor('city_officer', org.city),
      '2026-W49',
    );
    expect(res.minimum).toBe(2);
    expect(res.stations.map((s) => [s.name, s.count, s.belowRule])).toEqual([
      ['采石派出所', 1, true],
      ['湖东派出所', 1, true],
      ['银塘派出所', 1, true],
    ]);
    expect(res.belowCount).toBe(3);
  });

  it('a station officer sees only their own station, and a malformed week is refused', async () => {
    const station = staffActor('station_officer', org.stationB);
    const res = await sut(MONDAY_EARLY).compute(station, '2026-W49');
    expect(res.stations.map((s) => s.stationId)).toEqual([org.stationB.id]);
    await expect(sut(MONDAY_EARLY).compute(station, '2026-49')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });
});
