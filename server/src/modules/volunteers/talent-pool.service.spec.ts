import type { DataSource } from 'typeorm';
import ExcelJS from 'exceljs';
import { AuditLog } from '../../../test/unit/rows.js';
import { DutyExemption } from './duty-exemption.entity.js';
import { TalentPoolService } from './talent-pool.service.js';
import type { Volunteer } from './volunteer.entity.js';
import type { TalentPoolQueryDto } from './volunteers.dto.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, unitAudit, type UnitTree } from '../../../test/unit/factories.js';
import { unitArchive } from '../../../test/unit/factories-volunteers.js';

const query = (over: Partial<TalentPoolQueryDto> = {}) => ({ page: 1, pageSize: 50, ...over }) as TalentPoolQueryDto;

describe('TalentPoolService', () => {
  let ds: DataSource;
  let org: UnitTree;
  /** The pool as it reads at 23:30 and at 00:00 Shanghai time on either side of 30 November's end. */
  let before: TalentPoolService, after: TalentPoolService;
  let medic: Volunteer, resident: Volunteer, exempt: Volunteer, suspended: Volunteer, elsewhere: Volunteer;
  const at = clockAt('2026-11-30T15:30:00Z').now();

  const pool = (iso: string) => {
    const clock = clockAt(iso);
    return new TalentPoolService(ds, unitArchive(ds, clock), unitAudit(ds, clock), clock);
  };
  const ids = async (p: Promise<{ items: { id: number }[] }>) => (await p).items.map((i) => i.id);

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, at);
    before = pool('2026-11-30T15:30:00Z');
    after = pool('2026-11-30T16:00:00Z');
    const vol = async (over: Partial<Volunteer>, station = org.stationA) =>
      createVolunteer(ds, at, await createUser(ds, at), station, over);
    medic = await vol({ name: '张医', tier: 'core', skills: [{ name: '急救' }, { name: '驾驶' }] });
    resident = await vol({ name: '李住', residenceCommunityId: org.communityA.id }, org.stationB);
    exempt = await vol({ name: '王休', skills: [{ name: '急救' }] });
    suspended = await vol({ name: '赵停', status: 'suspended', skills: [{ name: '急救' }] });
    elsewhere = await vol({ name: '钱外', skills: [{ name: '急救' }] }, org.stationB);
    await ds.getRepository(DutyExemption).insert({
      volunteerId: exempt.id,
      reason: '住院',
      endsOn: '2026-11-30',
      createdById: 1,
      createdByName: '民警',
      createdAt: at,
    });
  });
  afterAll(() => ds.destroy());

  it("a branch officer finds members managed in the branch or living in it, never the sister branch's", async () => {
    const found = await ids(before.search(staffActor('branch_officer', org.branchA), query()));
    expect(found.sort()).toEqual([medic.id, resident.id, exempt.id, suspended.id].sort());
    expect(await ids(before.search(staffActor('station_officer', org.stationB), query()))).toEqual([
      resident.id,
      elsewhere.id,
    ]);
  });

  it('filters by skill and tier together', async () => {
    const city = staffActor('city_officer', org.city);
    expect((await ids(before.search(city, query({ skill: '急救' })))).sort()).toEqual(
      [medic.id, exempt.id, suspended.id, elsewhere.id].sort(),
    );
    expect(await ids(before.search(city, query({ skill: '急救', tier: 'core' })))).toEqual([medic.id]);
    expect(await ids(before.search(city, query({ skill: '心理疏导' })))).toEqual([]);
  });

  it('an exemption ending 30 November holds until 16:00 UTC (midnight in Shanghai), then the member is available', async () => {
    const actor = staffActor('station_officer', org.stationA);
    expect(await ids(before.search(actor, query({ available: true })))).toEqual([medic.id, resident.id]);
    expect((await ids(before.search(actor, query({ available: false })))).sort()).toEqual(
      [exempt.id, suspended.id].sort(),
    );
    expect(await ids(after.search(actor, query({ available: true })))).toEqual([medic.id, resident.id, exempt.id]);
    expect(await ids(after.search(actor, query({ available: false })))).toEqual([suspended.id]);
  });

  it('an area outside the actor’s scope is refused as not found', async () => {
    const actor = staffActor('branch_officer', org.branchA);
    expect(await ids(before.search(actor, query({ orgUnitId: org.stationA.id })))).toHaveLength(3);
    await expect(before.search(actor, query({ orgUnitId: org.stationB.id }))).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('the export holds the filtered rows in Chinese and is audited with the filters and the row count', async () => {
    const actor = staffActor('station_officer', org.stationA, 31);
    const buf = await before.export(actor, query({ skill: '急救', available: true }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('人才资源库')!;
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(2).value).toBe('张医');
    expect(ws.getRow(2).getCell(5).value).toBe('核心成员');
    expect(ws.getRow(2).getCell(7).value).toBe('急救、驾驶');
    const [entry] = await ds.getRepository(AuditLog).findBy({ action: 'talent_pool.export' });
    expect(entry.after).toMatchObject({ rows: 1, filters: { skill: '急救', available: true } });
  });
});
