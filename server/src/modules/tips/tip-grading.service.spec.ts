import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLog, Notification, PointsLedgerEntry } from '../../../test/unit/rows.js';
import { cappedCredit, monthOf, TipGradingService } from './tip-grading.service.js';
import { Tip } from './entities/tip.entity.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, createUser, createVolunteer, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitTipGrading, unitTips, unitTipsAdmin } from '../../../test/unit/factories-tips.js';

describe('tip grading months and cap', () => {
  it('the month of a Shanghai date runs from its first day to the next month’s, across the year', () => {
    expect(monthOf('2026-12-01')).toEqual(['2026-12-01', '2027-01-01']);
    expect(monthOf('2026-11-30')).toEqual(['2026-11-01', '2026-12-01']);
    expect(monthOf('2027-02-14')).toEqual(['2027-02-01', '2027-03-01']);
  });

  it('credits the grade’s points up to what the month has left, never below 0', () => {
    expect(cappedCredit(50, 0, 100)).toBe(50);
    expect(cappedCredit(50, 70, 100)).toBe(30);
    expect(cappedCredit(50, 100, 100)).toBe(0);
    expect(cappedCredit(50, 130, 100)).toBe(0);
  });
});

describe(TipGradingService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let guard: Actor;
  let station: Actor;
  let otherBranch: Actor;
  // 07:30 on 1 December in Shanghai, still 30 November in UTC: the month is December
  const clock = clockAt('2026-11-30T23:30:00Z');
  const sut = (env: Record<string, string> = {}) => unitTipGrading(ds, clock, env);
  let n = 0;
  const closedTip = async () => {
    const { id } = await unitTips(ds, clock).submit(guard, {
      clientRequestId: `grade-unit-${++n}`,
      category: 'fire_hazard',
      text: '楼道堆放杂物',
    });
    await unitTipsAdmin(ds, clock).accept(station, id);
    await unitTipsAdmin(ds, clock).close(station, id, '已清理');
    return id;
  };
  const entries = (id: number) =>
    ds
      .getRepository(PointsLedgerEntry)
      .find({ where: { sourceType: 'tip', sourceId: String(id) }, order: { id: 'ASC' } });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    const u = await createUser(ds, at);
    await createVolunteer(ds, at, u, org.stationA);
    guard = {
      ...staffActor('station_officer', org.city, u.id),
      staffRoles: [],
      roles: [],
      isStaff: false,
      orgUnitId: null,
      orgPath: null,
    };
    station = staffActor(
      'station_officer',
      org.stationA,
      (await createStaffUser(ds, at, 'station_officer', org.stationA)).id,
    );
    otherBranch = staffActor(
      'branch_officer',
      org.branchB,
      (await createStaffUser(ds, at, 'branch_officer', org.branchB)).id,
    );
  });
  afterAll(() => ds.destroy());

  it('refuses an unknown grade, an open tip and a viewer outside the chain', async () => {
    const id = await closedTip();
    expect(await code(sut().grade(station, id, 'Z'))).toBe('TIP_GRADE_INVALID');
    expect(await code(sut().grade(otherBranch, id, 'A'))).toBe('NOT_FOUND');
    const { id: open } = await unitTips(ds, clock).submit(guard, {
      clientRequestId: `grade-unit-open-${++n}`,
      category: 'dispute',
      text: '邻里纠纷',
    });
    expect(await code(sut().grade(station, open, 'A'))).toBe('TIP_GRADE_NOT_CLOSED');
    expect(await entries(id)).toEqual([]);
  });

  it('credits the configured points once, audits, and counts the month’s tip points against the cap', async () => {
    const env = { TIP_GRADES: 'A:40,B:10', TIP_MONTHLY_POINTS_CAP: '60' };
    const [a, b] = [await closedTip(), await closedTip()];
    expect(await sut(env).grade(station, a, 'A')).toMatchObject({ credited: 40, capped: false, monthPoints: 40 });
    expect(await code(sut(env).grade(station, a, 'A'))).toBe('TIP_STATE_CHANGED');
    expect(await sut(env).grade(station, b, 'A')).toMatchObject({ credited: 20, capped: true, monthPoints: 60 });
    expect((await entries(a)).map((e) => e.amount)).toEqual([40]);
    expect(await ds.getRepository(AuditLog).countBy({ action: 'tip.grade', targetId: String(b) })).toBe(1);
    // the tip's points are counted in the Shanghai month they were credited: moved to November, they free December
    await ds.getRepository(Tip).update(a, { gradedAt: new Date('2026-11-30T15:59:59Z') });
    const c = await closedTip();
    expect(await sut(env).grade(station, c, 'A')).toMatchObject({ credited: 40, monthPoints: 60 });
  });

  it('a revocation reverses the credit through the ledger and tells the submitter once', async () => {
    const id = await closedTip();
    await sut().grade(station, id, 'C');
    const told = () => ds.getRepository(Notification).countBy({ userId: guard.userId, template: 'tip_result' });
    const before = await told();
    expect(await sut().grade(station, id, null)).toMatchObject({ grade: null, reversed: 5, credited: 0 });
    const [credit, reversal] = await entries(id);
    expect(reversal).toMatchObject({ type: 'reversal', amount: -5, reversalOfId: credit.id });
    expect(await told()).toBe(before + 1);
  });
});
