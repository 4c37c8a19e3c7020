import type { DataSource } from 'typeorm';
import { readArea } from '../../config/config-area.js';
import { enrolmentConfig } from '../../config/enrolment.config.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { Notification } from '../../../test/unit/rows.js';
import { DutyExemption } from '../../../test/unit/rows.js';
import { Volunteer } from '../../../test/unit/rows.js';
import { Application } from '../../../test/unit/rows.js';
import { JobLeaseService } from './job-lease.service.js';
import { clearTables, clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { FakeActivityJobs, unitJobs } from '../../../test/unit/factories-jobs.js';
import { createStaffUser, createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { createApplication } from '../../../test/unit/factories-applications.js';

const DAY = 86_400_000;
const enrolment = readArea(enrolmentConfig.read, {});

describe('JobsService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let activityJobs: FakeActivityJobs;
  /** The jobs as they run at instant `iso`, with their collaborators on the same clock. */
  const jobsAt = (iso: string) => unitJobs(ds, clockAt(iso), activityJobs);
  const NOW = '2026-11-30T15:30:00Z';
  const ago = (days: number, from = NOW) => new Date(Date.parse(from) - days * DAY);
  const volunteer = async (over: Partial<Volunteer>) =>
    createVolunteer(ds, ago(800), await createUser(ds, ago(800)), org.stationA, over);
  const sentTo = (userId: number) => ds.getRepository(Notification).find({ where: { userId }, order: { id: 'ASC' } });

  beforeAll(async () => {
    ds = await unitDataSource();
  });
  beforeEach(async () => {
    await clearTables(ds);
    org = await orgTree(ds, ago(900));
    activityJobs = new FakeActivityJobs();
  });
  afterAll(() => ds.destroy());

  it('runs a known job once under its lease; a run from the jobs page is audited with its outcome', async () => {
    await expect(jobsAt(NOW).run('no-such-job')).rejects.toMatchObject({ code: 'JOB_UNKNOWN' });
    const other = new JobLeaseService(ds, enrolment, clockAt(NOW));
    await other.acquire('activity-reminders', 'other-instance');
    expect(await jobsAt(NOW).run('activity-reminders')).toEqual({ job: 'activity-reminders', ran: false, result: {} });
    await other.release('activity-reminders', null, 'other-instance');
    const admin = staffActor('sysadmin', org.city, 8);
    expect(await jobsAt(NOW).runAsStaff(admin, 'activity-reminders')).toEqual({
      job: 'activity-reminders',
      ran: true,
      result: { reminded: 2 },
    });
    expect(activityJobs.calls).toEqual(['remindStartingSoon']);
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'job.run' });
    expect([audit.actorId, audit.targetId, audit.after]).toEqual([
      8,
      'activity-reminders',
      { ran: true, result: { reminded: 2 } },
    ]);
  });

  it('revokes after 365 days without duty (not while exempt), warns once in the 30 days before', async () => {
    const idle = await volunteer({ lastDutyAt: ago(366) });
    const exempt = await volunteer({ lastDutyAt: ago(400) });
    const soon = await volunteer({ lastDutyAt: ago(340) });
    const recent = await volunteer({ lastDutyAt: ago(100) });
    await ds.getRepository(DutyExemption).insert({
      volunteerId: exempt.id,
      reason: '伤病',
      endsOn: '2026-11-30',
      createdById: 1,
      createdByName: '李警官',
      createdAt: ago(10),
    });
    expect(await jobsAt(NOW).runUnleased('inactivity-revocation')).toEqual({ revoked: 1, warned: 1 });
    expect(await jobsAt(NOW).runUnleased('inactivity-revocation')).toEqual({ revoked: 0, warned: 0 });
    const status = async (v: Volunteer) => (await ds.getRepository(Volunteer).findOneByOrFail({ id: v.id })).status;
    expect([await status(idle), await status(exempt), await status(soon), await status(recent)]).toEqual([
      'revoked',
      'active',
      'active',
      'active',
    ]);
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'volunteer.revoke_inactive' });
    expect([audit.targetId, audit.orgPath]).toEqual([String(idle.id), org.stationA.path]);
    expect((await sentTo(idle.userId)).map((n) => n.title)).toEqual(['义警资格已取消']);
    const [warning] = await sentTo(soon.userId);
    expect(warning.data.date2).toBe('2026-12-25');
    // the exemption ended yesterday in Shanghai (16:00 UTC is midnight there): now the job revokes
    expect(await jobsAt('2026-11-30T16:00:01Z').runUnleased('inactivity-revocation')).toMatchObject({ revoked: 1 });
  });

  it('reminds the station officers of a yearly re-check once per due date, the date taken in Shanghai', async () => {
    const officer = await createStaffUser(ds, ago(900), 'station_officer', org.stationA);
    const elsewhere = await createStaffUser(ds, ago(900), 'station_officer', org.stationB);
    // 23:30 and 23:59 in Shanghai the day before, and 00:30 on the day: two different due dates
    await volunteer({ name: '张三', criminalCheckedAt: new Date('2025-11-28T15:30:00Z') });
    await volunteer({ name: '李四', criminalCheckedAt: new Date('2025-11-28T15:59:00Z') });
    await volunteer({ name: '王五', criminalCheckedAt: new Date('2025-11-28T16:30:00Z') });
    expect(await jobsAt(NOW).runUnleased('criminal-recheck-reminders')).toEqual({ reminded: 3 });
    expect(await jobsAt(NOW).runUnleased('criminal-recheck-reminders')).toEqual({ reminded: 0 });
    const sent = (await sentTo(officer.id)).map((n) => [n.template, n.data.thing1.split(' ')[0], n.data.date2]);
    expect(sent.sort((a, b) => a.join().localeCompare(b.join()))).toEqual([
      ['criminal_recheck', '张三', '2026-11-28'],
      ['criminal_recheck', '李四', '2026-11-28'],
      ['criminal_recheck', '王五', '2026-11-29'],
    ]);
    expect(await sentTo(elsewhere.id)).toEqual([]);
  });

  it("reminds of certificates expiring from today (Shanghai's date) to 30 days on, once each", async () => {
    const v = await volunteer({
      skills: [
        { name: '急救', certificateNo: 'JJ-1', expiresOn: '2026-11-30' },
        { name: '消防', certificateNo: null, expiresOn: '2026-12-01' },
        { name: '驾驶', certificateNo: null, expiresOn: '2026-12-30' },
        { name: '救援', certificateNo: null, expiresOn: '2026-12-31' },
        { name: '应急', certificateNo: null, expiresOn: '2027-01-01' },
      ],
    });
    expect(await jobsAt('2026-11-30T15:59:00Z').runUnleased('certificate-expiry-reminders')).toEqual({ reminded: 3 });
    // after midnight in Shanghai the expired one is past and the window reaches one day further
    expect(await jobsAt('2026-11-30T16:00:00Z').runUnleased('certificate-expiry-reminders')).toEqual({ reminded: 1 });
    expect((await sentTo(v.userId)).map((n) => n.data.date2)).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-30',
      '2026-12-31',
    ]);
  });

  it('re-grades stars from confirmed hours, changing only those whose grade moved', async () => {
    const grades = [0, 49 * 60, 50 * 60, 100 * 60, 1000 * 60];
    const vols = [];
    for (const serviceMinutes of grades) vols.push(await volunteer({ serviceMinutes }));
    expect(await jobsAt(NOW).runUnleased('level-regrade')).toEqual({ regraded: 3 });
    const stars = await ds.getRepository(Volunteer).find({ order: { id: 'ASC' } });
    expect(stars.map((v) => v.starLevel)).toEqual([0, 0, 1, 2, 5]);
    expect(await jobsAt(NOW).runUnleased('level-regrade')).toEqual({ regraded: 0 });
  });

  it('an application past the review time warns the reviewers of its waiting stage once; the approval goes to the branch', async () => {
    const communityOfficer = await createStaffUser(ds, ago(900), 'community_officer', org.communityA);
    const stationOfficer = await createStaffUser(ds, ago(900), 'station_officer', org.stationA);
    const branchOfficer = await createStaffUser(ds, ago(900), 'branch_officer', org.branchA);
    const otherBranch = await createStaffUser(ds, ago(900), 'branch_officer', org.branchB);
    const disabled = await createStaffUser(ds, ago(900), 'station_officer', org.stationA, { status: 'disabled' });
    const atCommunity = { reviewOrgUnitId: org.communityA.id, orgPath: org.communityA.path };
    const late = await createApplication(
      ds,
      ago(enrolment.reviewSlaDays + 1),
      await createUser(ds, ago(9)),
      org.stationA,
      1,
      atCommunity,
    );
    await createApplication(
      ds,
      ago(enrolment.reviewSlaDays - 1),
      await createUser(ds, ago(9)),
      org.stationA,
      2,
      atCommunity,
    );
    const atStation = await createApplication(ds, ago(10), await createUser(ds, ago(9)), org.stationA, 3);
    const approval = await createApplication(ds, ago(5), await createUser(ds, ago(9)), org.stationA, 4, {
      status: 'pending_approval',
    });

    expect(await jobsAt(NOW).runUnleased('review-sla-warnings')).toEqual({ overdueWarned: 3 });
    expect(await jobsAt(NOW).runUnleased('review-sla-warnings')).toEqual({ overdueWarned: 0 });
    const links = async (userId: number) => (await sentTo(userId)).map((n) => `${n.template} ${n.page}`);
    expect(await links(communityOfficer.id)).toEqual([
      `review_overdue admin-applications/review-detail/index?id=${late.id}`,
    ]);
    expect(await links(stationOfficer.id)).toEqual([
      `review_overdue admin-applications/review-detail/index?id=${atStation.id}`,
    ]);
    expect(await links(branchOfficer.id)).toEqual([
      `review_overdue admin-applications/review-detail/index?id=${approval.id}`,
    ]);
    expect(await sentTo(otherBranch.id)).toEqual([]);
    expect(await sentTo(disabled.id)).toEqual([]);
    expect((await sentTo(branchOfficer.id))[0].title).toBe('入会申请审批超时');

    // the late one moves on to the approval: its branch is told once more, for that stage
    await ds.getRepository(Application).update(late.id, { status: 'pending_approval' });
    expect(await jobsAt(NOW).runUnleased('review-sla-warnings')).toEqual({ overdueWarned: 1 });
    expect(await links(branchOfficer.id)).toHaveLength(2);
    expect(await links(communityOfficer.id)).toHaveLength(1);
  });
});
