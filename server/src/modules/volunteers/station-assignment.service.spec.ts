import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../test/unit/rows.js';
import { ServiceSite } from '../../../test/unit/rows.js';
import { OrgUnit } from '../../../test/unit/rows.js';
import { createOrgUnit } from '../org/org.service.js';
import type { ReassignDto } from './volunteers.dto.js';
import { StationAssignment } from './station-assignment.entity.js';
import type { StationAssignmentService } from './station-assignment.service.js';
import { Volunteer } from './volunteer.entity.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { createCompany } from '../../../test/unit/factories-roster.js';
import { codeOf, unitAssignments } from '../../../test/unit/factories-volunteers.js';

const move = (stationId: number, reason = '工作调动') => ({ stationId, reason }) as ReassignDto;

describe('StationAssignmentService', () => {
  let ds: DataSource;
  let sut: StationAssignmentService;
  let org: UnitTree;
  let stationA2: OrgUnit;
  const clock = clockAt('2026-11-30T15:30:00Z');
  const at = clock.now();

  beforeAll(async () => {
    ds = await unitDataSource();
    sut = unitAssignments(ds, clock);
    org = await orgTree(ds, at);
    stationA2 = await createOrgUnit(ds.manager, {
      code: 'SA2',
      name: '银塘派出所',
      level: 'station',
      parent: org.branchA,
      lat: 31.6,
      lng: 118.5,
      createdAt: at,
    });
    await ds.getRepository(OrgUnit).update(org.stationB.id, { lat: 31.7, lng: 118.6 });
  });
  afterAll(() => ds.destroy());

  const newVolunteer = async (station: OrgUnit) => createVolunteer(ds, at, await createUser(ds, at), station);

  it("the service site's station comes first, then the residence community's station, then the nearest", async () => {
    const company = await createCompany(ds, at, org.stationA);
    const site = await ds.getRepository(ServiceSite).save({
      companyId: company.id,
      name: '万达广场',
      address: '湖东路1号',
      lat: null,
      lng: null,
      stationId: org.stationB.id,
      createdAt: at,
    });
    await ds.transaction(async (m) => {
      const bySite = await sut.chooseStation(m, { siteId: site.id, residenceCommunityId: org.communityA.id });
      expect([bySite?.station.id, bySite?.rule]).toEqual([org.stationB.id, 'site']);
      const byHome = await sut.chooseStation(m, { residenceCommunityId: org.communityA.id, location: null });
      expect([byHome?.station.id, byHome?.rule]).toEqual([org.stationA.id, 'residence']);
      const nearest = await sut.chooseStation(m, { location: { lat: 31.61, lng: 118.51 } });
      expect([nearest?.station.id, nearest?.rule]).toEqual([stationA2.id, 'nearest']);
      expect(await sut.chooseStation(m, {})).toBeNull();
    });
  });

  it('within a branch the move takes effect at once; across branches it waits, one open transfer at a time', async () => {
    const officer = staffActor('branch_officer', org.branchA, 7);
    const v = await newVolunteer(org.stationA);
    const inBranch = await sut.reassign(officer, v, org.stationA, move(stationA2.id));
    expect(inBranch.status).toBe('accepted');
    expect((await ds.getRepository(Volunteer).findOneByOrFail({ id: v.id })).stationId).toBe(stationA2.id);

    const w = await newVolunteer(org.stationA);
    const across = await sut.reassign(officer, w, org.stationA, move(org.stationB.id));
    expect(across.status).toBe('pending');
    expect((await ds.getRepository(Volunteer).findOneByOrFail({ id: w.id })).stationId).toBe(org.stationA.id);
    const x = await newVolunteer(org.stationA);
    await sut.reassign(officer, x, org.stationA, move(org.stationB.id));
    expect(await codeOf(sut.reassign(officer, x, org.stationA, move(org.stationB.id)))).toBe(
      'TRANSFER_ALREADY_PENDING',
    );
  });

  it('refuses a target that is not a station, or the current station', async () => {
    const officer = staffActor('city_officer', org.city);
    const v = await newVolunteer(org.stationA);
    expect(await codeOf(sut.reassign(officer, v, org.stationA, move(org.communityA.id)))).toBe('ORG_UNIT_NOT_STATION');
    expect(await codeOf(sut.reassign(officer, v, org.stationA, move(org.stationA.id)))).toBe('TRANSFER_SAME_STATION');
    expect(await codeOf(sut.reassign(officer, v, org.stationA, move(99999)))).toBe('NOT_FOUND');
  });

  it('only the receiving branch accepts, once; the volunteer moves and both decisions are audited', async () => {
    const v = await newVolunteer(org.stationA);
    const t = await sut.reassign(staffActor('branch_officer', org.branchA), v, org.stationA, move(org.stationB.id));
    expect(await codeOf(sut.accept(staffActor('branch_officer', org.branchA), t.id))).toBe('NOT_FOUND');
    const receiving = staffActor('branch_officer', org.branchB, 9);
    expect((await sut.incoming(receiving, { page: 1, pageSize: 50 })).items.map((i) => i.id)).toContain(t.id);
    expect((await sut.accept(receiving, t.id)).status).toBe('accepted');
    expect((await ds.getRepository(Volunteer).findOneByOrFail({ id: v.id })).stationId).toBe(org.stationB.id);
    expect(await codeOf(sut.accept(receiving, t.id))).toBe('TRANSFER_NOT_PENDING');
    expect(await codeOf(sut.decline(receiving, t.id, { reason: '晚了' }))).toBe('TRANSFER_NOT_PENDING');
    const actions = (await ds.getRepository(AuditLog).findBy({ targetId: String(v.id) })).map((a) => a.action);
    expect(actions).toEqual(['volunteer.transfer.request', 'volunteer.transfer.accept']);
  });

  it('a declined transfer keeps the station, frees the volunteer for a new request and stays in the history', async () => {
    const v = await newVolunteer(org.stationA);
    const city = staffActor('city_officer', org.city);
    await ds.transaction((m) => sut.recordInitial(m, v.id, null, org.stationA, 'residence', city));
    const t = await sut.reassign(city, v, org.stationA, move(org.stationB.id));
    const declined = await sut.decline(staffActor('station_officer', org.stationB), t.id, { reason: ' 人手已满 ' });
    expect([declined.status, declined.declineReason]).toEqual(['declined', '人手已满']);
    expect(await sut.pendingFor(v.id)).toBeNull();
    expect((await ds.getRepository(Volunteer).findOneByOrFail({ id: v.id })).stationId).toBe(org.stationA.id);
    expect((await sut.reassign(city, v, org.stationA, move(org.stationB.id))).status).toBe('pending');
    expect((await sut.history(v.id)).map((h) => h.status)).toEqual(['pending', 'declined', 'accepted']);
    expect(await ds.getRepository(StationAssignment).countBy({ volunteerId: v.id })).toBe(3);
  });
});
