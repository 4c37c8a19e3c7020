import type { DataSource } from 'typeorm';
import { Notification } from '../../../test/unit/rows.js';
import { UserQueries } from '../users/user-queries.js';
import type { User } from '../../../test/unit/rows.js';
import type { Volunteer } from '../../../test/unit/rows.js';
import { ActivityJobsService } from './activity-jobs.service.js';
import { CheckinService } from './checkin.service.js';
import { Activity } from './entities/activity.entity.js';
import { ActivitySignup } from './entities/activity-signup.entity.js';
import { SignupService } from './signup.service.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import {
  FakeWechat,
  createStaffUser,
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
  unitActivitiesConfig,
  unitTeams,
  unitReach,
} from '../../../test/unit/factories-activities.js';

const NOW = '2026-11-30T15:30:00Z';
const at = (iso: string) => new Date(iso);

describe('ActivityJobsService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let members: { user: User; v: Volunteer }[];
  const sut = (iso = NOW) => {
    const clock = clockAt(iso);
    const config = unitActivitiesConfig();
    const notifications = unitNotifications(ds, clock, new FakeWechat());
    return new ActivityJobsService(
      ds,
      config,
      new CheckinService(ds, config, clock, unitTeams(ds)),
      notifications,
      new SignupService(
        ds,
        new FakeAgreements(),
        new FakeInsurance(),
        notifications,
        unitAudit(ds, clock),
        clock,
        unitTeams(ds),
        unitReach(ds, clock),
      ),
      clock,
      new UserQueries(ds),
    );
  };
  const status = async (id: number) => (await ds.getRepository(Activity).findOneByOrFail({ id })).status;
  const messages = (template: string) =>
    ds.getRepository(Notification).find({ where: { template }, order: { id: 'ASC' } });

  beforeEach(async () => {
    await clearTables(ds);
    org = await orgTree(ds, at(NOW));
    members = [];
    for (let i = 0; i < 3; i++) {
      const user = await createUser(ds, at(NOW));
      members.push({ user, v: await createVolunteer(ds, at(NOW), user, org.stationA) });
    }
  });

  beforeAll(async () => {
    ds = await unitDataSource();
  });

  afterAll(() => ds.destroy());

  it('moves activities along the clock: started ones run, ended ones finish, and a rerun changes nothing', async () => {
    const starting = await createActivity(ds, org.stationA, at('2026-11-30T15:30:00Z'));
    const ending = await createActivity(ds, org.stationA, at('2026-11-30T13:30:00Z'), { status: 'ongoing' });
    const later = await createActivity(ds, org.stationA, at('2026-11-30T15:31:00Z'));
    const draft = await createActivity(ds, org.stationA, at('2026-11-30T10:00:00Z'), { status: 'draft' });
    expect(await sut().advanceLifecycle(at(NOW))).toEqual({ started: 1, finished: 1 });
    expect(await Promise.all([starting, ending, later, draft].map((a) => status(a.id)))).toEqual([
      'ongoing',
      'finished',
      'published',
      'draft',
    ]);
    expect(await sut().advanceLifecycle(at(NOW))).toEqual({ started: 0, finished: 0 });
  });

  it('reminds each confirmed, not yet checked-in volunteer once within the hour before, in Shanghai time', async () => {
    // 00:20 on 1 December in Shanghai, 50 minutes from now; another starting in 61 minutes is not yet due
    const soon = await createActivity(ds, org.stationA, at('2026-11-30T16:20:00Z'), { address: '采石矶景区东门' });
    const notYet = await createActivity(ds, org.stationA, at('2026-11-30T16:31:00Z'));
    await createSignup(ds, soon, members[0].v);
    await createSignup(ds, soon, members[1].v, { status: 'waitlisted' });
    await createSignup(ds, soon, members[2].v, { checkinAt: at(NOW) });
    await createSignup(ds, notYet, members[1].v);
    expect(await sut().remindStartingSoon(at(NOW))).toBe(1);
    expect(await sut().remindStartingSoon(at(NOW))).toBe(0);
    const sent = await messages('activity_reminder');
    expect(sent.map((n) => [n.userId, n.body])).toEqual([
      [
        members[0].user.id,
        `您报名的活动“${soon.title}”将于 2026-12-01 00:20 开始，地点：采石矶景区东门。到达后请签到。`,
      ],
    ]);
    expect(await sut('2026-11-30T15:32:00Z').remindStartingSoon()).toBe(1);
  });

  it('an activity below its minimum at the sign-up deadline warns its publisher, or the unit’s staff, once', async () => {
    const publisher = await createStaffUser(ds, at(NOW), 'station_officer', org.stationA);
    const colleague = await createStaffUser(ds, at(NOW), 'station_officer', org.stationB);
    const byPublisher = await createActivity(ds, org.stationA, at('2026-11-30T18:00:00Z'), {
      minHeadcount: 3,
      signupDeadline: at('2026-11-30T15:30:00Z'),
      createdByUserId: publisher.id,
    });
    await createSignup(ds, byPublisher, members[0].v);
    const orphan = await createActivity(ds, org.stationB, at('2026-11-30T18:00:00Z'), {
      minHeadcount: 1,
      signupDeadline: at('2026-11-30T15:00:00Z'),
    });
    // the sign-up deadline not yet reached: no warning
    await createActivity(ds, org.stationA, at('2026-11-30T18:00:00Z'), {
      minHeadcount: 3,
      signupDeadline: at('2026-11-30T15:31:00Z'),
    });
    expect(await sut().warnUnderfilled(at(NOW))).toBe(2);
    expect(await sut().warnUnderfilled(at(NOW))).toBe(0);
    const warned = await messages('activity_changed');
    expect(warned.map((n) => [n.userId, n.body])).toEqual([
      [publisher.id, `活动“${byPublisher.title}”报名截止时仅 1 人，低于最低 3 人`],
      [colleague.id, `活动“${orphan.title}”报名截止时仅 0 人，低于最低 1 人`],
    ]);
  });

  it('a free place left beside a waiting line goes to the first in line; officer-confirmed activities are left alone', async () => {
    const instant = await createActivity(ds, org.stationA, at('2026-12-01T02:00:00Z'), { capacity: 2 });
    const reviewed = await createActivity(ds, org.stationA, at('2026-12-02T02:00:00Z'), {
      signupMode: 'officer_confirmed',
    });
    await createSignup(ds, instant, members[0].v);
    const first = await createSignup(ds, instant, members[1].v, { status: 'waitlisted' });
    const second = await createSignup(ds, instant, members[2].v, { status: 'waitlisted' });
    const untouched = await createSignup(ds, reviewed, members[0].v, { status: 'waitlisted' });
    const res = await sut().runAll(at(NOW));
    expect(res).toEqual({ started: 0, finished: 0, autoCheckedOut: 0, underfilledWarned: 0, promoted: 1 });
    const rows = await ds.getRepository(ActivitySignup).find({ order: { id: 'ASC' } });
    const byId = new Map(rows.map((s) => [s.id, s.status]));
    expect([byId.get(first.id), byId.get(second.id), byId.get(untouched.id)]).toEqual([
      'confirmed',
      'waitlisted',
      'waitlisted',
    ]);
    expect((await messages('signup_result')).map((n) => n.userId)).toEqual([members[1].user.id]);
    expect((await sut().runAll(at(NOW))).promoted).toBe(0);
  });
});
