import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock/clock.js';
import { ActivityQueries } from '../activities/activity-queries.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { Volunteer } from '../../../test/unit/rows.js';
import type { CreatePolicyDto } from './insurance.dto.js';
import { InsuranceService } from './insurance.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createUser,
  createVolunteer,
  orgTree,
  unitAudit,
  unitOrg,
  type UnitTree,
} from '../../../test/unit/factories.js';

describe('InsuranceService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let volA1: Volunteer, volA2: Volunteer, volB: Volunteer;
  const clock = clockAt('2026-11-30T15:30:00Z');
  const service = (c: Clock = clock) =>
    new InsuranceService(ds, unitAudit(ds, c), c, unitOrg(ds), new VolunteerQueries(ds), new ActivityQueries(ds));
  const policy = (over: Partial<CreatePolicyDto> = {}): CreatePolicyDto => ({
    insurer: '中国人寿马鞍山分公司',
    policyNo: 'PICC-2026-0001',
    validFrom: '2026-01-01T00:00:00+08:00',
    validTo: '2026-12-01T00:00:00+08:00',
    ...over,
  });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    volA1 = await createVolunteer(ds, at, await createUser(ds, at), org.stationA);
    volA2 = await createVolunteer(ds, at, await createUser(ds, at), org.stationA);
    volB = await createVolunteer(ds, at, await createUser(ds, at), org.stationB);
  });

  afterAll(() => ds.destroy());

  it('a policy belongs to a unit in scope, runs forwards, and its number is unique; creation is audited', async () => {
    const branchA = staffActor('branch_officer', org.branchA, 5);
    expect(await code(service().create(branchA, policy({ orgUnitId: org.stationB.id })))).toBe('NOT_FOUND');
    const backwards = policy({ validFrom: '2026-12-01T00:00:00+08:00', validTo: '2026-12-01T00:00:00+08:00' });
    expect(await code(service().create(branchA, backwards))).toBe('INSURANCE_INVALID_PERIOD');
    const created = await service().create(branchA, policy());
    expect(created).toMatchObject({ orgUnit: { id: org.branchA.id, name: '雨山分局' }, insuredCount: 0 });
    expect(await code(service().create(branchA, policy({ insurer: '另一家' })))).toBe('INSURANCE_POLICY_NO_TAKEN');
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'insurance.policy.create' });
    expect([audit.actorId, audit.orgPath]).toEqual([5, org.branchA.path]);
    expect((await service().list(staffActor('branch_officer', org.branchB), { page: 1, pageSize: 10 })).total).toBe(0);
  });

  it('enrols volunteers of the scope once each, counting those already insured', async () => {
    const branchA = staffActor('branch_officer', org.branchA);
    const p = await service().create(branchA, policy({ policyNo: 'PICC-2026-0002' }));
    expect(await service().enrol(branchA, p.id, [volA1.id, volA1.id])).toEqual({
      enrolled: 1,
      alreadyInsured: 0,
      insuredCount: 1,
    });
    expect(await service().enrol(branchA, p.id, [volA1.id, volA2.id])).toEqual({
      enrolled: 1,
      alreadyInsured: 1,
      insuredCount: 2,
    });
  });

  it("refuses volunteers outside the scope, unknown ones and another branch's policy", async () => {
    const branchA = staffActor('branch_officer', org.branchA);
    const p = await service().create(branchA, policy({ policyNo: 'PICC-2026-0003' }));
    expect(await code(service().enrol(branchA, p.id, [volA1.id, volB.id]))).toBe('NOT_FOUND');
    await expect(service().enrol(branchA, p.id, [volA1.id, 99_999])).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { volunteerIds: [99_999] },
    });
    expect(await code(service().enrol(staffActor('branch_officer', org.branchB), p.id, [volB.id]))).toBe('NOT_FOUND');
    expect((await service().get(branchA, p.id)).insuredCount).toBe(0);
  });

  it('a volunteer sees their policies, active until the end instant (midnight in Shanghai = 16:00 UTC)', async () => {
    const member = { ...staffActor('station_officer', org.stationA), userId: volA1.userId, isStaff: false };
    const before = await service(clockAt('2026-11-30T15:59:00Z')).mine(member);
    expect(before.policies.map((p) => [p.policyNo, p.activeNow])).toEqual([['PICC-2026-0002', true]]);
    const after = await service(clockAt('2026-11-30T16:00:01Z')).mine(member);
    expect(after.policies.map((p) => p.activeNow)).toEqual([false]);
    expect(await service().mine({ ...member, userId: 99_999 })).toEqual({ policies: [] });
  });
});
