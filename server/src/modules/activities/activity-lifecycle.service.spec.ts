import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock/clock.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { CompaniesService } from '../companies/companies.service.js';
import { CompanyReferences } from '../companies/company-references.js';
import { Notification } from '../../../test/unit/rows.js';
import { UserQueries } from '../users/user-queries.js';
import type { User } from '../../../test/unit/rows.js';
import { MemberDirectory } from '../volunteers/member-directory.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { Volunteer } from '../../../test/unit/rows.js';
import { ActivityLifecycleService } from './activity-lifecycle.service.js';
import { ActivityViews } from './activity-views.service.js';
import type { ActivityInputDto } from './dto/activity.dto.js';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { SignupService } from './signup.service.js';
import { WartimeQueries } from '../wartime/wartime-queries.js';
import { WartimeState } from '../../../test/unit/rows.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  FakeWechat,
  createUser,
  createVolunteer,
  orgTree,
  unitAudit,
  unitNotifications,
  unitOrg,
  unitPii,
  type UnitTree,
} from '../../../test/unit/factories.js';
import {
  FakeAgreements,
  FakeInsurance,
  createActivity,
  createSignup,
  memberActor,
  unitActivitiesConfig,
  unitTeams,
  unitReach,
} from '../../../test/unit/factories-activities.js';

const input = (over: Partial<ActivityInputDto> = {}) =>
  ({
    title: '采石片区夜间巡逻',
    type: 'street_patrol',
    description: '沿江路段巡逻',
    location: { address: '采石矶景区东门', lat: 31.6, lng: 118.5, radiusM: 300 },
    startAt: '2026-12-10T02:00:00.000Z',
    endAt: '2026-12-10T04:00:00.000Z',
    capacity: 10,
    pointsRule: 'per_hour',
    pointsAmount: 10,
    mode: 'daily',
    signupMode: 'instant',
    ...over,
  }) as ActivityInputDto;

