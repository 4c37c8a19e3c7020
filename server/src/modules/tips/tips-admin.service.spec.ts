import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLog, Notification } from '../../../test/unit/rows.js';
import { TipsAdminService } from './tips-admin.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createStaffUser,
  createUser,
  createVolunteer,
  orgTree,
  unitPii,
  type UnitTree,
} from '../../../test/unit/factories.js';
import { unitTips, unitTipsAdmin } from '../../../test/unit/factories-tips.js';

describe(TipsAdminService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let guardB: Actor;
  let station: Actor;
  let branch: Actor;
  let otherBranch: Actor;
  let community: Actor;
  // 07:30 on 1 December in Shanghai, still 30 November in UTC
  const clock = clockAt('2026-11-30T23:30:00Z');
  const sut = () => unitTipsAdmin(ds, clock);
  let n = 0;
  const submit = async (who: Actor = guard) =>
    (
      await unitTips(ds, clock).submit(who, {
        clientRequestId: `admin-unit-${++n}`,
        category: 'dispute',
        text: '邻里因停车位争吵',
      })
    ).id;
  const volunteerActor = (userId: number): Actor => ({
    ...staffActor('station_officer', org.city, userId),
    staffRoles: [],
    roles: [],
    isStaff: false,
    orgUnitId: null,
    orgPath: null,
  });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    const u = await createUser(ds, at, { displayName: '欧阳娜娜', phoneEnc: unitPii.encrypt('13912345678') });
    await createVolunteer(ds, at, u, org.stationA, { memberNo: 'MAS2026000777' });
    guard = volunteerActor(u.id);
    const ub = await createUser(ds, at);
    await createVolunteer(ds, at, ub, org.stationB);
    guardB = volunteerActor(ub.id);
    station = staffActor(
      'station_officer',
      org.stationA,
      (await createStaffUser(ds, at, 'station_officer', org.stationA)).id,
    );
    branch = staffActor(
      'branch_officer',
      org.branchA,
      (await createStaffUser(ds, at, 'branch_officer', org.branchA)).id,
    );
    otherBranch = staffActor(
      'branch_officer',
      org.branchB,
      (await createStaffUser(ds, at, 'branch_officer', org.branchB)).id,
    );
    community = staffActor(
      'community_officer',
      org.communityA,
      (await createStaffUser(ds, at, 'community_officer', org.communityA)).id,
    );
  });
  afterAll(() => ds.destroy());

  it('shows the chain the tip with the submitter masked; outside the chain it does not exist', async () => {
    const id = await submit();
    expect((await sut().get(branch, id)).submitter).toBe('欧*** · MAS2026000777');
    expect(await code(sut().get(otherBranch, id))).toBe('NOT_FOUND');
    expect(await code(sut().get(community, id))).toBe('NOT_FOUND');
    expect((await sut().list(otherBranch, { page: 1, pageSize: 50 })).items.map((t) => t.id)).not.toContain(id);
    expect((await sut().list(station, { page: 1, pageSize: 50 })).items.map((t) => t.id)).toContain(id);
  });

  it('reveals the submitter in full only to an officer allowed to, and audits it without the values', async () => {
    const id = await submit();
    expect(await sut().revealSubmitter(station, id)).toEqual({
      name: '欧阳娜娜',
      phone: '13912345678',
      memberNo: 'MAS2026000777',
    });
    const log = await ds
      .getRepository(AuditLog)
      .findOneByOrFail({ action: 'tip.reveal_submitter', targetId: String(id) });
    expect(JSON.stringify(log.after)).not.toContain('13912345678');
    expect(await code(sut().revealSubmitter(otherBranch, id))).toBe('NOT_FOUND');
  });

  it('walks accept → assign → start → close, tells the submitter, and refuses a step from the wrong status', async () => {
    const id = await submit();
    expect(await code(sut().start(station, id))).toBe('TIP_STATE_CHANGED');
    await sut().accept(station, id);
    expect(await code(sut().accept(branch, id))).toBe('TIP_STATE_CHANGED');
    expect(await code(sut().assign(station, id, { orgUnitId: org.stationB.id }))).toBe('TIP_ASSIGNEE_INVALID');
    expect(await code(sut().assign(station, id, { userId: otherBranch.userId }))).toBe('TIP_ASSIGNEE_INVALID');
    await sut().assign(station, id, { userId: community.userId });
    expect((await sut().get(community, id)).assignedOrgUnitId).toBe(org.communityA.id);
    await sut().start(community, id);
    const closed = await sut().close(community, id, '已调解，双方签订协议');
    expect(closed).toMatchObject({ status: 'closed', result: '已调解，双方签订协议', version: 5 });
    const told = await ds.getRepository(Notification).countBy({ userId: guard.userId, template: 'tip_result' });
    expect(told).toBe(2);
  });

  it('links a duplicate only to another tip of the same station', async () => {
    const original = await submit();
    const dup = await submit();
    const elsewhere = await submit(guardB);
    expect(await code(sut().duplicate(branch, dup, elsewhere))).toBe('TIP_DUPLICATE_INVALID');
    expect(await code(sut().duplicate(branch, dup, dup))).toBe('TIP_DUPLICATE_INVALID');
    expect(await sut().duplicate(branch, dup, original)).toMatchObject({
      status: 'duplicate',
      duplicateOfId: original,
    });
    expect(await code(sut().reject(branch, dup, '重复'))).toBe('TIP_STATE_CHANGED');
  });

  it('filters by the Shanghai date of submission', async () => {
    const id = await submit();
    // 23:30 UTC on 30 November is 1 December in Shanghai
    expect(
      (await sut().list(station, { page: 1, pageSize: 100, from: '2026-12-01', to: '2026-12-01' })).items.map(
        (t) => t.id,
      ),
    ).toContain(id);
    expect((await sut().list(station, { page: 1, pageSize: 100, to: '2026-11-30' })).total).toBe(0);
  });

  it('keeps internal notes out of the submitter’s thread and names the handler 民警 there', async () => {
    const id = await submit();
    await sut().postMessage(station, id, { text: '请到所里做笔录' });
    await sut().postMessage(station, id, { text: '内部：当事人有前科', internal: true });
    const staffView = await sut().messages(branch, id);
    expect(staffView.map((m) => m.internal)).toEqual([false, true]);
    const mine = await unitTips(ds, clock).myMessages(guard, id);
    expect(mine.map((m) => [m.author, m.text])).toEqual([['民警', '请到所里做笔录']]);
  });

  it('tells the submitter of a reply as from 民警, never by the officer’s name; an internal note tells nobody', async () => {
    const id = await submit();
    const told = () => ds.getRepository(Notification).findBy({ userId: guard.userId, title: '民警回复了您的线索' });
    const before = (await told()).length;
    await sut().postMessage(station, id, { text: '请补充照片' });
    await sut().postMessage(station, id, { text: '内部：待核实', internal: true });
    const after = await told();
    expect(after).toHaveLength(before + 1);
    const last = after[after.length - 1];
    expect(last.body).toBe('民警：请补充照片');
    expect(last.body).not.toContain(station.displayName);
  });
});
