import type { DataSource } from 'typeorm';
import type { Clock } from '../../common/clock/clock.js';
import { AuditLog } from '../../../test/unit/rows.js';
import { staffActor } from '../../../test/unit/actors.js';
import { clockAt, errorCode, unitDataSource } from '../../../test/unit/unit-db.js';
import { orgTree, unitAudit, unitOrg, type UnitTree } from '../../../test/unit/factories.js';
import { ReportUnits, treeOrder } from './report-units.js';
import { StagesService } from './stages.service.js';

const TEXT = '本阶段组织巡逻十二次。';

describe(StagesService.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  const sut = (c: Clock) => new StagesService(ds, unitAudit(ds, c), c, new ReportUnits(unitOrg(ds)));
  // 23:30 on 30 November in Shanghai, and an hour later (1 December there, still 30 November in UTC)
  const before = clockAt('2026-11-30T15:30:00Z');
  const after = clockAt('2026-11-30T16:30:00Z');

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, before.now());
  });
  afterAll(() => ds.destroy());

  it('decides lateness by the Shanghai date of the first submission; a later rewrite keeps it', async () => {
    const city = staffActor('city_officer', org.city, 1);
    const stage = await sut(before).create(city, { name: '第一阶段', dueDate: '2026-11-30' });
    const a = staffActor('station_officer', org.stationA, 2);
    const b = staffActor('station_officer', org.stationB, 3);
    expect(await sut(before).write(a, stage.id, { text: TEXT })).toMatchObject({
      late: false,
      submittedOn: '2026-11-30',
    });
    expect(await sut(after).write(b, stage.id, { text: TEXT })).toMatchObject({
      late: true,
      submittedOn: '2026-12-01',
    });
    const rewritten = await sut(after).write(a, stage.id, { text: `${TEXT}补充` });
    expect(rewritten).toMatchObject({ late: false, editedAfterDue: true, submittedOn: '2026-11-30' });
    const d = await sut(after).detail(city, stage.id);
    expect(d.late.map((s) => s.orgName)).toEqual([org.stationB.name]);
    expect(d.missing.map((s) => s.orgName)).toEqual([org.branchA.name, org.branchB.name]);
    expect(d.stage).toMatchObject({ pastDue: true, expectedCount: 4, submittedCount: 2, lateCount: 1 });
    expect(await ds.getRepository(AuditLog).countBy({ action: 'report.narrative.submit' })).toBe(3);
  });

  it('shows a unit its own narrative and those below it only; only branches and stations write', async () => {
    const city = staffActor('city_officer', org.city, 1);
    const stage = await sut(before).create(city, { name: '第二阶段', dueDate: '2026-12-31' });
    const a = staffActor('station_officer', org.stationA, 2);
    const b = staffActor('station_officer', org.stationB, 3);
    const branchA = staffActor('branch_officer', org.branchA, 4);
    await sut(before).write(a, stage.id, { text: TEXT });
    expect(await errorCode(sut(before).narrative(b, stage.id, org.stationA.id))).toBe('NOT_FOUND');
    expect((await sut(before).narrative(branchA, stage.id, org.stationA.id)).orgName).toBe(org.stationA.name);
    expect(await sut(before).narratives(b, stage.id)).toEqual([]);
    expect(await errorCode(sut(before).write(city, stage.id, { text: TEXT }))).toBe('REPORT_NARRATIVE_UNIT');
    const community = staffActor('community_officer', org.communityA, 5);
    expect(await errorCode(sut(before).write(community, stage.id, { text: TEXT }))).toBe('REPORT_NARRATIVE_UNIT');
    expect(await errorCode(sut(before).create(city, { name: '第二阶段', dueDate: '2027-01-01' }))).toBe(
      'REPORT_STAGE_NAME_TAKEN',
    );
    expect(await errorCode(sut(before).detail(a, 9999))).toBe('NOT_FOUND');
  });

  it('orders units as the tree does, numbers compared as numbers', () => {
    expect(['/1/10/', '/1/9/', '/1/9/11/', '/1/2/'].sort(treeOrder)).toEqual(['/1/2/', '/1/9/', '/1/9/11/', '/1/10/']);
  });
});