describe('ActivityLifecycleService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let members: { user: User; v: Volunteer }[];
  const clock = clockAt('2026-11-30T15:30:00Z');
  const sut = (c: Clock = clock) => {
    const notifications = unitNotifications(ds, c, new FakeWechat());
    const audit = unitAudit(ds, c);
    const volunteers = new VolunteerQueries(ds);
    const users = new UserQueries(ds);
    return new ActivityLifecycleService(
      ds,
      unitActivitiesConfig(),
      audit,
      notifications,
      new ActivityViews(ds, c, new MemberDirectory(ds, users), unitOrg(ds), volunteers, unitTeams(ds)),
      new SignupService(
        ds,
        new FakeAgreements(),
        new FakeInsurance(),
        notifications,
        audit,
        c,
        unitTeams(ds),
        unitReach(ds, c),
      ),
      c,
      new CompaniesService(ds, unitPii, audit, c, unitOrg(ds), users, new CompanyReferences()),
      unitReach(ds, c),
      volunteers,
      unitTeams(ds),
      new WartimeQueries(ds.getRepository(WartimeState)),
    );
  };
  const officer = () => staffActor('station_officer', org.stationA, 41);
  const load = (id: number) => ds.getRepository(Activity).findOneByOrFail({ id });
  const told = (userId: number) => ds.getRepository(Notification).findBy({ userId });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    members = [];
    for (let i = 0; i < 3; i++) {
      const user = await createUser(ds, clock.now());
      members.push({ user, v: await createVolunteer(ds, clock.now(), user, org.stationA) });
    }
  });

  afterAll(() => ds.destroy());

  it('staff create drafts at their unit or below, in scope, with consistent times, audited', async () => {
    expect(await code(sut().create(officer(), input({ orgUnitId: org.stationB.id })))).toBe('NOT_FOUND');
    // a station officer never publishes for the branch above (the branch officer does, below)
    expect(await code(sut().create(officer(), input({ orgUnitId: org.branchA.id })))).toBe('ACTIVITY_ORG_ABOVE_SCOPE');
    expect(await code(sut().create(officer(), input({ endAt: '2026-12-10T02:00:00.000Z' })))).toBe(
      'ACTIVITY_INVALID_TIME',
    );
    const created = await sut().create(officer(), input({ type: 'disaster_relief', orgUnitId: org.communityA.id }));
    expect(created).toMatchObject({ status: 'draft', riskLevel: 'high', orgUnit: { id: org.communityA.id } });
    expect(created.signupDeadline).toBe(created.startAt);
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'activity.create' });
    expect([audit.actorId, audit.targetId]).toEqual([41, String(created.id)]);
    const branch = staffActor('branch_officer', org.branchA);
    expect((await sut().create(branch, input())).orgUnit.id).toBe(org.branchA.id);
  });

  it('publishing fixes the points factor (wartime × 2), once, and never for an activity already over', async () => {
    const wartime = await sut().create(officer(), input({ mode: 'wartime' }));
    expect(await sut().publish(officer(), wartime.id)).toMatchObject({ status: 'published', pointsFactorPct: 200 });
    expect(await code(sut().publish(officer(), wartime.id))).toBe('ACTIVITY_INVALID_STATE');
    const past = await sut().create(officer(), input());
    expect(await code(sut(clockAt('2026-12-10T04:00:00Z')).publish(officer(), past.id))).toBe('ACTIVITY_INVALID_TIME');
  });

  it('volunteers propose to their own station only, at most three waiting; approval scales the points, rejection frees a place', async () => {
    const me = memberActor(members[0].user);
    expect(await code(sut().propose(me, input({ orgUnitId: org.stationB.id })))).toBe('PROPOSAL_STATION_NOT_ALLOWED');
    expect(await code(sut().propose(memberActor(await createUser(ds, clock.now())), input()))).toBe('FORBIDDEN');
    const open = [];
    for (let i = 0; i < 3; i++) open.push(await sut().propose(me, input({ mode: 'wartime' })));
    expect(open.map((p) => [p.status, p.proposal?.status])).toEqual(Array(3).fill(['draft', 'pending']));
    expect(await code(sut().propose(me, input()))).toBe('PROPOSAL_LIMIT_REACHED');
    expect(await code(sut().publish(officer(), open[0].id))).toBe('ACTIVITY_INVALID_STATE');
    // wartime 200 % × proposal 80 %
    expect(await sut().approveProposal(officer(), open[0].id)).toMatchObject({
      status: 'published',
      pointsFactorPct: 160,
    });
    expect((await sut().rejectProposal(officer(), open[1].id, '地点不合适')).proposal?.status).toBe('rejected');
    expect(await code(sut().rejectProposal(officer(), open[1].id, '再次'))).toBe('PROPOSAL_NOT_PENDING');
    expect((await told(members[0].user.id)).map((n) => n.title)).toEqual(['活动提议已通过', '活动提议未通过']);
    // two decided: two places free again
    await sut().propose(me, input());
    expect((await sut().propose(me, input())).proposal?.status).toBe('pending');
    expect(await code(sut().propose(me, input()))).toBe('PROPOSAL_LIMIT_REACHED');
  });

  it('editing: capacity never below the places given, more places go to the line, a move tells everyone signed up', async () => {
    const a = await createActivity(ds, org.stationA, new Date('2026-12-12T02:00:00Z'), { capacity: 1 });
    await createSignup(ds, a, members[0].v);
    const waiting = await createSignup(ds, a, members[1].v, { status: 'waitlisted' });
    expect(await code(sut().update(officer(), a.id, { capacity: 0 }))).toBe('ACTIVITY_CAPACITY_BELOW_CONFIRMED');
    expect(await code(sut().update(officer(), a.id, { signupMode: 'officer_confirmed' }))).toBe(
      'ACTIVITY_INVALID_STATE',
    );
    const res = await sut().update(officer(), a.id, { capacity: 2, startAt: '2026-12-12T03:00:00.000Z' });
    expect(res).toMatchObject({ capacity: 2, confirmedCount: 2, signupDeadline: '2026-12-12T03:00:00.000Z' });
    expect((await ds.getRepository(ActivitySignup).findOneByOrFail({ id: waiting.id })).status).toBe('confirmed');
    expect((await told(members[1].user.id)).map((n) => n.title)).toEqual(
      expect.arrayContaining(['候补成功', '活动变动通知']),
    );
  });

  it('cancelling tells everyone signed up, once', async () => {
    const a = await createActivity(ds, org.stationA, new Date('2026-12-14T02:00:00Z'));
    await createSignup(ds, a, members[2].v, { status: 'pending' });
    expect((await sut().cancel(officer(), a.id, '天气原因')).status).toBe('cancelled');
    expect((await told(members[2].user.id)).map((n) => n.body)).toEqual([`活动“${a.title}”已取消：天气原因`]);
    expect(await code(sut().cancel(officer(), a.id, '再次'))).toBe('ACTIVITY_INVALID_STATE');
  });

  it('settling waits for the end and for every check-in to be decided; confirmed places without one become no-shows', async () => {
    const a = await createActivity(ds, org.stationA, new Date('2026-12-16T02:00:00Z'));
    const checkedIn = await createSignup(ds, a, members[0].v, { checkinAt: new Date('2026-12-16T02:00:00Z') });
    const noShow = await createSignup(ds, a, members[1].v);
    expect(await code(sut(clockAt('2026-12-16T03:59:00Z')).settle(officer(), a.id))).toBe('ACTIVITY_INVALID_STATE');
    const after = sut(clockAt('2026-12-16T04:01:00Z'));
    expect(await code(after.settle(officer(), a.id))).toBe('ATTENDANCE_UNCONFIRMED');
    await ds.getRepository(ActivitySignup).update({ id: checkedIn.id }, { attendance: 'confirmed' });
    expect((await after.settle(officer(), a.id)).status).toBe('settled');
    expect((await ds.getRepository(ActivitySignup).findOneByOrFail({ id: noShow.id })).attendance).toBe('absent');
    expect((await load(a.id)).settledAt).not.toBeNull();
  });
});
