import type { DataSource } from 'typeorm';
import { UserQueries } from '../users/user-queries.js';
import { CompaniesService } from '../companies/companies.service.js';
import { CompanyReferences } from '../companies/company-references.js';
import type { Company } from '../../../test/unit/rows.js';
import type { RosterQueryDto } from './roster.dto.js';
import { RosterService } from './roster.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createStaffUser,
  createUser,
  createVolunteer,
  orgTree,
  unitAudit,
  unitOrg,
  unitPii,
  type UnitTree,
} from '../../../test/unit/factories.js';
import { createCompany, createGuard, unitIdNumber } from '../../../test/unit/factories-roster.js';

const query = (over: Partial<RosterQueryDto> = {}) => ({ page: 1, pageSize: 20, ...over }) as RosterQueryDto;
describe('RosterService', () => {
  let ds: DataSource;
  let sut: RosterService;
  let org: UnitTree;
  let companyA: Company, companyA2: Company, companyB: Company;
  let managerId: number;
  const clock = clockAt('2026-11-30T15:30:00Z');

  beforeAll(async () => {
    ds = await unitDataSource();
    const at = clock.now();
    org = await orgTree(ds, at);
    const companies = new CompaniesService(
      ds,
      unitPii,
      unitAudit(ds, clock),
      clock,
      unitOrg(ds),
      new UserQueries(ds),
      new CompanyReferences(),
    );
    sut = new RosterService(ds, unitPii, companies);
    managerId = (await createStaffUser(ds, at, 'company_manager', org.stationA)).id;
    companyA = await createCompany(ds, at, org.stationA, { managerUserId: managerId, type: 'property' });
    companyA2 = await createCompany(ds, at, org.stationA);
    companyB = await createCompany(ds, at, org.stationB);
    // company A: four guards, three certified, two of them volunteers (one active, one suspended)
    await createGuard(ds, at, companyA, unitIdNumber(1), { name: '张伟' });
    await createGuard(ds, at, companyA, unitIdNumber(2), { name: '王芳' });
    await createGuard(ds, at, companyA, unitIdNumber(3), { name: '李%强' });
    await createGuard(ds, at, companyA, unitIdNumber(4), { name: '赵敏', certified: false });
    await createGuard(ds, at, companyA2, unitIdNumber(5), { name: '钱进' });
    await createGuard(ds, at, companyB, unitIdNumber(6), { name: '孙丽' });
    for (const [n, status] of [
      [1, 'active'],
      [2, 'suspended'],
    ] as const) {
      const user = await createUser(ds, at);
      await createVolunteer(ds, at, user, org.stationA, {
        status,
        idHash: unitPii.hash('id_number', unitIdNumber(n)),
        idEnc: unitPii.encrypt(unitIdNumber(n)),
      });
    }
  });

  afterAll(() => ds.destroy());

  it('staff see the guards of companies homed in their subtree only, ID numbers masked', async () => {
    const stationA = await sut.list(staffActor('station_officer', org.stationA), query());
    expect(stationA.total).toBe(5);
    expect(stationA.items.map((g) => g.company.id)).not.toContain(companyB.id);
    const zhang = stationA.items.find((g) => g.name === '张伟')!;
    expect(zhang.idNumberMasked).not.toContain(unitIdNumber(1).slice(6, 14));
    expect(zhang.idNumberMasked.slice(-1)).toBe(unitIdNumber(1).slice(-1));
    const branchB = await sut.list(staffActor('branch_officer', org.branchB), query());
    expect(branchB.items.map((g) => g.name)).toEqual(['孙丽']);
    expect((await sut.list(staffActor('city_officer', org.city), query())).total).toBe(6);
  });

  it('a guard counts as joined only while an active volunteer holds the same ID number; filters combine', async () => {
    const actor = staffActor('station_officer', org.stationA);
    const joined = await sut.list(actor, query({ joined: true }));
    expect(joined.items.map((g) => [g.name, g.joined])).toEqual([['张伟', true]]);
    const notJoined = await sut.list(actor, query({ joined: false, certified: true, companyId: companyA.id }));
    expect(notJoined.items.map((g) => g.name)).toEqual(['王芳', '李%强']);
    expect((await sut.list(actor, query({ q: '%' }))).items.map((g) => g.name)).toEqual(['李%强']);
  });

  it("the company manager's figures: roster size, certified, joined and the join rate against the type's target", async () => {
    const mine = await sut.myCompany(staffActor('company_manager', org.stationA, managerId));
    expect(mine).toMatchObject({
      company: { id: companyA.id },
      rosterSize: 4,
      certifiedCount: 3,
      joinedCount: 1,
      joinRate: 0.25,
      target: 0.6,
    });
  });

  it('the company manager lists only their own company’s guards, whatever company the query names', async () => {
    const manager = staffActor('company_manager', org.stationA, managerId);
    const page = await sut.myCompanyGuards(manager, query({ companyId: companyA2.id }));
    expect(page.total).toBe(4);
    expect(new Set(page.items.map((g) => g.company.id))).toEqual(new Set([companyA.id]));
    expect(await code(sut.myCompany(staffActor('company_manager', org.stationA, 4242)))).toBe('COMPANY_NOT_LINKED');
  });
});
