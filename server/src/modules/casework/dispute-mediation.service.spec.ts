import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Notification, OrgUnit } from '../../../test/unit/rows.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitDisputeMediation, unitDisputes } from '../../../test/unit/factories-casework.js';
import { DisputeMediationService } from './dispute-mediation.service.js';

describe(DisputeMediationService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let station: Actor;
  const clock = clockAt('2026-11-30T15:30:00Z');
  const sut = () => unitDisputeMediation(ds, clock);
  const v: Record<string, { id: number; userId: number }> = {};
  const person = (userId: number): Actor => ({
    ...staffActor('station_officer', org.city, userId),
    staffRoles: [],
    roles: [],
    isStaff: false,
    orgUnitId: null,
    orgPath: null,
  });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    station = staffActor(
      'station_officer',
      org.stationA,
      (await createStaffUser(ds, at, 'station_officer', org.stationA)).id,
    );
    // the community lies about 1.1 km from the case's place; a second community of the station about 5.6 km away
    await ds.getRepository(OrgUnit).update(org.communityA.id, { lat: 31.67, lng: 118.5 });
    const far = await ds.getRepository(OrgUnit).save(
      ds.getRepository(OrgUnit).create({
        code: 'CA2',
        name: '远郊社区',
        level: 'community',
        parentId: org.stationA.id,
        path: `${org.stationA.path}99/`,
        lat: 31.71,
        lng: 118.5,
        createdAt: at,
      }),
    );
    const make = async (key: string, station: typeof org.stationA, skills: string[], community: number | null) => {
      const u = await createUser(ds, at, { displayName: key });
      const row = await createVolunteer(ds, at, u, station, {
        skills: skills.map((name) => ({ name })) as never,
        residenceCommunityId: community,
      });
      v[key] = { id: row.id, userId: u.id };
    };
    await make('far', org.stationA, ['调解'], far.id);
    await make('near', org.stationA, ['调解', '急救'], org.communityA.id);
    await make('unknown', org.stationA, ['调解'], null);
    await make('noSkill', org.stationA, ['急救'], org.communityA.id);
    await make('otherStation', org.stationB, ['调解'], null);
  });
  afterAll(() => ds.destroy());

  const openCase = () =>
    unitDisputes(ds, clock).create(station, {
      type: 'labour',
      parties: [{ name: '包工头' }, { name: '工人甲' }],
      place: { address: '采石工地', lat: 31.66, lng: 118.5 },
      description: '拖欠工资',
    });

  it('offers the station’s volunteers with the mediation skill, nearest residence community first', async () => {
    const c = await openCase();
    const list = await sut().candidates(station, c.id);
    expect(list.map((x) => x.volunteerId)).toEqual([v.near.id, v.far.id, v.unknown.id]);
    expect(list[0].distanceMeters).toBeGreaterThan(1000);
    expect(list[0].distanceMeters).toBeLessThan(1200);
    expect(list[2]).toMatchObject({ distanceMeters: null, communityName: null });
  });

  it('assigns a candidate (who is told), refuses anyone else; the mediator alone sees and works the case', async () => {
    const c = await openCase();
    for (const bad of [v.noSkill.id, v.otherStation.id])
      expect(await code(sut().assign(station, c.id, bad))).toBe('DISPUTE_MEDIATOR_INVALID');
    const assigned = await sut().assign(station, c.id, v.near.id);
    expect(assigned.mediator?.volunteerId).toBe(v.near.id);
    const told = await ds.getRepository(Notification).findBy({ userId: v.near.userId, template: 'dispute_mediator' });
    expect(told.map((n) => n.page)).toContain(`cases/mediation-detail/index?id=${c.id}`);

    const mediator = person(v.near.userId);
    expect((await sut().listMine(mediator, { page: 1, pageSize: 20 })).items.map((x) => x.id)).toContain(c.id);
    expect(await code(sut().mine(person(v.far.userId), c.id))).toBe('NOT_FOUND');
    const stepped = await sut().addMyStep(mediator, c.id, { date: '2026-11-30', text: '约双方见面' });
    expect(stepped.steps.map((s) => [s.author, s.byMediator])).toEqual([['调解员', true]]);
    // 23:30 in Shanghai: the next day is still in the future
    expect(await code(sut().addMyStep(mediator, c.id, { date: '2026-12-01', text: '明天' }))).toBe(
      'DISPUTE_STEP_IN_FUTURE',
    );
    const proposed = await sut().propose(mediator, c.id, { outcome: 'resolved', note: '达成还款协议' });
    expect(proposed).toMatchObject({ status: 'proposed', proposedOutcome: 'resolved', proposedNote: '达成还款协议' });
    // once a proposal waits, the mediator is no longer reassigned
    expect(await code(sut().assign(station, c.id, v.far.id))).toBe('DISPUTE_STATE_CHANGED');
  });
});
