import type { DataSource } from 'typeorm';
import { REQUIRED_EQUIPMENT } from '@jianghuai/shared';
import { MemberNumberService } from './member-number.service.js';
import { StationAssignment } from './station-assignment.entity.js';
import { Volunteer } from './volunteer.entity.js';
import { VolunteerEnrolmentService, type EnrolInput } from './volunteer-enrolment.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, unitPii, type UnitTree } from '../../../test/unit/factories.js';
import { unitIdNumber } from '../../../test/unit/factories-roster.js';
import { unitAssignments, unitEnrolment } from '../../../test/unit/factories-volunteers.js';

describe('VolunteerEnrolmentService', () => {
  let ds: DataSource;
  let org: UnitTree;
  const enrolment = (iso: string) => {
    const clock = clockAt(iso);
    return new VolunteerEnrolmentService(
      new MemberNumberService(unitEnrolment(), clock),
      unitAssignments(ds, clock),
      unitPii,
      clock,
    );
  };
  const input = (userId: number, n: number, over: Partial<EnrolInput> = {}): EnrolInput => ({
    userId,
    applicationId: 100 + n,
    name: '孙敏',
    idEnc: unitPii.encrypt(unitIdNumber(n)),
    idHash: unitPii.hash('id_number', unitIdNumber(n)),
    phoneEnc: unitPii.encrypt('13912345678'),
    sex: 'female',
    birthDate: '1985-01-01',
    occupation: 'security_guard',
    companyId: null,
    siteId: null,
    residenceCommunityId: org.communityA.id,
    skills: [{ name: '调解' }],
    station: org.stationA,
    rule: 'residence',
    criminalCheckedAt: new Date('2026-11-20T02:00:00Z'),
    ...over,
  });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clockAt('2026-11-01T00:00:00Z').now());
  });
  afterAll(() => ds.destroy());

  it('a new member gets the next number of the Shanghai year, the vest issued that Shanghai day, and a first assignment', async () => {
    const user = await createUser(ds, new Date('2026-12-31T00:00:00Z'));
    const officer = staffActor('station_officer', org.stationA, 5);
    const v = await ds.transaction((m) => enrolment('2026-12-31T16:30:00Z').enrol(m, officer, input(user.id, 1)));
    expect(v.memberNo).toBe('MAS2027000001');
    expect(v.equipment).toEqual([{ item: REQUIRED_EQUIPMENT, issuedOn: '2027-01-01', count: 1 }]);
    expect([v.status, v.tier, v.stationId, v.name]).toEqual(['active', 'basic', org.stationA.id, '孙敏']);
    expect(v.phoneHash).toBe(unitPii.hash('phone', '13912345678'));
    const history = await ds.getRepository(StationAssignment).findBy({ volunteerId: v.id });
    expect(history).toMatchObject([
      { fromStationId: null, toStationId: org.stationA.id, rule: 'residence', status: 'accepted', decidedById: 5 },
    ]);
  });

  it('a revoked person who applies again gets their old record and number back, reactivated from today', async () => {
    const at = new Date('2025-01-01T00:00:00Z');
    const user = await createUser(ds, at);
    const old = await createVolunteer(ds, at, user, org.stationB, {
      memberNo: 'MAS2025000007',
      status: 'revoked',
      statusReason: '长期未履职',
      idHash: unitPii.hash('id_number', unitIdNumber(2)),
      lastDutyAt: at,
      serviceMinutes: 600,
    });
    const newAccount = await createUser(ds, at);
    const sut = enrolment('2026-11-30T15:30:00Z');
    const v = await ds.transaction((m) =>
      sut.enrol(m, staffActor('station_officer', org.stationA), input(newAccount.id, 2, { phoneEnc: null })),
    );
    expect(v.id).toBe(old.id);
    expect([v.memberNo, v.userId, v.status, v.statusReason, v.stationId]).toEqual([
      'MAS2025000007',
      newAccount.id,
      'active',
      null,
      org.stationA.id,
    ]);
    expect(v.joinedAt.getTime() - Date.parse('2026-11-30T15:30:00Z')).toBeLessThan(60_000);
    expect([v.lastDutyAt, v.serviceMinutes, v.phoneHash]).toEqual([null, 600, null]);
    const [move] = await ds.getRepository(StationAssignment).findBy({ volunteerId: v.id });
    expect([move.fromStationId, move.toStationId]).toEqual([org.stationB.id, org.stationA.id]);
    expect(await ds.getRepository(Volunteer).countBy({ idHash: old.idHash! })).toBe(1);
  });
});
