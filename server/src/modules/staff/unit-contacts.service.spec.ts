import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../test/unit/rows.js';
import { UnitContacts } from '../org/unit-contacts.js';
import { UnitContact } from '../../../test/unit/rows.js';
import { UnitContactsService } from './unit-contacts.service.js';
import { clockAt, unitDataSource, errorCode as code } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { orgTree, unitAudit, unitOrg, unitPii, type UnitTree } from '../../../test/unit/factories.js';

const PAGE = { page: 1, pageSize: 50 };

describe('UnitContactsService', () => {
  let ds: DataSource;
  let sut: UnitContactsService;
  let org: UnitTree;
  const clock = clockAt('2026-11-30T17:30:00Z');

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, clock.now());
    sut = new UnitContactsService(new UnitContacts(ds), unitOrg(ds), ds, unitPii, unitAudit(ds, clock), clock);
  });
  afterAll(() => ds.destroy());

  it('records one contact per unit and kind, replacing it, with the phone sealed, hashed and masked', async () => {
    const station = staffActor('station_officer', org.stationA);
    await sut.save(station, org.stationA.id, 'responsible', { name: '李所长', phone: '13955501111', title: '所长' });
    const saved = await sut.save(station, org.stationA.id, 'responsible', {
      name: '周所长',
      phone: '13955502222',
      title: '所长',
    });
    expect(saved).toMatchObject({ name: '周所长', phoneMasked: '139****2222' });
    const rows = await ds.getRepository(UnitContact).findBy({ orgUnitId: org.stationA.id });
    expect(rows.map((r) => [r.kind, unitPii.decrypt(r.phoneEnc), r.phoneHash])).toEqual([
      ['responsible', '13955502222', unitPii.hash('phone', '13955502222')],
    ]);
    const last = await ds
      .getRepository(AuditLog)
      .find({ where: { action: 'org.contact.update' }, order: { id: 'DESC' } });
    expect([last[0].before, last[0].after]).toEqual([
      { name: '李所长', title: '所长', phone: '139****1111' },
      { kind: 'responsible', name: '周所长', title: '所长', phone: '139****2222' },
    ]);
  });

  it('only the unit or above records, only branches and stations', async () => {
    const body = { name: '王', phone: '13955503333', title: '民警' };
    expect(await code(sut.save(staffActor('station_officer', org.stationA), org.branchA.id, 'liaison', body))).toBe(
      'NOT_FOUND',
    );
    expect(await code(sut.save(staffActor('branch_officer', org.branchB), org.stationA.id, 'liaison', body))).toBe(
      'NOT_FOUND',
    );
    expect(await code(sut.save(staffActor('city_officer', org.city), org.communityA.id, 'liaison', body))).toBe(
      'UNIT_CONTACTS_LEVEL',
    );
    expect(await code(sut.save(staffActor('sysadmin', org.city), org.branchA.id, 'liaison', body))).toBe('ok');
  });

  it('lists the branches and stations of the viewer’s subtree with both contacts or none', async () => {
    const ids = async (actor: ReturnType<typeof staffActor>) =>
      (await sut.list(actor, PAGE)).items.map((i) => i.orgUnit.id);
    expect(await ids(staffActor('branch_officer', org.branchA))).toEqual([org.branchA.id, org.stationA.id]);
    expect(await ids(staffActor('station_officer', org.stationA))).toEqual([org.stationA.id]);
    expect(await ids(staffActor('city_officer', org.city))).toHaveLength(4);
    const [branch, station] = (await sut.list(staffActor('branch_officer', org.branchA), PAGE)).items;
    expect([branch.responsible, branch.liaison?.name, station.responsible?.name, station.liaison]).toEqual([
      null,
      '王',
      '周所长',
      null,
    ]);
  });

  it('reveals in scope only, each reveal audited', async () => {
    expect(await code(sut.reveal(staffActor('branch_officer', org.branchB), org.stationA.id, 'responsible'))).toBe(
      'NOT_FOUND',
    );
    expect(await code(sut.reveal(staffActor('city_officer', org.city), org.stationA.id, 'liaison'))).toBe('NOT_FOUND');
    const before = await ds.getRepository(AuditLog).countBy({ action: 'pii.reveal' });
    const res = await sut.reveal(staffActor('branch_officer', org.branchA, 5), org.stationA.id, 'responsible');
    expect(res).toEqual({ field: 'phone', value: '13955502222' });
    const entries = await ds.getRepository(AuditLog).findBy({ action: 'pii.reveal' });
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({ actorId: 5, targetType: 'org_unit_contact' });
  });
});
