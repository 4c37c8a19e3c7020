import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Notification } from '../../../test/unit/rows.js';
import { Volunteer } from '../../../test/unit/rows.js';
import type { CriminalCheckDto } from '../volunteers/volunteers.dto.js';
import { Application } from './application.entity.js';
import type { ApplicationReviewService } from './application-review.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createStaffUser,
  createUser,
  FakeWechat,
  orgTree,
  unitPii,
  type UnitTree,
} from '../../../test/unit/factories.js';
import { createCompany, createGuard, unitIdNumber } from '../../../test/unit/factories-roster.js';
import { codeOf } from '../../../test/unit/factories-volunteers.js';
import { createApplication, unitReview } from '../../../test/unit/factories-applications.js';

const clear = { result: 'clear', checkedBy: '刘警官', checkedAt: '2026-11-30T08:00:00Z' } as CriminalCheckDto;

describe('ApplicationReviewService', () => {
  let ds: DataSource;
  let sut: ApplicationReviewService;
  let org: UnitTree;
  let station: Actor, branch: Actor, branch2: Actor;
  let n = 0;
  const at = clockAt('2026-11-30T15:30:00Z').now();
  const apply = async (over: Parameters<typeof createApplication>[5] = {}) =>
    createApplication(ds, at, await createUser(ds, at), org.stationA, ++n, over);
  const statusOf = async (id: number) => (await ds.getRepository(Application).findOneByOrFail({ id })).status;

  beforeAll(async () => {
    ds = await unitDataSource();
    sut = unitReview(ds, clockAt('2026-11-30T15:30:00Z'), new FakeWechat());
    org = await orgTree(ds, at);
    station = staffActor('station_officer', org.stationA, 1001);
    branch = staffActor('branch_officer', org.branchA, 1002);
    branch2 = staffActor('branch_officer', org.branchA, 1003);
  });
  afterAll(() => ds.destroy());

  it('two steps by two people: review at the station, approval at the branch by someone else, then a member', async () => {
    const app = await apply();
    await sut.recordCriminalCheck(station, app.id, clear);
    expect((await sut.approve(station, app.id)).status).toBe('pending_approval');
    expect(await ds.getRepository(Volunteer).countBy({ userId: app.userId })).toBe(0);
    expect(await codeOf(sut.approve(station, app.id))).toBe('FORBIDDEN');
    const reviewedByBranch = await apply();
    await sut.recordCriminalCheck(branch, reviewedByBranch.id, clear);
    await sut.approve(branch, reviewedByBranch.id);
    expect(await codeOf(sut.approve(branch, reviewedByBranch.id))).toBe('REVIEW_SAME_PERSON');

    const done = await sut.approve(branch, app.id);
    expect(done.status).toBe('approved');
    const v = await ds.getRepository(Volunteer).findOneByOrFail({ userId: app.userId });
    expect([done.memberNo, v.stationId, v.applicationId]).toEqual([v.memberNo, org.stationA.id, app.id]);
    const [note] = await ds.getRepository(Notification).findBy({ userId: app.userId });
    expect(note.body).toContain(v.memberNo);
    expect(await codeOf(sut.approve(branch2, app.id))).toBe('APPLICATION_WRONG_STAGE');
  });

  it('nothing is approved without a recorded, clear criminal-record check, and no check is dated ahead', async () => {
    const app = await apply({ green: true });
    expect(await codeOf(sut.approve(station, app.id))).toBe('CRIMINAL_CHECK_REQUIRED');
    expect(
      await codeOf(sut.recordCriminalCheck(station, app.id, { ...clear, checkedAt: '2026-11-30T15:32:00Z' })),
    ).toBe('CRIMINAL_CHECK_DATE_INVALID');
    await sut.recordCriminalCheck(station, app.id, { ...clear, result: 'record' });
    expect(await codeOf(sut.approve(station, app.id))).toBe('CRIMINAL_CHECK_FAILED');
    expect(await statusOf(app.id)).toBe('pending_review');
  });

  it('a green application is approved in one step, but not by whoever last changed its roster row', async () => {
    const company = await createCompany(ds, at, org.stationA);
    const guard = await createGuard(ds, at, company, unitIdNumber(n + 1), { lastChangedById: station.userId });
    const app = await apply({ green: true, rosterGuardId: guard.id });
    await sut.recordCriminalCheck(branch, app.id, clear);
    expect(await codeOf(sut.approve(station, app.id))).toBe('REVIEW_ROSTER_CHANGED_BY_SELF');
    expect((await sut.approve(branch, app.id)).status).toBe('approved');
  });

  it('nobody decides their own application, by account or by the phone on their staff account', async () => {
    const officer = await createStaffUser(ds, at, 'station_officer', org.stationA, {
      phoneEnc: unitPii.encrypt('13512345678'),
    });
    const byPhone = await apply({ phone: '13512345678' });
    const me = staffActor('station_officer', org.stationA, officer.id);
    expect(await codeOf(sut.recordCriminalCheck(me, byPhone.id, clear))).toBe('REVIEW_OWN_APPLICATION');
    expect(await codeOf(sut.reject(me, byPhone.id, '材料不全'))).toBe('REVIEW_OWN_APPLICATION');
    const own = await apply();
    expect(await codeOf(sut.reject({ ...station, userId: own.userId }, own.id, '材料不全'))).toBe(
      'REVIEW_OWN_APPLICATION',
    );
  });

  it('a rejection needs a reason, closes the application once and tells the applicant; other branches see nothing', async () => {
    const app = await apply();
    expect(await codeOf(sut.reject(station, app.id, ' 否 '))).toBe('REJECT_REASON_REQUIRED');
    expect(await codeOf(sut.reject(staffActor('branch_officer', org.branchB), app.id, '材料不全'))).toBe('NOT_FOUND');
    const res = await sut.reject(station, app.id, ' 照片不清晰 ');
    expect([res.status, res.rejectReason]).toEqual(['rejected', '照片不清晰']);
    expect((await ds.getRepository(Application).findOneByOrFail({ id: app.id })).openKey).toBeNull();
    expect(await codeOf(sut.reject(station, app.id, '再次驳回'))).toBe('APPLICATION_WRONG_STAGE');
    const notes = await ds.getRepository(Notification).findBy({ userId: app.userId });
    expect(notes.map((x) => x.title)).toEqual(['义警申请未通过']);
  });
});
