import type { DataSource } from 'typeorm';
import { OrgUnit, ServiceSite } from '../../../test/unit/rows.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { ActivityPlaces, PLACES_LIMIT } from './activity-places.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { orgTree, unitOrg, type UnitTree } from '../../../test/unit/factories.js';
import { createCompany } from '../../../test/unit/factories-roster.js';
import { createActivity } from '../../../test/unit/factories-activities.js';

describe(ActivityPlaces.name, () => {
  let ds: DataSource;
  let org: UnitTree;
  const clock = clockAt('2026-11-30T02:00:00Z');
  const sut = () => new ActivityPlaces(ds, unitOrg(ds), new CompanyQueries(ds));
  const names = async (actor: ReturnType<typeof staffActor>, q?: string) =>
    (await sut().search(actor, q)).items.map((p) => `${p.source}:${p.name}`);

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    // the station and the other branch's station have coordinates, the community has none
    await ds.getRepository(OrgUnit).update(org.stationA.id, { lat: 31.6, lng: 118.5 });
    await ds.getRepository(OrgUnit).update(org.stationB.id, { lat: 31.7, lng: 118.6 });
    const company = await createCompany(ds, clock.now(), org.stationA, { name: '皖安保安' });
    const sites = ds.getRepository(ServiceSite);
    await sites.save(
      sites.create({
        companyId: company.id,
        name: '雨山湖公园驻勤点',
        address: '雨山湖公园南门',
        lat: 31.65,
        lng: 118.49,
        stationId: org.stationA.id,
        createdAt: clock.now(),
      }),
    );
    await sites.save(
      sites.create({
        companyId: company.id,
        name: '无坐标驻勤点',
        address: '某路',
        lat: null,
        lng: null,
        stationId: org.stationA.id,
        createdAt: clock.now(),
      }),
    );
    await createActivity(ds, org.stationA, new Date('2026-12-01T02:00:00Z'));
    await createActivity(ds, org.stationA, new Date('2026-12-02T02:00:00Z')); // the same place twice
    await createActivity(ds, org.stationB, new Date('2026-12-01T02:00:00Z'), { address: '湖东路口' });
  });

  afterAll(() => ds.destroy());

  it('gathers located units, service sites (with their company) and earlier places of the scope, each once', async () => {
    expect(await names(staffActor('station_officer', org.stationA))).toEqual([
      'org_unit:采石派出所',
      'service_site:雨山湖公园驻勤点（皖安保安）',
      'activity:采石矶景区东门',
    ]);
  });

  it("never offers another branch's places", async () => {
    expect(await names(staffActor('branch_officer', org.branchB))).toEqual([
      'org_unit:湖东派出所',
      'activity:湖东路口',
    ]);
  });

  it('searches name and address, and stops at the limit', async () => {
    expect(await names(staffActor('city_officer', org.city), '南门')).toEqual([
      'service_site:雨山湖公园驻勤点（皖安保安）',
    ]);
    for (let i = 0; i < PLACES_LIMIT + 5; i++)
      await createActivity(ds, org.stationA, new Date('2026-12-03T02:00:00Z'), {
        address: `测试地点${i}`,
        lat: 31 + i / 100,
      });
    expect((await sut().search(staffActor('city_officer', org.city), '测试地点')).items).toHaveLength(PLACES_LIMIT);
  });
});
