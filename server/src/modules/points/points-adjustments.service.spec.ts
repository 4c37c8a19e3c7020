import type { DataSource } from 'typeorm';
import { AuditLog, Notification, type Volunteer } from '../../../test/unit/rows.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createUser,
  createVolunteer,
  FakeWechat,
  orgTree,
  unitAudit,
  unitNotifications,
  unitOrg,
  type UnitTree,
} from '../../../test/unit/factories.js';
import { unitPointsLedger } from '../../../test/unit/factories-points.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { PointsLot } from './entities/points-lot.entity.js';
import { PointsAdjustmentsService } from './points-adjustments.service.js';

describe(PointsAdjustmentsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let vol: Volunteer;
  let sut: PointsAdjustmentsService;
  const clock = clockAt('2026-11-30T15:30:00Z');

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    vol = await createVolunteer(ds, clock.now(), await createUser(ds, clock.now()), org.stationA);
    sut = new PointsAdjustmentsService(
      ds,
      unitPointsLedger(ds, clock),
      unitAudit(ds, clock),
      unitNotifications(ds, clock, new FakeWechat()),
      unitOrg(ds),
      new VolunteerQueries(ds),
      clock,
    );
  });
  afterAll(() => ds.destroy());

  it("a credit is a lot of the officer's org, audited with the reason; a debit past the balance is refused", async () => {
    const officer = staffActor('station_officer', org.stationA, 42);
    const added = await sut.adjust(officer, { volunteerId: vol.id, amount: 12, reason: ' 补录巡逻 ' });
    expect(added).toMatchObject({ type: 'adjustment', amount: 12, balanceAfter: 12, reason: '补录巡逻' });
    expect(added.awardingOrg).toEqual({ id: org.stationA.id, name: '采石派出所' });
    expect((await ds.getRepository(PointsLot).find()).map((l) => [l.awardingOrgId, l.remaining])).toEqual([
      [org.stationA.id, 12],
    ]);
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'points.adjust' });
    expect([audit.actorId, audit.targetId, audit.after]).toEqual([
      42,
      String(added.id),
      { amount: 12, reason: '补录巡逻', balanceAfter: 12 },
    ]);
    await expect(sut.adjust(officer, { volunteerId: vol.id, amount: -13, reason: '扣减' })).rejects.toMatchObject({
      code: 'POINTS_INSUFFICIENT_BALANCE',
    });
    const taken = await sut.adjust(officer, { volunteerId: vol.id, amount: -2, reason: '重复登记' });
    expect(taken).toMatchObject({ amount: -2, balanceAfter: 10, awardingOrg: null });
    const told = await ds.getRepository(Notification).findBy({ userId: vol.userId, template: 'points_changed' });
    expect(told.map((n) => n.body)).toEqual(['积分扣减：-2，余额 10（重复登记）']);
  });

  it('a volunteer outside the officer’s subtree, or none, does not exist for them', async () => {
    const other = staffActor('branch_officer', org.branchB);
    await expect(sut.adjust(other, { volunteerId: vol.id, amount: 5, reason: '越权' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      sut.adjust(staffActor('city_officer', org.city), { volunteerId: 999_999, amount: 5, reason: '没有' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await ds.getRepository(AuditLog).countBy({ action: 'points.adjust' })).toBe(2);
  });
});
