import type { DataSource } from 'typeorm';
import { OrgUnit } from '../../../test/unit/rows.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { UserQueries } from '../users/user-queries.js';
import { MemberDirectory } from '../volunteers/member-directory.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { OrgService } from '../org/org.service.js';
import type { Volunteer } from '../../../test/unit/rows.js';
import { PointsLedgerService } from './points-ledger.service.js';
import { PointsService } from './points.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createUser,
  createVolunteer,
  FakeWechat,
  orgTree,
  unitAudit,
  unitNotifications,
  type UnitTree,
} from '../../../test/unit/factories.js';

const page = { page: 1, pageSize: 20 };

describe('PointsService', () => {
  let ds: DataSource;
  let org: UnitTree;
  let vol: Volunteer;
  const clock = clockAt('2026-12-01T02:00:00Z');
  const service = () =>
    new PointsService(
      ds,
      new PointsLedgerService(ds, clock, unitNotifications(ds, clock, new FakeWechat())),
      unitAudit(ds, clock),
      new MemberDirectory(ds, new UserQueries(ds)),
      clock,
      new OrgService(ds.getRepository(OrgUnit)),
      new VolunteerQueries(ds),
    );
  /** Credits `amount` awarded by `unit` at instant `iso` (the ledger stamps its own clock). */
  const credit = (iso: string, unit: OrgUnit, amount: number, key: string) =>
    ds.transaction((m) =>
      new PointsLedgerService(ds, clockAt(iso), unitNotifications(ds, clockAt(iso), new FakeWechat())).post(m, {
        userId: vol.userId,
        volunteerId: vol.id,
        type: 'activity',
        amount,
        sourceType: 'activity_signup',
        sourceId: key,
        description: `参加活动 ${key}`,
        idempotencyKey: `activity-attendance:${key}`,
        awardingOrgId: unit.id,
        awardingOrgPath: unit.path,
      }),
    );
  let lateOnNov30: number, earlyOnDec1: number, atB: number;

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const user = await createUser(ds, clock.now(), { displayName: '微信用户' });
    vol = await createVolunteer(ds, clock.now(), user, org.stationA, { name: '张三', memberNo: 'MAS0001' });
    // 23:59 and 00:00 in Shanghai: two business days, one minute apart
    lateOnNov30 = (await credit('2026-11-30T15:59:00Z', org.stationA, 10, 'a')).entry!.id;
    earlyOnDec1 = (await credit('2026-11-30T16:00:00Z', org.stationA, 4, 'b')).entry!.id;
    atB = (await credit('2026-11-30T16:30:00Z', org.stationB, 7, 'c')).entry!.id;
  });

  afterAll(() => ds.destroy());

  it('points issued count by business day in Shanghai: 15:59 UTC is the 30th, 16:00 UTC the 1st', async () => {
    const city = staffActor('city_officer', org.city);
    const nov30 = await service().issued(city, { from: '2026-11-30', to: '2026-11-30' });
    expect(nov30.total).toEqual({ credited: 10, reversed: 0, net: 10 });
    const dec1 = await service().issued(city, { from: '2026-12-01', to: '2026-12-01' });
    expect(dec1.byOrg.map((r) => [r.name, r.credited])).toEqual([
      ['湖东派出所', 7],
      ['采石派出所', 4],
    ]);
  });

  it("staff see the ledger of their subtree only, with the member's archive name and number", async () => {
    const branchB = await service().adminLedger(staffActor('branch_officer', org.branchB), page);
    expect(branchB.items.map((e) => e.id)).toEqual([atB]);
    expect(branchB.items[0].volunteer).toEqual({ id: vol.id, userId: vol.userId, name: '张三', memberNo: 'MAS0001' });
    const filterOutside = service().adminLedger(staffActor('branch_officer', org.branchB), {
      ...page,
      orgUnitId: org.stationA.id,
    });
    await expect(filterOutside).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const issued = await service().issued(staffActor('branch_officer', org.branchA), {});
    expect(issued.byOrg.map((r) => r.orgUnitId)).toEqual([org.stationA.id]);
  });

  it('a credit is reversed once, by an entry that takes the points back, audited at the awarding unit', async () => {
    const officer = staffActor('station_officer', org.stationA, 99);
    const reversal = await service().reverse(officer, lateOnNov30, '未实际到岗');
    expect(reversal).toMatchObject({ type: 'reversal', amount: -10, reversalOfId: lateOnNov30, reason: '未实际到岗' });
    await expect(service().reverse(officer, lateOnNov30, '再次')).rejects.toMatchObject({
      code: 'POINTS_ALREADY_REVERSED',
    });
    await expect(service().reverse(officer, reversal.id, '冲正冲正')).rejects.toMatchObject({
      code: 'POINTS_NOT_REVERSIBLE',
    });
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'points.reverse' });
    expect([audit.actorId, audit.orgPath, audit.targetId]).toEqual([99, org.stationA.path, String(lateOnNov30)]);
    const mine = await service().mine({ ...officer, userId: vol.userId });
    expect(mine).toMatchObject({ balance: 11, earned: 21, spent: 10 });
    expect(mine.recent.find((e) => e.id === lateOnNov30)?.reversedById).toBe(reversal.id);
  });

  it("another branch's credit cannot be reversed: it does not exist for them", async () => {
    await expect(service().reverse(staffActor('branch_officer', org.branchA), atB, '越权')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      service().reverse(staffActor('branch_officer', org.branchB), earlyOnDec1, '越权'),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
