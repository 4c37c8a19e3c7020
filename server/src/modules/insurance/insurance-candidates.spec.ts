import type { DataSource } from 'typeorm';
import { InsuranceCandidates } from './insurance-candidates.js';
import { InsuranceService } from './insurance.service.js';
import { ActivityQueries } from '../activities/activity-queries.js';
import { TeamQueries } from '../teams/team-queries.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { Volunteer } from '../../../test/unit/rows.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createUser,
  createVolunteer,
  orgTree,
  unitAudit,
  unitOrg,
  unitPii,
  type UnitTree,
} from '../../../test/unit/factories.js';

describe(InsuranceCandidates.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let sut: InsuranceCandidates;
  let insurance: InsuranceService;
  let chen: Volunteer, gone: Volunteer, far: Volunteer;
  let policyId: number;
  const clock = clockAt('2026-11-30T23:30:00Z');
  const page = { page: 1, pageSize: 20 };
  const names = (r: { items: { name: string }[] }) => r.items.map((i) => i.name);

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    const volunteers = new VolunteerQueries(ds);
    sut = new InsuranceCandidates(ds, clock, unitPii, unitOrg(ds), volunteers, new TeamQueries(ds, volunteers));
    insurance = new InsuranceService(ds, unitAudit(ds, clock), clock, unitOrg(ds), volunteers, new ActivityQueries(ds));
    const vol = async (station: UnitTree['stationA'], over: Partial<Volunteer>) =>
      createVolunteer(ds, at, await createUser(ds, at), station, over);
    chen = await vol(org.stationA, { name: '陈志强', tier: 'core', phoneEnc: unitPii.encrypt('13900004321') });
    await vol(org.stationA, { name: '刘秀英', tier: 'basic', phoneEnc: unitPii.encrypt('13900001234') });
    gone = await vol(org.stationA, { name: '陈已退', status: 'revoked' });
    far = await vol(org.stationB, { name: '陈远方' });
    const branchA = staffActor('branch_officer', org.branchA);
    policyId = (
      await insurance.create(branchA, {
        insurer: '人保',
        policyNo: 'UNIT-CAND-1',
        validFrom: '2026-01-01T00:00:00+08:00',
        validTo: '2026-12-31T23:59:59+08:00',
      })
    ).id;
  });

  afterAll(() => ds.destroy());

  it('lists the active volunteers of the stations in scope, found by name, member number or phone tail', async () => {
    const branchA = staffActor('branch_officer', org.branchA);
    expect(names(await sut.list(branchA, policyId, { ...page, q: '陈' }))).toEqual(['陈志强']);
    expect(names(await sut.list(branchA, policyId, { ...page, q: '1234' }))).toEqual(['刘秀英']);
    expect(names(await sut.list(branchA, policyId, { ...page, q: chen.memberNo }))).toEqual(['陈志强']);
    expect(names(await sut.list(branchA, policyId, { ...page, tier: 'basic' }))).toEqual(['刘秀英']);
    const one = await sut.list(branchA, policyId, { page: 2, pageSize: 1 });
    expect([one.total, names(one)]).toEqual([2, ['刘秀英']]);
    expect((await sut.list(branchA, policyId, { ...page, q: '4321' })).items[0]).toMatchObject({
      phoneMasked: '139****4321',
      station: { id: org.stationA.id, name: '采石派出所' },
      inPolicy: false,
      coveredUntil: null,
    });
    expect(gone.status).toBe('revoked');
    expect(far.stationId).toBe(org.stationB.id);
  });

  it("refuses another branch's policy, a station or team out of scope", async () => {
    const branchA = staffActor('branch_officer', org.branchA);
    expect(await code(sut.list(staffActor('branch_officer', org.branchB), policyId, page))).toBe('NOT_FOUND');
    expect(await code(sut.list(branchA, policyId, { ...page, stationId: org.stationB.id }))).toBe('NOT_FOUND');
    expect(await code(sut.list(branchA, policyId, { ...page, teamId: 99_999 }))).toBe('NOT_FOUND');
    expect(await sut.filters(branchA, policyId)).toEqual({
      stations: [{ id: org.stationA.id, name: '采石派出所' }],
      teams: [],
    });
  });

  it('只看未投保 leaves out those under this policy, or under any policy in force now', async () => {
    const branchA = staffActor('branch_officer', org.branchA);
    await insurance.enrol(branchA, policyId, [chen.id]);
    expect(names(await sut.list(branchA, policyId, { ...page, uninsured: 'policy' }))).toEqual(['刘秀英']);
    const other = await insurance.create(branchA, {
      insurer: '国寿',
      policyNo: 'UNIT-CAND-2',
      validFrom: '2026-01-01T00:00:00+08:00',
      validTo: '2027-12-31T23:59:59+08:00',
    });
    expect(names(await sut.list(branchA, other.id, { ...page, uninsured: 'policy' }))).toEqual(['陈志强', '刘秀英']);
    expect(names(await sut.list(branchA, other.id, { ...page, uninsured: 'any' }))).toEqual(['刘秀英']);
    const shown = (await sut.list(branchA, other.id, { ...page, q: '陈志强' })).items[0];
    expect(shown).toMatchObject({ inPolicy: false, coveredUntil: '2026-12-31T15:59:59.000Z' });
  });
});
