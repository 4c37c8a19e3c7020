import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Notification } from '../../../test/unit/rows.js';
import { staffActor } from '../../../test/unit/actors.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitAlerts, unitMyAlerts } from '../../../test/unit/factories-alerts.js';
import { codeOf } from '../../../test/unit/factories-volunteers.js';
import { MyAlertsService } from './my-alerts.service.js';

describe(MyAlertsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  const clock = clockAt('2026-11-30T02:00:00Z');
  const sut = () => unitMyAlerts(ds, clock);
  let guard: Actor;
  let stranger: Actor;
  const asGuard = (userId: number): Actor => ({
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
    const u = await createUser(ds, at);
    await createVolunteer(ds, at, u, org.stationA);
    guard = asGuard(u.id);
    stranger = asGuard((await createUser(ds, at)).id);
  });
  afterAll(() => ds.destroy());

  it('opening a warning reads it once, with its message; the urgent unread count follows; others get NOT_FOUND', async () => {
    const alerts = unitAlerts(ds, clock);
    const officer = staffActor('station_officer', org.stationA, 900);
    const target = { kind: 'station' as const, id: org.stationA.id };
    const urgent = await alerts.send(officer, { title: '暴雨预警', text: '远离河道', level: 'urgent', target });
    await alerts.send(officer, { title: '一般提醒', text: '注意防火', level: 'normal', target });
    const before = await sut().listAlerts(guard, { page: 1, pageSize: 20 });
    expect(before).toMatchObject({ total: 2, unreadUrgent: 1 });
    expect(before.items.map((a) => a.read)).toEqual([false, false]);

    expect(await sut().alert(guard, urgent.id)).toMatchObject({ title: '暴雨预警', read: true, level: 'urgent' });
    await sut().markAlertRead(guard, urgent.id);
    expect((await sut().listAlerts(guard, { page: 1, pageSize: 20 })).unreadUrgent).toBe(0);
    expect((await alerts.get(officer, urgent.id)).counts.read).toBe(1);
    const msg = await ds
      .getRepository(Notification)
      .findOneByOrFail({ userId: guard.userId, page: `alerts/detail/index?id=${urgent.id}` });
    expect(msg.readAt).not.toBeNull();

    expect(await codeOf(sut().alert(stranger, urgent.id))).toBe('NOT_FOUND');
    expect(await codeOf(sut().markAlertRead(stranger, urgent.id))).toBe('NOT_FOUND');
    expect(await codeOf(sut().bulletin(stranger, 1))).toBe('NOT_FOUND');
  });
});
