import type { DataSource } from 'typeorm';
import { creditCodeCheckChar } from '@jianghuai/shared';
import { AuditLog } from '../../../test/unit/rows.js';
import { UserQueries } from '../users/user-queries.js';
import type { CompanyQueryDto, CreateCompanyDto, ServiceSiteDto } from './companies.dto.js';
import { CompaniesService } from './companies.service.js';
import { CompanyReferences, type CompanyReference } from './company-references.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createStaffUser, orgTree, unitAudit, unitOrg, unitPii, type UnitTree } from '../../../test/unit/factories.js';

/** A valid unified social credit code, numbered `n`. */
const creditCode = (n: number) => {
  const first17 = `91340500MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};
const query = (over: Partial<CompanyQueryDto> = {}) => ({ page: 1, pageSize: 20, ...over }) as CompanyQueryDto;

describe('CompaniesService', () => {
  let ds: DataSource;
  let sut: CompaniesService;
  let org: UnitTree;
  /** Rows of other modules (guards, volunteers, applications) that refer to a company or site. */
  const referrers: CompanyReference[] = [];
  const clock = clockAt('2026-11-30T15:30:00Z');
  const company = (n: number, over: Partial<CreateCompanyDto> = {}): CreateCompanyDto => ({
    name: `皖安保安服务有限公司${n}`,
    type: 'security_company',
    creditCode: creditCode(n),
    homeStationId: org.stationA.id,
    ...over,
  });
  const site = (over: Partial<ServiceSiteDto> = {}): ServiceSiteDto => ({
    name: '雨山湖公园驻勤点',
    address: '雨山区湖东路 1 号',
    stationId: org.stationA.id,
    ...over,
  });
  let branchA: ReturnType<typeof staffActor>;

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    const references = new CompanyReferences();
    references.register(async (_m, ref) =>
      'companyId' in ref
        ? referrers.filter((r) => 'companyId' in r && r.companyId === ref.companyId).length
        : referrers.filter((r) => 'siteId' in r && r.siteId === ref.siteId).length,
    );
    sut = new CompaniesService(ds, unitPii, unitAudit(ds, clock), clock, unitOrg(ds), new UserQueries(ds), references);
    branchA = staffActor('branch_officer', org.branchA, 3);
  });

  afterAll(() => ds.destroy());

  it('a company needs a valid credit code (format and check character), unique, at a station in scope', async () => {
    expect(await code(sut.create(branchA, company(1, { creditCode: 'not-a-code' })))).toBe(
      'COMPANY_CREDIT_CODE_INVALID',
    );
    const wrongCheck = creditCode(1).slice(0, 17) + (creditCode(1).endsWith('0') ? '1' : '0');
    expect(await code(sut.create(branchA, company(1, { creditCode: wrongCheck })))).toBe(
      'COMPANY_CREDIT_CODE_CHECK_FAILED',
    );
    expect(await code(sut.create(branchA, company(1, { homeStationId: org.stationB.id })))).toBe('NOT_FOUND');
    expect(await code(sut.create(branchA, company(1, { homeStationId: org.branchA.id })))).toBe('ORG_UNIT_NOT_STATION');
    const created = await sut.create(branchA, company(1, { creditCode: ` ${creditCode(1).toLowerCase()} ` }));
    expect(created).toMatchObject({ creditCode: creditCode(1), homeStation: { id: org.stationA.id } });
    expect(await code(sut.create(branchA, company(2, { creditCode: creditCode(1) })))).toBe(
      'COMPANY_CREDIT_CODE_TAKEN',
    );
    const audit = await ds.getRepository(AuditLog).findOneByOrFail({ action: 'company.create' });
    expect([audit.actorId, audit.orgPath]).toEqual([3, org.stationA.path]);
  });

  it('lists companies of the viewer’s stations only, with the contact phone masked and % searched literally', async () => {
    await sut.create(branchA, company(3, { name: '100%安保', contactPhone: '13912345678' }));
    await sut.create(staffActor('branch_officer', org.branchB), company(4, { homeStationId: org.stationB.id }));
    const mine = await sut.list(branchA, query({ q: '%' }));
    expect(mine.items.map((c) => [c.name, c.contactPhone])).toEqual([['100%安保', '139****5678']]);
    expect((await sut.list(staffActor('branch_officer', org.branchB), query())).items.map((c) => c.name)).toEqual([
      '皖安保安服务有限公司4',
    ]);
    expect((await sut.list(staffActor('city_officer', org.city), query())).total).toBe(3);
  });

  it('a manager account must be a company manager and manage no other company', async () => {
    const manager = await createStaffUser(ds, clock.now(), 'company_manager', org.stationA);
    const officer = await createStaffUser(ds, clock.now(), 'station_officer', org.stationA);
    expect(await code(sut.create(branchA, company(5, { managerUserId: officer.id })))).toBe('COMPANY_MANAGER_INVALID');
    const first = await sut.create(branchA, company(5, { managerUserId: manager.id }));
    expect(await code(sut.create(branchA, company(6, { managerUserId: manager.id })))).toBe('COMPANY_MANAGER_INVALID');
    // re-saving the same manager on their own company is fine
    expect(await code(sut.update(branchA, first.id, { managerUserId: manager.id }))).toBe('ok');
    expect(await sut.managedCompanyStationId(manager.id)).toBe(org.stationA.id);
    expect((await sut.forManager({ ...branchA, userId: manager.id })).id).toBe(first.id);
    expect(await code(sut.forManager({ ...branchA, userId: officer.id }))).toBe('COMPANY_NOT_LINKED');
  });

  it('sites may lie at any station, but at a station; a site or company someone refers to stays', async () => {
    const c = await sut.create(branchA, company(7));
    expect(await code(sut.addSite(branchA, c.id, site({ stationId: org.communityA.id })))).toBe('ORG_UNIT_NOT_STATION');
    const across = await sut.addSite(branchA, c.id, site({ stationId: org.stationB.id }));
    expect(across.station.id).toBe(org.stationB.id);
    referrers.push({ siteId: across.id }, { siteId: across.id }, { companyId: c.id });
    await expect(sut.removeSite(branchA, c.id, across.id)).rejects.toMatchObject({
      code: 'SITE_IN_USE',
      details: { people: 2 },
    });
    expect(await code(sut.remove(branchA, c.id))).toBe('COMPANY_IN_USE');
    referrers.length = 0;
    await sut.removeSite(branchA, c.id, across.id);
    await sut.remove(branchA, c.id);
    expect(await code(sut.get(branchA, c.id))).toBe('NOT_FOUND');
  });

  it('moving a company to another branch’s station takes it out of the old scope, audited at the new station', async () => {
    const c = await sut.create(branchA, company(8));
    expect(await code(sut.update(branchA, c.id, { homeStationId: org.stationB.id }))).toBe('NOT_FOUND');
    const city = staffActor('city_officer', org.city, 4);
    await sut.update(city, c.id, { homeStationId: org.stationB.id });
    expect(await code(sut.get(branchA, c.id))).toBe('NOT_FOUND');
    expect(await code(sut.update(branchA, c.id, { homeStationId: org.stationA.id }))).toBe('NOT_FOUND');
    const audit = await ds.getRepository(AuditLog).findOneOrFail({
      where: { action: 'company.update', actorId: 4 },
      order: { id: 'DESC' },
    });
    expect([audit.orgPath, audit.before?.homeStationId, audit.after?.homeStationId]).toEqual([
      org.stationB.path,
      org.stationA.id,
      org.stationB.id,
    ]);
  });
});
