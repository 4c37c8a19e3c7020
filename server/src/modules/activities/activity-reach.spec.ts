import type { DataSource } from 'typeorm';
import { ActivityReach, ancestorPaths, pathIds } from './activity-reach.js';
import { Activity } from './entities/activity.entity.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { createActivity, memberActor, unitReach } from '../../../test/unit/factories-activities.js';

describe(ActivityReach.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  const clock = clockAt('2026-11-30T02:00:00Z');
  const sut = () => unitReach(ds, clock);

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
  });
  afterAll(() => ds.destroy());

  it('reads the ids and the ancestors of a materialised path', () => {
    expect(pathIds('/1/4/12/')).toEqual([1, 4, 12]);
    expect(ancestorPaths('/1/4/12/')).toEqual(['/1/', '/1/4/', '/1/4/12/']);
    expect(ancestorPaths('/')).toEqual([]);
  });

  it('staff publish at their unit or below; above is named, another subtree hidden', async () => {
    const station = staffActor('station_officer', org.stationA);
    expect((await sut().publishingUnit(station, org.communityA.id)).id).toBe(org.communityA.id);
    expect(await code(sut().publishingUnit(station, org.branchA.id))).toBe('ACTIVITY_ORG_ABOVE_SCOPE');
    expect(await code(sut().publishingUnit(station, org.stationB.id))).toBe('NOT_FOUND');
    expect(await code(sut().publishingUnit(station, null))).toBe('ACTIVITY_ORG_NOT_ALLOWED');
    const city = staffActor('city_officer', org.city);
    expect((await sut().publishingUnit(city, org.branchB.id)).id).toBe(org.branchB.id);
  });

  it("a branch's own activity reaches the volunteers under it and the staff above it, nobody else", async () => {
    const userA = await createUser(ds, clock.now(), { openid: 'reach-a' });
    await createVolunteer(ds, clock.now(), userA, org.stationA);
    const userB = await createUser(ds, clock.now(), { openid: 'reach-b' });
    await createVolunteer(ds, clock.now(), userB, org.stationB);
    const [inA, inB] = [memberActor(userA), memberActor(userB)];
    const branchActivity = await createActivity(ds, org.branchA, new Date('2026-12-01T02:00:00Z'));
    const stationActivity = await createActivity(ds, org.stationB, new Date('2026-12-01T02:00:00Z'));
    expect(await sut().reaches(inA, branchActivity)).toBe(true);
    expect(await sut().reaches(inB, branchActivity)).toBe(false);
    expect(await sut().reaches(inA, stationActivity)).toBe(true);
    expect(await sut().reaches(staffActor('city_officer', org.city, 9998), branchActivity)).toBe(true);
    expect(await sut().reaches(staffActor('branch_officer', org.branchB, 9999), branchActivity)).toBe(false);

    const visible = async (actor: typeof inA) => {
      const qb = ds.getRepository(Activity).createQueryBuilder('a');
      await sut().whereReachable(qb, actor);
      return (await qb.getMany()).map((a) => a.id);
    };
    expect(await visible(inA)).toEqual(expect.arrayContaining([branchActivity.id, stationActivity.id]));
    expect(await visible(inB)).toContain(stationActivity.id);
    expect(await visible(inB)).not.toContain(branchActivity.id);
  });
});
