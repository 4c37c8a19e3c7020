import type { DataSource } from 'typeorm';
import type { PageQueryDto } from '../../common/pagination.js';
import { UserQueries } from '../users/user-queries.js';
import type { User } from '../../../test/unit/rows.js';
import { MemberDirectory } from '../volunteers/member-directory.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { Volunteer } from '../../../test/unit/rows.js';
import { ActivityViews } from './activity-views.service.js';
import type { ActivityListQueryDto, AdminActivityListQueryDto, MyActivityListQueryDto } from './dto/activity.dto.js';
import type { SignupListQueryDto } from './dto/signup.dto.js';
import type { Activity } from './entities/activity.entity.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, unitOrg, type UnitTree } from '../../../test/unit/factories.js';
import { createActivity, createSignup, memberActor, unitTeams } from '../../../test/unit/factories-activities.js';

const page = <T>(over: Partial<T> = {}) => ({ page: 1, pageSize: 20, ...over }) as T & PageQueryDto;
describe('ActivityViews', () => {
  let ds: DataSource;
  let org: UnitTree;
  let sut: ActivityViews;
  /** 23:40–23:55 on 30 November in Shanghai, and 00:05–00:20 on 1 December, both at station A. */
  let lateNight: Activity, pastMidnight: Activity, far: Activity, draft: Activity, atB: Activity;
  let members: { user: User; v: Volunteer }[];
  const clock = clockAt('2026-11-30T15:30:00Z');
  const views = (iso: string) =>
    new ActivityViews(
      ds,
      clockAt(iso),
      new MemberDirectory(ds, new UserQueries(ds)),
      unitOrg(ds),
      new VolunteerQueries(ds),
      unitTeams(ds),
    );

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    sut = views(clock.now().toISOString());
    const t = (iso: string) => new Date(iso);
    lateNight = await createActivity(ds, org.stationA, t('2026-11-30T15:40:00Z'), {
      endAt: t('2026-11-30T15:55:00Z'),
      capacity: 1,
    });
    pastMidnight = await createActivity(ds, org.communityA, t('2026-11-30T16:05:00Z'), {
      endAt: t('2026-11-30T16:20:00Z'),
    });
    // 0.1° north: about 11 km away
    far = await createActivity(ds, org.stationA, t('2026-12-02T02:00:00Z'), { lat: 31.7 });
    draft = await createActivity(ds, org.stationA, t('2026-12-02T02:00:00Z'), { status: 'draft' });
    atB = await createActivity(ds, org.stationB, t('2026-12-02T02:00:00Z'), { status: 'finished' });
    members = [];
    for (const name of ['张伟', '王芳', '李娜']) {
      const user = await createUser(ds, clock.now(), { displayName: '微信用户' });
      members.push({ user, v: await createVolunteer(ds, clock.now(), user, org.stationA, { name }) });
    }
    await createSignup(ds, lateNight, members[0].v);
    await createSignup(ds, lateNight, members[1].v, { status: 'waitlisted' });
    await createSignup(ds, lateNight, members[2].v, { status: 'waitlisted' });
    await createSignup(ds, atB, members[2].v, { attendance: 'absent' });
  });

  afterAll(() => ds.destroy());

  it('volunteers list open activities only, days counted in Shanghai on both sides of midnight (16:00 UTC)', async () => {
    const me = memberActor(members[0].user);
    const ids = async (q: Partial<ActivityListQueryDto>) =>
      (await sut.list(me, page<ActivityListQueryDto>(q))).items.map((a) => a.id);
    expect(await ids({})).toEqual([lateNight.id, pastMidnight.id, far.id]);
    expect(await ids({ to: '2026-11-30' })).toEqual([lateNight.id]);
    expect(await ids({ from: '2026-12-01', to: '2026-12-01' })).toEqual([pastMidnight.id]);
    expect(await ids({ stationId: org.stationA.id, lat: 31.6, lng: 118.5, withinKm: 5 })).toEqual([
      lateNight.id,
      pastMidnight.id,
    ]);
  });

  it('a volunteer sees their own sign-up and place in line; a draft is visible only to its proposer; detail follows the clock', async () => {
    const third = memberActor(members[2].user);
    expect((await sut.detail(third, lateNight.id)).status).toBe('published');
    const detail = await views('2026-11-30T15:45:00Z').detail(third, lateNight.id);
    expect(detail).toMatchObject({ waitlistCount: 2, placesLeft: 0, status: 'ongoing' });
    expect(detail.mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 });
    expect(detail.orgUnit.name).toBe('采石派出所');
    expect(await code(sut.detail(third, draft.id))).toBe('NOT_FOUND');
    const proposal = await createActivity(ds, org.stationA, far.startAt, {
      status: 'draft',
      proposalStatus: 'pending',
      proposedByUserId: members[1].user.id,
    });
    expect((await sut.detail(memberActor(members[1].user), proposal.id)).proposal?.status).toBe('pending');
  });

  it('staff list and open activities of their subtree only; another station by id is not found', async () => {
    const branchA = staffActor('branch_officer', org.branchA);
    const list = await sut.adminList(branchA, page<AdminActivityListQueryDto>());
    expect(list.items.map((a) => a.id)).not.toContain(atB.id);
    expect(list.items.map((a) => a.id)).toContain(draft.id);
    expect(await code(sut.adminList(branchA, page<AdminActivityListQueryDto>({ stationId: org.stationB.id })))).toBe(
      'NOT_FOUND',
    );
    expect(await code(sut.adminDetail(branchA, atB.id))).toBe('NOT_FOUND');
    const drafts = await sut.adminList(branchA, page<AdminActivityListQueryDto>({ status: 'draft' }));
    expect(drafts.items.every((a) => a.status === 'draft')).toBe(true);
  });

  it("the sign-up list names members from the archive, not WeChat, with each one's place in line", async () => {
    const list = await sut.signups(
      staffActor('station_officer', org.stationA),
      lateNight.id,
      page<SignupListQueryDto>(),
    );
    expect(list.items.map((s) => [s.volunteer.name, s.status, s.waitlistPosition])).toEqual([
      ['张伟', 'confirmed', null],
      ['王芳', 'waitlisted', 1],
      ['李娜', 'waitlisted', 2],
    ]);
    expect(await code(sut.signups(staffActor('station_officer', org.stationB), lateNight.id, page()))).toBe(
      'NOT_FOUND',
    );
  });

  it("a volunteer's own sign-ups, newest first, and their figures: signed up, attended, no-shows, service time", async () => {
    const third = memberActor(members[2].user);
    const mine = await sut.mine(third, page());
    expect(mine.items.map((m) => [m.activity.id, m.status, m.waitlistPosition])).toEqual([
      [atB.id, 'confirmed', null],
      [lateNight.id, 'waitlisted', 2],
    ]);
    expect(await sut.stats(third)).toEqual({ signedUp: 1, attended: 0, noShows: 1, serviceMinutes: 0 });
  });

  it('我的活动 by day: from/to pick the sign-ups of activities on those Shanghai days, on both sides of 16:00 UTC', async () => {
    const third = memberActor(members[2].user);
    await createSignup(ds, pastMidnight, members[2].v);
    const ids = async (q: Partial<MyActivityListQueryDto>) =>
      (await sut.mine(third, page<MyActivityListQueryDto>(q))).items.map((m) => m.activity.id);
    expect(await ids({})).toEqual([pastMidnight.id, atB.id, lateNight.id]);
    // 23:40–23:55 on the 30th and 00:05–00:20 on the 1st in Shanghai: one day each
    expect(await ids({ from: '2026-11-30', to: '2026-11-30' })).toEqual([lateNight.id]);
    expect(await ids({ from: '2026-12-01', to: '2026-12-01' })).toEqual([pastMidnight.id]);
    expect(await ids({ from: '2026-12-01' })).toEqual([pastMidnight.id, atB.id]);
    expect(await ids({ to: '2026-12-01' })).toEqual([pastMidnight.id, lateNight.id]);
    const none = await sut.mine(third, page<MyActivityListQueryDto>({ from: '2026-12-05', to: '2026-12-06' }));
    expect(none).toMatchObject({ items: [], total: 0 });
  });
});
