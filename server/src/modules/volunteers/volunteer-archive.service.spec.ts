import type { DataSource } from 'typeorm';
import { AuditLog } from '../../../test/unit/rows.js';
import { Volunteer } from './volunteer.entity.js';
import type { VolunteerArchiveService } from './volunteer-archive.service.js';
import type { CriminalCheckDto, UpdateVolunteerDto } from './volunteers.dto.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import { createUser, createVolunteer, orgTree, unitPii, type UnitTree } from '../../../test/unit/factories.js';
import { codeOf, unitArchive } from '../../../test/unit/factories-volunteers.js';

describe('VolunteerArchiveService', () => {
  let ds: DataSource;
  let org: UnitTree;
  /** 23:30 on 30 November in Shanghai, and half an hour later (1 December). */
  let late: VolunteerArchiveService, nextDay: VolunteerArchiveService;
  const at = clockAt('2026-11-30T15:30:00Z').now();

  const member = async (over: Partial<Volunteer> = {}) =>
    createVolunteer(ds, at, await createUser(ds, at), org.stationA, {
      phoneEnc: unitPii.encrypt('13955556666'),
      phoneHash: unitPii.hash('phone', '13955556666'),
      ...over,
    });
  const audits = (id: number) => ds.getRepository(AuditLog).findBy({ targetType: 'volunteer', targetId: String(id) });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, at);
    late = unitArchive(ds, clockAt('2026-11-30T15:30:00Z'));
    nextDay = unitArchive(ds, clockAt('2026-11-30T16:00:00Z'));
  });
  afterAll(() => ds.destroy());

  it("the record is seen from the managing station's tree only; others and non-members get not found", async () => {
    const v = await member();
    expect((await late.get(staffActor('branch_officer', org.branchA), v.id)).phoneMasked).toBe('139****6666');
    expect(await codeOf(late.get(staffActor('branch_officer', org.branchB), v.id))).toBe('NOT_FOUND');
    expect(await codeOf(late.update(staffActor('station_officer', org.stationB), v.id, {}))).toBe('NOT_FOUND');
    expect(await codeOf(late.myCard({ ...staffActor('station_officer', org.stationA), userId: 424242 }))).toBe(
      'NOT_FOUND',
    );
  });

  it('a status change needs a reason, is stamped and audited with before and after', async () => {
    const v = await member();
    const officer = staffActor('station_officer', org.stationA, 3);
    const suspend = { status: 'suspended' } as UpdateVolunteerDto;
    expect(await codeOf(late.update(officer, v.id, suspend))).toBe('STATUS_REASON_REQUIRED');
    expect(await codeOf(late.update(officer, v.id, { ...suspend, statusReason: '  ' }))).toBe('STATUS_REASON_REQUIRED');
    const res = await late.update(officer, v.id, { ...suspend, statusReason: ' 违反纪律 ' });
    expect([res.status, res.statusReason]).toEqual(['suspended', '违反纪律']);
    const [entry] = await audits(v.id);
    expect([entry.action, entry.before?.status, entry.after?.status]).toEqual([
      'volunteer.update',
      'active',
      'suspended',
    ]);
    // the same status again is no change: no reason needed, nothing written
    await late.update(officer, v.id, { status: 'suspended' } as UpdateVolunteerDto);
    expect(await audits(v.id)).toHaveLength(1);
  });

  it('revealing a phone returns it in full and audits who saw which field, never the number', async () => {
    const v = await member();
    const res = await late.reveal(staffActor('city_officer', org.city, 8), v.id, 'phone');
    expect(res.value).toBe('13955556666');
    const [entry] = await audits(v.id);
    expect([entry.action, entry.actorId, entry.after]).toEqual(['pii.reveal', 8, { field: 'phone' }]);
    expect(JSON.stringify(entry)).not.toContain('13955556666');
    expect(await codeOf(late.reveal(staffActor('city_officer', org.city), v.id, 'contactPhone', 0))).toBe('NOT_FOUND');
  });

  it('an exemption may end today in Shanghai: 30 November is accepted at 23:30 there, refused half an hour later', async () => {
    const v = await member();
    const officer = staffActor('station_officer', org.stationA);
    const ex = await late.addExemption(officer, v.id, { reason: '住院治疗', endsOn: '2026-11-30' });
    expect(ex.endsOn).toBe('2026-11-30');
    expect(await codeOf(nextDay.addExemption(officer, v.id, { reason: '住院治疗', endsOn: '2026-11-30' }))).toBe(
      'EXEMPTION_END_INVALID',
    );
    expect(await codeOf(nextDay.addExemption(officer, v.id, { reason: '住院治疗', endsOn: '2026-12-01' }))).toBe('ok');
  });

  it('a failed yearly re-check suspends an active member; a check dated in the future is refused', async () => {
    const v = await member();
    const officer = staffActor('station_officer', org.stationA);
    const check = (over: Partial<CriminalCheckDto>) =>
      ({ result: 'clear', checkedBy: '刘警官', checkedAt: '2026-11-30T15:00:00Z', ...over }) as CriminalCheckDto;
    expect(await codeOf(late.recordRecheck(officer, v.id, check({ checkedAt: '2026-11-30T16:00:00Z' })))).toBe(
      'CRIMINAL_CHECK_DATE_INVALID',
    );
    const clear = await late.recordRecheck(officer, v.id, check({}));
    // checked at 23:00 on 30 November in Shanghai: due again a year later by the Shanghai date
    expect([clear.status, clear.criminalCheckDueOn]).toEqual(['active', '2027-11-30']);
    const failed = await late.recordRecheck(officer, v.id, check({ result: 'record' }));
    expect([failed.status, failed.statusReason]).toEqual(['suspended', '年度政审复核未通过']);
  });
});
