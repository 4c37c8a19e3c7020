import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { ApplicationGateService } from './application-gate.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
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
import { unitIdNumber } from '../../../test/unit/factories-roster.js';
import { codeOf, unitEnrolment } from '../../../test/unit/factories-volunteers.js';
import { createApplication } from '../../../test/unit/factories-applications.js';

const idHash = (n: number) => unitPii.hash('id_number', unitIdNumber(n));
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: { code: string; details?: Record<string, unknown> }) => ({ code: e.code, ...e.details }),
  );

describe('ApplicationGateService', () => {
  let ds: DataSource;
  let org: UnitTree;
  const at = clockAt('2026-11-30T15:30:00Z').now();
  const gateAt = (iso: string) => {
    const clock = clockAt(iso);
    return new ApplicationGateService(
      ds,
      unitEnrolment({
        APPLICATION_RATE_PER_USER: '2',
        APPLICATION_RATE_PER_ID_NUMBER: '3',
        APPLICATION_RATE_WINDOW_MINUTES: '60',
        REAPPLY_COOL_OFF_DAYS: '30',
      }),
      unitPii,
      unitAudit(ds, clock),
      clock,
      unitOrg(ds),
      new VolunteerQueries(ds),
    );
  };
  const applicant = async (): Promise<Actor> => ({
    ...staffActor('station_officer', org.stationA),
    userId: (await createUser(ds, at)).id,
    staffRoles: [],
    roles: [],
    isStaff: false,
  });
  const audits = (action: string, userId: number) =>
    ds.getRepository(AuditLog).findBy({ action, targetId: String(userId) });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, at);
  });
  afterAll(() => ds.destroy());

  it('an applicant gets two submissions an hour: the third is refused until the window ends, audited once', async () => {
    const gate = gateAt('2026-11-30T15:30:00Z');
    const me = await applicant();
    await gate.countAttempt(me, idHash(1));
    await gate.countAttempt(me, idHash(2));
    expect(await refusal(gate.countAttempt(me, idHash(3)))).toMatchObject({
      code: 'APPLICATION_RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    expect(await codeOf(gate.countAttempt(me, idHash(4)))).toBe('APPLICATION_RATE_LIMITED');
    const entries = await audits('application.rate_limited', me.userId);
    expect(entries.map((e) => e.after)).toEqual([{ scope: 'user', limit: 2, windowMinutes: 60 }]);
    expect(entries[0].orgUnitId).toBe(org.city.id);
    expect(await codeOf(gateAt('2026-11-30T16:31:00Z').countAttempt(me, idHash(5)))).toBe('ok');
  });

  it('one ID number tried by many accounts is refused after three, audited at the station holding it', async () => {
    const gate = gateAt('2026-11-30T15:30:00Z');
    await createApplication(ds, at, await createUser(ds, at), org.stationB, 10);
    for (let i = 0; i < 3; i++) await gate.countAttempt(await applicant(), idHash(10));
    const fourth = await applicant();
    expect(await codeOf(gate.countAttempt(fourth, idHash(10)))).toBe('APPLICATION_RATE_LIMITED');
    const [entry] = await audits('application.rate_limited', fourth.userId);
    expect([entry.orgUnitId, entry.after?.scope]).toEqual([org.stationB.id, 'id_number']);
  });

  it("a member's ID number: the member (by account or phone on record) is told, anyone else gets the neutral answer", async () => {
    const gate = gateAt('2026-11-30T15:30:00Z');
    const holder = await createUser(ds, at);
    await createVolunteer(ds, at, holder, org.stationA, {
      idHash: idHash(20),
      phoneEnc: unitPii.encrypt('13811112222'),
    });
    const other = await applicant();
    expect(await codeOf(gate.assertIdNumberFree(other, idHash(20), '13811112222', null))).toBe(
      'APPLICANT_ALREADY_MEMBER',
    );
    expect(await codeOf(gate.assertIdNumberFree(other, idHash(20), '13899998888', null))).toBe(
      'ID_NUMBER_ALREADY_REGISTERED',
    );
    const [probe] = await audits('application.id_conflict', other.userId);
    expect([probe.orgUnitId, probe.after]).toEqual([org.stationA.id, { heldAs: 'member' }]);
    const self = { ...other, userId: holder.id };
    expect(await codeOf(gate.assertIdNumberFree(self, idHash(99), '13800000000', null))).toBe(
      'APPLICANT_ALREADY_MEMBER',
    );
  });

  it('a revoked person waits out the cool-off, told until which Shanghai date; then the ID number is free', async () => {
    const holder = await createUser(ds, at);
    await createVolunteer(ds, at, holder, org.stationA, {
      idHash: idHash(30),
      status: 'revoked',
      statusChangedAt: new Date('2026-11-01T17:00:00Z'),
    });
    const self = { ...(await applicant()), userId: holder.id };
    // revoked at 01:00 on 2 November in Shanghai: 30 days later is 2 December there
    expect(await refusal(gateAt('2026-11-30T15:30:00Z').assertIdNumberFree(self, idHash(30), '1', null))).toEqual({
      code: 'APPLICANT_REVOKED_COOL_OFF',
      until: '2026-12-02',
      coolOffDays: 30,
    });
    const stranger = await applicant();
    expect(await codeOf(gateAt('2026-11-30T15:30:00Z').assertIdNumberFree(stranger, idHash(30), '1', null))).toBe(
      'ID_NUMBER_ALREADY_REGISTERED',
    );
    expect(await codeOf(gateAt('2026-12-01T17:01:00Z').assertIdNumberFree(self, idHash(30), '1', null))).toBe('ok');
  });

  it('an open application blocks a second one, except the one being resubmitted', async () => {
    const gate = gateAt('2026-11-30T15:30:00Z');
    const owner = await createUser(ds, at);
    const app = await createApplication(ds, at, owner, org.stationA, 40, { phone: '13622223333' });
    const me = { ...(await applicant()), userId: owner.id };
    expect(await codeOf(gate.assertIdNumberFree(me, idHash(41), '13600000000', null))).toBe(
      'APPLICATION_ALREADY_PENDING',
    );
    expect(await codeOf(gate.assertIdNumberFree(me, idHash(40), '13600000000', app.id))).toBe('ok');
    const other = await applicant();
    expect(await codeOf(gate.assertIdNumberFree(other, idHash(40), '13622223333', null))).toBe(
      'APPLICATION_ALREADY_PENDING',
    );
    expect(await codeOf(gate.assertIdNumberFree(other, idHash(40), '13600000000', null))).toBe(
      'ID_NUMBER_ALREADY_REGISTERED',
    );
  });
});
