import type { DataSource } from 'typeorm';
import type { RosterRowError } from '@jianghuai/shared';
import type { AppException } from '../../common/errors/app-exception.js';
import { AuditLog } from '../../../test/unit/rows.js';
import type { Company } from '../../../test/unit/rows.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { RosterGuard } from './roster-guard.entity.js';
import { RosterImportService } from './roster-import.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { orgTree, unitAudit, unitPii, type UnitTree } from '../../../test/unit/factories.js';
import { createCompany, createGuard, unitIdNumber } from '../../../test/unit/factories-roster.js';

/** A roster CSV: the header, then one line per row (name, ID number, certificate no., company, certified). */
const csv = (...rows: string[][]) =>
  Buffer.from(['姓名,身份证号,保安员证号,所属单位,是否持证', ...rows.map((r) => r.join(','))].join('\n'));
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error('the import was accepted');
    },
    (e: AppException) => ({
      code: e.code,
      ...(e.details as { errors: RosterRowError[]; badRows: number; totalRows: number }),
    }),
  );

describe('RosterImportService', () => {
  let ds: DataSource;
  let sut: RosterImportService;
  let org: UnitTree;
  let companyA: Company, companyB: Company;
  const clock = clockAt('2026-11-30T15:30:00Z');
  const stationA = () => staffActor('station_officer', org.stationA, 11);
  const guards = () => ds.getRepository(RosterGuard).find({ order: { id: 'ASC' } });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    sut = new RosterImportService(ds, unitPii, unitAudit(ds, clock), clock, new CompanyQueries(ds));
    companyA = await createCompany(ds, clock.now(), org.stationA, { name: '采石保安公司' });
    companyB = await createCompany(ds, clock.now(), org.stationB, { name: '湖东保安公司' });
  });

  afterAll(() => ds.destroy());

  it('reports every bad row with its column and problem, and applies nothing while one row is bad', async () => {
    const wrongCheck = unitIdNumber(1).slice(0, 17) + (unitIdNumber(1).endsWith('0') ? '1' : '0');
    const res = await refusal(
      sut.import(
        stationA(),
        csv(
          ['张伟', unitIdNumber(1), '', companyA.creditCode, '是'],
          ['', wrongCheck, '', '无此公司', '也许'],
          ['王芳', unitIdNumber(1), '', companyB.name, '否'],
        ),
      ),
    );
    expect(res.code).toBe('ROSTER_IMPORT_INVALID');
    expect(res.errors.map((e) => [e.row, e.problem])).toEqual([
      [3, 'NAME_MISSING'],
      [3, 'ID_NUMBER_CHECK_DIGIT'],
      [3, 'COMPANY_UNKNOWN'],
      [3, 'CERTIFIED_INVALID'],
      // another station's company is unknown to this importer; the ID number repeats row 2
      [4, 'COMPANY_UNKNOWN'],
      [4, 'DUPLICATE_IN_FILE'],
    ]);
    expect(res.errors.find((e) => e.problem === 'DUPLICATE_IN_FILE')?.firstRow).toBe(2);
    expect([res.badRows, res.totalRows]).toEqual([2, 3]);
    expect(await guards()).toEqual([]);
  });

  it('creates rows keyed by the ID number, names the importer, and a re-import updates them in place', async () => {
    const first = await sut.import(
      stationA(),
      csv(
        [' 张 伟 ', unitIdNumber(11).toLowerCase(), '皖保0011', companyA.name, '持证'],
        ['王芳', unitIdNumber(12), '', companyA.creditCode, '否'],
      ),
    );
    expect(first).toMatchObject({ total: 2, created: 2, updated: 0 });
    const rows = await guards();
    expect(rows.map((g) => [g.name, g.certified, g.lastChangedById])).toEqual([
      ['张伟', true, 11],
      ['王芳', false, 11],
    ]);
    expect(unitPii.decrypt(rows[0].idEnc)).toBe(unitIdNumber(11));

    const again = await sut.import(
      staffActor('station_officer', org.stationA, 12),
      csv(
        ['张伟', unitIdNumber(11), '皖保0011', companyA.name, '是'],
        ['王芳', unitIdNumber(12), '皖保0012', companyA.name, '是'],
      ),
    );
    expect(again).toMatchObject({ total: 2, created: 0, updated: 2 });
    const after = await guards();
    expect(after.map((g) => g.id)).toEqual(rows.map((g) => g.id));
    // only the row that differed was changed (and so re-attributed), and its change was audited
    expect(after.map((g) => [g.certified, g.lastChangedById])).toEqual([
      [true, 11],
      [true, 12],
    ]);
    const changes = await ds.getRepository(AuditLog).findBy({ action: 'roster.guard.change' });
    expect(changes.map((a) => [a.targetId, a.before, a.after])).toEqual([
      [
        String(rows[1].id),
        { idNumberMasked: expect.any(String), certificateNo: null, certified: false },
        { idNumberMasked: expect.any(String), certificateNo: '皖保0012', certified: true },
      ],
    ]);
  });

  it("a person on another station's roster is a row error naming nobody, and the whole file waits", async () => {
    await createGuard(ds, clock.now(), companyB, unitIdNumber(21), { name: '孙丽' });
    const res = await refusal(
      sut.import(
        stationA(),
        csv(['赵敏', unitIdNumber(22), '', companyA.name, '是'], ['孙丽', unitIdNumber(21), '', companyA.name, '是']),
      ),
    );
    expect(res.errors).toEqual([
      { row: 3, column: '身份证号', problem: 'HELD_ELSEWHERE', message: expect.any(String) },
    ]);
    expect(JSON.stringify(res)).not.toContain(companyB.name);
    expect((await guards()).map((g) => g.name)).not.toContain('赵敏');
  });

  it('a move between companies in scope is audited at both stations, and the old station cannot take it back', async () => {
    const city = staffActor('city_officer', org.city, 13);
    await sut.import(city, csv(['钱进', unitIdNumber(31), '', companyA.name, '是']));
    const moved = await sut.import(city, csv(['钱进', unitIdNumber(31), '', companyB.creditCode, '是']));
    expect(moved).toMatchObject({ created: 0, updated: 1 });
    const audits = await ds.getRepository(AuditLog).findBy({ action: 'roster.guard.change', actorId: 13 });
    expect(audits.map((a) => a.orgPath).sort()).toEqual([org.stationA.path, org.stationB.path].sort());
    expect(audits[0].after).toMatchObject({ companyId: companyB.id });
    const back = await refusal(sut.import(stationA(), csv(['钱进', unitIdNumber(31), '', companyA.name, '是'])));
    expect(back.errors.map((e) => e.problem)).toEqual(['HELD_ELSEWHERE']);
  });
});
