import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { Notification } from '../../../test/unit/rows.js';
import { Tip } from './entities/tip.entity.js';
import { TipEscalation } from './tip-escalation.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitTipEscalation, unitTips } from '../../../test/unit/factories-tips.js';

describe(TipEscalation.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let branchUsers: number[];
  let n = 0;

  beforeEach(async () => {
    ds = await unitDataSource();
    const at = clockAt('2026-11-30T12:00:00Z').now();
    org = await orgTree(ds, at);
    const u = await createUser(ds, at);
    await createVolunteer(ds, at, u, org.stationA);
    guard = { ...staffActor('station_officer', org.city, u.id), staffRoles: [], isStaff: false, orgPath: null };
    branchUsers = [
      (await createStaffUser(ds, at, 'branch_officer', org.branchA)).id,
      (await createStaffUser(ds, at, 'branch_officer', org.branchA)).id,
    ];
    await createStaffUser(ds, at, 'station_officer', org.stationA);
    await createStaffUser(ds, at, 'branch_officer', org.branchB);
  });
  afterEach(() => ds.destroy());

  // 16:00 UTC is midnight in Shanghai: the SLA runs across the date change the same way
  it.each(['2026-11-30T15:55:00Z', '2026-11-30T16:05:00Z'])(
    'at %s: an urgent tip past the SLA reaches each branch handler once',
    async (iso) => {
      const clock = clockAt(iso);
      const submitAt = async (minutesAgo: number, urgency: 'urgent' | 'normal') => {
        const { id } = await unitTips(ds, clock).submit(guard, {
          clientRequestId: `esc-unit-${++n}`,
          category: 'stability',
          text: '有人在广场聚集',
          urgency,
        });
        await ds.getRepository(Tip).update(id, { createdAt: new Date(clock.nowMs() - minutesAgo * 60_000) });
        return id;
      };
      const late = await submitAt(10, 'urgent');
      const fresh = await submitAt(9, 'urgent');
      await submitAt(30, 'normal');
      const sut = unitTipEscalation(ds, clock, { TIP_URGENT_SLA_MINUTES: '10' });

      expect(await sut.run()).toEqual({ escalated: 1, notified: 2 });
      expect(await sut.run()).toEqual({ escalated: 0, notified: 0 });
      const rows = await ds.getRepository(Tip).findBy({});
      expect(rows.filter((t) => t.escalatedAt).map((t) => t.id)).toEqual([late]);
      expect(rows.find((t) => t.id === fresh)?.escalatedAt).toBeNull();
      const messages = await ds.getRepository(Notification).findBy({ title: '紧急线索超时未受理' });
      expect(messages.map((m) => m.userId).sort()).toEqual([...branchUsers].sort());
      // its own template (its own WeChat template id), not the applications' review_overdue
      expect(messages.map((m) => m.template)).toEqual(['tip_escalated', 'tip_escalated']);
    },
  );

  it('leaves an urgent tip accepted in time alone, and honours a longer SLA', async () => {
    const clock = clockAt('2026-11-30T16:05:00Z');
    const { id } = await unitTips(ds, clock).submit(guard, {
      clientRequestId: `esc-unit-${++n}`,
      category: 'stability',
      text: '有人在广场聚集',
      urgency: 'urgent',
    });
    await ds.getRepository(Tip).update(id, { createdAt: new Date(clock.nowMs() - 15 * 60_000) });
    expect(await unitTipEscalation(ds, clock, { TIP_URGENT_SLA_MINUTES: '20' }).run()).toEqual({
      escalated: 0,
      notified: 0,
    });
    await ds.getRepository(Tip).update(id, { status: 'accepted' });
    expect(await unitTipEscalation(ds, clock).run()).toEqual({ escalated: 0, notified: 0 });
  });
});
