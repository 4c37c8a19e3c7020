import type { DataSource } from 'typeorm';
import { OrgUnit } from './org-unit.entity.js';
import { OrgService, createOrgUnit } from './org.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';

describe('OrgService', () => {
  let ds: DataSource;
  let sut: OrgService;
  const at = clockAt('2026-11-30T15:30:00Z').now();
  let city: OrgUnit, branchA: OrgUnit, branchB: OrgUnit, stationA1: OrgUnit, communityA1: OrgUnit;

  beforeAll(async () => {
    ds = await unitDataSource();
    sut = new OrgService(ds.getRepository(OrgUnit));
    const m = ds.manager;
    city = await createOrgUnit(m, { code: 'C', name: '市局', level: 'city', parent: null, createdAt: at });
    branchA = await createOrgUnit(m, { code: 'BA', name: '雨山分局', level: 'branch', parent: city, createdAt: at });
    branchB = await createOrgUnit(m, { code: 'BB', name: '花山分局', level: 'branch', parent: city, createdAt: at });
    stationA1 = await createOrgUnit(m, {
      code: 'SA1',
      name: '采石派出所',
      level: 'station',
      parent: branchA,
      createdAt: at,
    });
    communityA1 = await createOrgUnit(m, {
      code: 'CA1',
      name: '采石社区',
      level: 'community',
      parent: stationA1,
      createdAt: at,
    });
  });

  afterAll(() => ds.destroy());

  it('stores each unit with the materialised path of its ancestors', () => {
    expect(city.path).toBe(`/${city.id}/`);
    expect(communityA1.path).toBe(`/${city.id}/${branchA.id}/${stationA1.id}/${communityA1.id}/`);
  });

  it('finds the root (the city bureau) and units by id', async () => {
    expect(await sut.rootId()).toBe(city.id);
    expect((await sut.findById(stationA1.id))?.name).toBe('采石派出所');
    expect(await sut.findById(99999)).toBeNull();
  });

  it("a branch officer's tree is their own branch and below, never the sister branch", async () => {
    const tree = await sut.tree(staffActor('branch_officer', branchA));
    expect(tree.map((n) => n.id)).toEqual([branchA.id]);
    expect(tree[0].children.map((n) => n.id)).toEqual([stationA1.id]);
    expect(tree[0].children[0].children.map((n) => n.id)).toEqual([communityA1.id]);
    expect(JSON.stringify(tree)).not.toContain(String(branchB.name));
  });

  it("the city officer's tree holds both branches under the city", async () => {
    const [root] = await sut.tree(staffActor('city_officer', city));
    expect(root.id).toBe(city.id);
    expect(root.children.map((n) => n.name).sort()).toEqual(['花山分局', '雨山分局'].sort());
  });
});
