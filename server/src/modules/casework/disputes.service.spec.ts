import type { DataSource } from 'typeorm';
import type { Actor } from '../../common/auth/actor.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, orgTree, type UnitTree } from '../../../test/unit/factories.js';
import { unitDisputes } from '../../../test/unit/factories-casework.js';
import { DisputesService } from './disputes.service.js';

describe(DisputesService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  let station: Actor;
  let community: Actor;
  let branch: Actor;
  let otherStation: Actor;
  // 07:30 on 1 December in Shanghai, still 30 November in UTC
  const clock = clockAt('2026-11-30T23:30:00Z');
  const sut = () => unitDisputes(ds, clock);
  const open = (who: Actor, stationId?: number) =>
    sut().create(who, {
      type: 'family',
      parties: [{ name: '欧阳娜娜', phone: '13912345678' }],
      place: { address: '采石社区 5 栋', lat: null, lng: null },
      description: '夫妻争吵，邻居报警',
      stationId,
    });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const at = clock.now();
    const staff = async (role: Parameters<typeof createStaffUser>[2], unit: UnitTree[keyof UnitTree]) =>
      staffActor(role, unit, (await createStaffUser(ds, at, role, unit)).id);
    station = await staff('station_officer', org.stationA);
    community = await staff('community_officer', org.communityA);
    branch = await staff('branch_officer', org.branchA);
    otherStation = await staff('station_officer', org.stationB);
  });
  afterAll(() => ds.destroy());

  it('opens a case on the Shanghai date, the phone sealed and masked, the name masked only in lists', async () => {
    const c = await open(station);
    expect(c).toMatchObject({ status: 'open', openedOn: '2026-12-01', stationId: org.stationA.id, version: 1 });
    expect(c.parties).toEqual([{ name: '欧阳娜娜', phoneMasked: '139****5678' }]);
    const raw = await ds.query('SELECT parties FROM dispute_cases WHERE id = ?', [c.id]);
    expect(JSON.stringify(raw)).not.toContain('13912345678');
    const page = await sut().list(station, { page: 1, pageSize: 50 });
    expect(page.items.find((x) => x.id === c.id)?.parties[0].name).toBe('欧***');
    expect(await ds.getRepository(AuditLog).countBy({ action: 'dispute.create', targetId: String(c.id) })).toBe(1);
  });

  it('holds a community officer’s case at the community; a branch names a station of its own', async () => {
    const c = await open(community);
    expect(c.stationId).toBe(org.stationA.id);
    expect(await code(sut().get(station, c.id))).toBe('ok');
    expect(await code(sut().get(community, (await open(station)).id))).toBe('NOT_FOUND');
    expect(await code(open(branch))).toBe('DISPUTE_STATION_REQUIRED');
    expect(await code(open(branch, org.stationB.id))).toBe('DISPUTE_STATION_REQUIRED');
    expect((await open(branch, org.stationA.id)).stationId).toBe(org.stationA.id);
  });

  it('another station reads every case as not found', async () => {
    const c = await open(station);
    expect(await code(sut().get(otherStation, c.id))).toBe('NOT_FOUND');
    expect(await code(sut().addStep(otherStation, c.id, { date: '2026-12-01', text: '越权' }))).toBe('NOT_FOUND');
    expect(await code(sut().close(otherStation, c.id, { outcome: 'resolved', note: '越权' }))).toBe('NOT_FOUND');
    expect((await sut().list(otherStation, { page: 1, pageSize: 50 })).items.map((x) => x.id)).not.toContain(c.id);
  });

  it('takes steps up to today in Shanghai (already 1 December at 23:30 UTC), then closes once', async () => {
    const c = await open(station);
    const withStep = await sut().addStep(station, c.id, { date: '2026-12-01', text: '上门调解' });
    expect(withStep.steps.map((s) => [s.date, s.byMediator])).toEqual([['2026-12-01', false]]);
    expect(await code(sut().addStep(station, c.id, { date: '2026-12-02', text: '明天' }))).toBe(
      'DISPUTE_STEP_IN_FUTURE',
    );
    expect(await code(sut().addStep(station, c.id, { date: '2026-11-31', text: '无效' }))).toBe('VALIDATION_FAILED');
    const closed = await sut().close(station, c.id, { outcome: 'escalated', note: '矛盾激化，上交派出所' });
    expect(closed).toMatchObject({ status: 'escalated', outcome: 'escalated', closedOn: '2026-12-01' });
    expect(await code(sut().close(branch, c.id, { outcome: 'resolved', note: '再结一次' }))).toBe(
      'DISPUTE_STATE_CHANGED',
    );
    expect(await code(sut().addStep(station, c.id, { date: '2026-12-01', text: '结案后' }))).toBe(
      'DISPUTE_STATE_CHANGED',
    );
  });
});
