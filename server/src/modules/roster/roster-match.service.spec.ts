import type { DataSource } from 'typeorm';
import { RosterMatchService } from './roster-match.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { orgTree, unitPii } from '../../../test/unit/factories.js';
import { createCompany, createGuard, unitIdNumber } from '../../../test/unit/factories-roster.js';

describe('RosterMatchService', () => {
  let ds: DataSource;
  let sut: RosterMatchService;
  const at = clockAt('2026-11-30T15:30:00Z').now();
  const hash = (n: number) => unitPii.hash('id_number', unitIdNumber(n));
  let certifiedId: number, uncertifiedId: number;

  beforeAll(async () => {
    ds = await unitDataSource();
    sut = new RosterMatchService(ds);
    const org = await orgTree(ds, at);
    const company = await createCompany(ds, at, org.stationA);
    certifiedId = (
      await createGuard(ds, at, company, unitIdNumber(1), { certificateNo: '皖保0001', lastChangedById: 7 })
    ).id;
    uncertifiedId = (await createGuard(ds, at, company, unitIdNumber(2), { name: '李娜', certified: false })).id;
  });

  afterAll(() => ds.destroy());

  it('the green channel matches a certified guard by ID hash and the exact name, naming who last changed the row', async () => {
    expect(await sut.certifiedGuard(hash(1), '张伟')).toEqual({
      guardId: certifiedId,
      certificateNo: '皖保0001',
      lastChangedById: 7,
    });
  });

  it('no match for another name, an uncertified guard or a person not on the roster', async () => {
    expect(await sut.certifiedGuard(hash(1), '张 伟')).toBeNull();
    expect(await sut.certifiedGuard(hash(1), '张三')).toBeNull();
    expect(await sut.certifiedGuard(hash(2), '李娜')).toBeNull();
    expect(await sut.certifiedGuard(hash(3), '张伟')).toBeNull();
  });

  it('reads rows by id, skipping unknown ids, and answers an empty list without a query', async () => {
    const found = await sut.byIds([certifiedId, uncertifiedId, 99999]);
    expect([...found.keys()].sort()).toEqual([certifiedId, uncertifiedId].sort());
    expect(found.get(uncertifiedId)).toEqual({ guardId: uncertifiedId, certificateNo: null, lastChangedById: null });
    expect((await sut.byIds([])).size).toBe(0);
  });
});
