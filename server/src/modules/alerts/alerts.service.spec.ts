import type { DataSource } from 'typeorm';
import { AuditLog, Notification, SmsMessage } from '../../../test/unit/rows.js';
import { staffActor } from '../../../test/unit/actors.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import {
  createUser,
  createVolunteer,
  FakeWechat,
  orgTree,
  unitPii,
  type UnitTree,
} from '../../../test/unit/factories.js';
import { FakeSmsSender } from '../../../test/unit/factories-sms.js';
import { unitAlerts } from '../../../test/unit/factories-alerts.js';
import { codeOf } from '../../../test/unit/factories-volunteers.js';
import { AlertRecipient } from './entities/alert-recipient.entity.js';
import { AlertsService } from './alerts.service.js';

describe(AlertsService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  const clock = clockAt('2026-11-30T02:00:00Z');
  const wechat = new FakeWechat();
  const sms = new FakeSmsSender();
  const sut = () => unitAlerts(ds, clock, wechat, sms);
  const station = () => staffActor('station_officer', org.stationA, 900);
  const body = (level: 'normal' | 'urgent') => ({
    title: '防范电信诈骗',
    text: '近期冒充客服诈骗高发',
    level,
    target: { kind: 'station' as const, id: org.stationA.id },
  });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    await createVolunteer(ds, at, await createUser(ds, at, { openid: 'o-1' }), org.stationA, {
      phoneEnc: unitPii.encrypt('13955550001'),
    });
    await createVolunteer(ds, at, await createUser(ds, at, { openid: 'o-2' }), org.stationA);
  });
  afterAll(() => ds.destroy());

  it('a warning records its recipients, a message each and the audit entry, and no text when not urgent', async () => {
    const sent = await sut().send(station(), body('normal'));
    expect(sent.counts).toMatchObject({ recipients: 2, read: 0, smsSent: 0 });
    expect(await ds.getRepository(AlertRecipient).countBy({ alertId: sent.id })).toBe(2);
    const messages = await ds.getRepository(Notification).findBy({ page: `alerts/detail/index?id=${sent.id}` });
    expect(messages.map((m) => m.template)).toEqual(['alert_warning', 'alert_warning']);
    expect(messages[0].title).toBe('【预警】防范电信诈骗');
    expect(await ds.getRepository(SmsMessage).countBy({ ref: `early_warning:${sent.id}` })).toBe(0);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'alert.send', targetId: String(sent.id) })).toBe(1);
  });

  it('an urgent warning queues a text for each recipient with a number', async () => {
    const sent = await sut().send(station(), body('urgent'));
    const rows = await ds.getRepository(SmsMessage).findBy({ ref: `early_warning:${sent.id}` });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      template: 'early_warning',
      params: ['采石派出所', '防范电信诈骗'],
      status: 'pending',
    });
    expect(await sut().count(station(), body('urgent').target)).toEqual({ count: 2, withPhone: 1 });
  });

  it('nobody to reach is ALERT_NO_RECIPIENTS; another station reads the warnings as absent', async () => {
    const empty = { ...body('normal'), target: { kind: 'station' as const, id: org.stationB.id } };
    expect(await codeOf(sut().send(staffActor('city_officer', org.city), empty))).toBe('ALERT_NO_RECIPIENTS');
    const other = staffActor('station_officer', org.stationB);
    expect((await sut().list(other, { page: 1, pageSize: 20 })).total).toBe(0);
    expect(await codeOf(sut().get(other, 1))).toBe('NOT_FOUND');
    expect((await sut().list(staffActor('branch_officer', org.branchA), { page: 1, pageSize: 20 })).total).toBe(2);
  });
});
