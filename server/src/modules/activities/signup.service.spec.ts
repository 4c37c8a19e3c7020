import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock/clock.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { Notification } from '../../../test/unit/rows.js';
import type { User } from '../../../test/unit/rows.js';
import type { Volunteer } from '../../../test/unit/rows.js';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { SignupService } from './signup.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  FakeWechat,
  createUser,
  createVolunteer,
  orgTree,
  unitAudit,
  unitNotifications,
  type UnitTree,
} from '../../../test/unit/factories.js';
import {
  FakeAgreements,
  FakeInsurance,
  createActivity,
  createSignup,
  memberActor,
  unitTeams,
  unitReach,
} from '../../../test/unit/factories-activities.js';

const START = new Date('2026-12-01T02:00:00Z');

describe('SignupService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let insurance: FakeInsurance, agreements: FakeAgreements;
  let members: { user: User; volunteer: Volunteer }[];
  const clock = clockAt('2026-11-30T15:30:00Z');
  const service = (c: Clock = clock) =>
    new SignupService(
      ds,
      agreements,
      insurance,
      unitNotifications(ds, c, new FakeWechat()),
      unitAudit(ds, c),
      c,
      unitTeams(ds),
      unitReach(ds, c),
    );
  const actor = (i: number) => memberActor(members[i].user);
  const status = (id: number) => ds.getRepository(ActivitySignup).findOneByOrFail({ id });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    insurance = new FakeInsurance();
    agreements = new FakeAgreements();
    members = [];
    for (let i = 0; i < 5; i++) {
      const user = await createUser(ds, clock.now());
      members.push({ user, volunteer: await createVolunteer(ds, clock.now(), user, org.stationA) });
    }
  });

  afterAll(() => ds.destroy());

  it('places go in arrival order while they last, the rest wait in line, and nobody holds two live sign-ups', async () => {
    const a = await createActivity(ds, org.stationA, START, { capacity: 2 });
    const sut = service();
    const res = [];
    for (const i of [0, 1, 2, 3]) res.push(await sut.signUp(actor(i), a.id));
    expect(res.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ['confirmed', null],
      ['confirmed', null],
      ['waitlisted', 1],
      ['waitlisted', 2],
    ]);
    expect(await code(sut.signUp(actor(2), a.id))).toBe('ACTIVITY_ALREADY_SIGNED_UP');
    expect((await ds.getRepository(Activity).findOneByOrFail({ id: a.id })).confirmedCount).toBe(2);
  });

  it('a confirmed volunteer who withdraws frees the place for the first in line, who is told; after the deadline nobody withdraws', async () => {
    const a = await createActivity(ds, org.stationA, new Date('2026-12-02T02:00:00Z'), {
      capacity: 1,
      title: '雨山湖夜巡',
    });
    const sut = service();
    await sut.signUp(actor(0), a.id);
    const second = await sut.signUp(actor(1), a.id);
    const third = await sut.signUp(actor(2), a.id);
    const cancelled = await sut.cancel(actor(0), a.id);
    expect(cancelled.status).toBe('cancelled');
    expect((await status(second.id)).status).toBe('confirmed');
    expect((await status(third.id)).status).toBe('waitlisted');
    const told = await ds.getRepository(Notification).findBy({ userId: members[1].user.id });
    expect(told.map((n) => n.title)).toEqual(['候补成功']);
    // signing up again after withdrawing joins the back of the line
    expect(await sut.signUp(actor(0), a.id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(await code(service(clockAt('2026-12-02T02:00:01Z')).cancel(actor(1), a.id))).toBe('ACTIVITY_CANCEL_CLOSED');
    expect(await code(sut.cancel(actor(4), a.id))).toBe('ACTIVITY_NOT_SIGNED_UP');
  });

  it('only a published activity before its sign-up deadline takes sign-ups, and only from volunteers', async () => {
    const draft = await createActivity(ds, org.stationA, START, { status: 'draft' });
    const cancelled = await createActivity(ds, org.stationA, START, { status: 'cancelled' });
    const open = await createActivity(ds, org.stationA, new Date('2026-12-04T02:00:00Z'), {
      signupDeadline: new Date('2026-11-30T16:00:00Z'),
    });
    expect(await code(service().signUp(actor(0), draft.id))).toBe('NOT_FOUND');
    expect(await code(service().signUp(actor(0), cancelled.id))).toBe('ACTIVITY_NOT_OPEN');
    const stranger = await createUser(ds, clock.now());
    expect(await code(service().signUp(memberActor(stranger), open.id))).toBe('ACTIVITY_NOT_A_VOLUNTEER');
    expect(await code(service(clockAt('2026-11-30T16:00:01Z')).signUp(actor(0), open.id))).toBe(
      'ACTIVITY_SIGNUP_CLOSED',
    );
    expect((await service(clockAt('2026-11-30T15:59:59Z')).signUp(actor(0), open.id)).status).toBe('confirmed');
  });

  it('a high-risk activity needs insurance over its period and the signed agreement; overlapping places clash', async () => {
    const risky = await createActivity(ds, org.stationA, new Date('2026-12-03T02:00:00Z'), { riskLevel: 'high' });
    const sut = service();
    const v = members[3].volunteer.id;
    expect(await code(sut.signUp(actor(3), risky.id))).toBe('ACTIVITY_INSURANCE_REQUIRED');
    insurance.covered.add(v);
    expect(await code(sut.signUp(actor(3), risky.id))).toBe('ACTIVITY_AGREEMENT_REQUIRED');
    agreements.signed.add(v);
    expect((await sut.signUp(actor(3), risky.id)).status).toBe('confirmed');
    const overlapping = await createActivity(ds, org.stationA, new Date('2026-12-03T03:00:00Z'));
    expect(await code(sut.signUp(actor(3), overlapping.id))).toBe('ACTIVITY_SCHEDULE_CLASH');
  });

  it('in an officer-confirmed activity staff in scope confirm within capacity or reject, each pending sign-up once', async () => {
    const a = await createActivity(ds, org.stationA, new Date('2026-12-05T02:00:00Z'), {
      signupMode: 'officer_confirmed',
      capacity: 1,
    });
    const pending = [];
    for (const i of [0, 1, 2]) pending.push(await createSignup(ds, a, members[i].volunteer, { status: 'pending' }));
    const [p0, p1, p2] = pending.map((s) => s.id);
    expect(await code(service().review(staffActor('station_officer', org.stationB), a.id, [p0], 'confirm'))).toBe(
      'NOT_FOUND',
    );
    const officer = staffActor('station_officer', org.stationA, 21);
    expect(await service().review(officer, a.id, [p0, p1, p0], 'confirm')).toEqual({
      confirmed: [p0],
      rejected: [],
      full: [p1],
      skipped: [],
    });
    expect(await service().review(officer, a.id, [p2, p0], 'reject')).toEqual({
      confirmed: [],
      rejected: [p2],
      full: [],
      skipped: [p0],
    });
    expect([(await status(p1)).status, (await status(p2)).live]).toEqual(['pending', null]);
    const audits = await ds.getRepository(AuditLog).findBy({ actorId: 21 });
    expect(audits.map((x) => [x.action, x.targetId])).toEqual([
      ['activity.signup.confirm', String(p0)],
      ['activity.signup.reject', String(p2)],
    ]);
  });
});
