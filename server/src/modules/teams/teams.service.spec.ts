import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock/clock.js';
import { settledActivityCounter } from '../activities/team-activity-counter.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { Volunteer } from '../../../test/unit/rows.js';
import { TeamActivityCounts } from './team-activity-counts.js';
import type { TeamDto } from './teams.dto.js';
import { TeamsService } from './teams.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createActivity } from '../../../test/unit/factories-activities.js';
import {
  createUser,
  createVolunteer,
  orgTree,
  unitAudit,
  unitOrg,
  type UnitTree,
} from '../../../test/unit/factories.js';

describe('TeamsService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let volsA: Volunteer[];
  let volB: Volunteer;
  // 23:30 on 30 November in Shanghai; an hour later it is 1 December there
  const clock = clockAt('2026-11-30T15:30:00Z');
  const sut = (c: Clock = clock) => {
    const counts = new TeamActivityCounts();
    counts.register(settledActivityCounter(ds));
    return new TeamsService(ds, unitAudit(ds, c), c, unitOrg(ds), new VolunteerQueries(ds), counts);
  };
  const dto = (over: Partial<TeamDto> = {}): TeamDto => ({
    name: '采石巡逻组',
    kind: 'area_patrol',
    stationId: org.stationA.id,
    communityId: org.communityA.id,
    leaderVolunteerId: volsA[0].id,
    memberVolunteerIds: volsA.slice(1, 4).map((v) => v.id),
    ...over,
  });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    volsA = [];
    for (let i = 0; i < 4; i++) volsA.push(await createVolunteer(ds, at, await createUser(ds, at), org.stationA));
    volB = await createVolunteer(ds, at, await createUser(ds, at), org.stationB);
  });
  afterAll(() => ds.destroy());

  it('names whoever is not eligible (another station, not active) in the refusal; an unknown id is refused plainly', async () => {
    const station = staffActor('station_officer', org.stationA, 7);
    const refused = await sut()
      .create(station, dto({ memberVolunteerIds: [volsA[1].id, volB.id] }))
      .catch((e: { code: string; message: string; details: unknown }) => e);
    const name = volB.name ?? volB.memberNo;
    expect(refused).toMatchObject({ code: 'TEAM_MEMBER_NOT_ELIGIBLE', details: [{ volunteerId: volB.id, name }] });
    expect((refused as { message: string }).message).toContain(name);
    const unknown = await sut()
      .create(station, dto({ memberVolunteerIds: [99_998] }))
      .catch((e: { code: string; details: unknown }) => e);
    expect(unknown).toMatchObject({ code: 'TEAM_MEMBER_NOT_ELIGIBLE', details: undefined });
  });

  it("takes leader and members only among the station's active volunteers, in scope, and audits the creation", async () => {
    const station = staffActor('station_officer', org.stationA, 7);
    expect(await code(sut().create(station, dto({ memberVolunteerIds: [volB.id] })))).toBe('TEAM_MEMBER_NOT_ELIGIBLE');
    expect(await code(sut().create(station, dto({ leaderVolunteerId: 99_999 })))).toBe('TEAM_MEMBER_NOT_ELIGIBLE');
    expect(await code(sut().create(station, dto({ stationId: org.stationB.id })))).toBe('NOT_FOUND');
    const branch = staffActor('branch_officer', org.branchA, 8);
    expect(await code(sut().create(branch, dto({ stationId: org.branchA.id })))).toBe('TEAM_STATION_REQUIRED');
    expect(await code(sut().create(station, dto({ communityId: null, areaText: null })))).toBe('TEAM_AREA_INVALID');
    const team = await sut().create(branch, dto());
    expect(team).toMatchObject({
      memberCount: 3,
      leader: { volunteerId: volsA[0].id },
      community: { id: org.communityA.id },
    });
    const audit = await ds
      .getRepository(AuditLog)
      .findOneByOrFail({ action: 'team.create', targetId: String(team.id) });
    expect(audit.after).toMatchObject({
      leaderVolunteerId: volsA[0].id,
      memberIds: team.members.map((m) => m.volunteerId),
    });
    expect(await code(sut().get(staffActor('station_officer', org.stationB, 9), team.id))).toBe('NOT_FOUND');
  });

  it('counts settled team activities from the start of the Shanghai day 30 days back, on both sides of 16:00 UTC', async () => {
    const station = staffActor('station_officer', org.stationA, 7);
    const team = await sut().create(station, dto({ name: '边界组' }));
    // ended at 00:00 on 31 October in Shanghai: inside the window on 30 November, outside on 1 December
    const endAt = new Date('2026-10-30T16:00:00Z');
    await createActivity(ds, org.stationA, new Date(endAt.getTime() - 7_200_000), {
      teamId: team.id,
      status: 'settled',
      endAt,
    });
    expect(await sut().get(station, team.id)).toMatchObject({ active: true, recentSettledActivities: 1 });
    const nextDay = clockAt('2026-11-30T16:30:00Z');
    expect(await sut(nextDay).get(station, team.id)).toMatchObject({
      active: false,
      inactiveReasons: ['no_recent_activity'],
    });
    // a finished (not settled) activity and another team's do not count
    await createActivity(ds, org.stationA, new Date('2026-11-20T01:00:00Z'), { teamId: team.id, status: 'finished' });
    expect((await sut(nextDay).get(station, team.id)).active).toBe(false);
  });

  it('lists stations in scope without an active team, and an edit that drops the leader or members makes it inactive', async () => {
    const fresh = await unitDataSource();
    const [prevDs, prevOrg, prevVols] = [ds, org, volsA];
    ds = fresh;
    try {
      org = await orgTree(ds, clock.now());
      const at = clock.now();
      volsA = [];
      for (let i = 0; i < 4; i++) volsA.push(await createVolunteer(ds, at, await createUser(ds, at), org.stationA));
      const city = staffActor('city_officer', org.city, 3);
      const branchA = staffActor('branch_officer', org.branchA, 4);
      expect((await sut().stationsWithoutActiveTeam(city)).map((s) => s.id)).toEqual([
        org.stationA.id,
        org.stationB.id,
      ]);
      const team = await sut().create(branchA, dto());
      await createActivity(ds, org.stationA, new Date('2026-11-20T01:00:00Z'), { teamId: team.id, status: 'settled' });
      expect((await sut().stationsWithoutActiveTeam(city)).map((s) => s.id)).toEqual([org.stationB.id]);
      expect(await sut().stationsWithoutActiveTeam(branchA)).toEqual([]);
      const edited = await sut().update(
        branchA,
        team.id,
        dto({ leaderVolunteerId: null, memberVolunteerIds: [volsA[1].id] }),
      );
      expect(edited.inactiveReasons).toEqual(['no_leader', 'too_few_members']);
      expect(await sut().stationsWithoutActiveTeam(branchA)).toEqual([
        { id: org.stationA.id, name: org.stationA.name, teamCount: 1 },
      ]);
      expect(await ds.getRepository(AuditLog).countBy({ action: 'team.update', targetId: String(team.id) })).toBe(1);
    } finally {
      await fresh.destroy();
      [ds, org, volsA] = [prevDs, prevOrg, prevVols];
    }
  });

  it("shows a volunteer the teams they lead or belong to, with the leader's name", async () => {
    const station = staffActor('station_officer', org.stationA, 7);
    const team = await sut().create(station, dto({ name: '宣传组', kind: 'publicity' }));
    const mine = await sut().mine(volsA[1].id);
    expect(mine).toContainEqual({
      id: team.id,
      name: '宣传组',
      kind: 'publicity',
      kindLabel: '平安宣传组',
      leaderName: volsA[0].name,
      isLeader: false,
    });
    expect((await sut().mine(volsA[0].id)).find((t) => t.id === team.id)?.isLeader).toBe(true);
    expect(await sut().mine(volB.id)).toEqual([]);
  });
});
