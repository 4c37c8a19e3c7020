import type { DataSource } from 'typeorm';
import { idCardCheckChar } from '@jianghuai/shared';
import type { Actor } from '../../common/auth/actor.js';
import type { Clock } from '../../common/clock/clock.js';
import { CompanyQueries } from '../companies/company-queries.js';
import { ServiceSite } from '../../../test/unit/rows.js';
import { RosterMatchService } from '../roster/roster-match.service.js';
import { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import { Application } from './application.entity.js';
import { ApplicationDraftRow } from './application-draft.entity.js';
import { ApplicationGateService } from './application-gate.service.js';
import { currentAgreement } from './agreement.js';
import type { SubmitApplicationDto } from './applications.dto.js';
import { ApplicationsService } from './applications.service.js';
import { clockAt, unitDataSource } from '../../../test/unit/unit-db.js';
import { staffActor } from '../../../test/unit/actors.js';
import {
  createUser,
  FakeWechat,
  orgTree,
  unitAudit,
  unitOrg,
  unitPii,
  type UnitTree,
} from '../../../test/unit/factories.js';
import { createCompany, createGuard } from '../../../test/unit/factories-roster.js';
import { codeOf, unitAssignments, unitEnrolment } from '../../../test/unit/factories-volunteers.js';

/** A valid ID number (fictitious area 340504) of someone born on `birth` (YYYYMMDD), numbered `n`. */
const idNumber = (birth: string, n: number) => {
  const first17 = `340504${birth}${String(n).padStart(3, '0')}`;
  return first17 + idCardCheckChar(first17);
};

describe('ApplicationsService', () => {
  let ds: DataSource;
  let org: UnitTree;
  const wechat = new FakeWechat();
  const at = clockAt('2026-11-30T15:30:00Z').now();
  let n = 0;

  const service = (clock: Clock) =>
    new ApplicationsService(
      ds,
      unitEnrolment(),
      unitPii,
      wechat.asClient(),
      unitAssignments(ds, clock),
      clock,
      new ApplicationGateService(
        ds,
        unitEnrolment(),
        unitPii,
        unitAudit(ds, clock),
        clock,
        unitOrg(ds),
        new VolunteerQueries(ds),
      ),
      new RosterMatchService(ds),
      unitOrg(ds),
      new CompanyQueries(ds),
      new VolunteerQueries(ds),
    );
  const late = () => service(clockAt('2026-11-30T15:30:00Z'));
  const applicant = async (): Promise<Actor> => ({
    ...staffActor('station_officer', org.stationA),
    userId: (await createUser(ds, at)).id,
    staffRoles: [],
    roles: [],
    isStaff: false,
  });
  const form = (over: Partial<SubmitApplicationDto> = {}): SubmitApplicationDto => {
    n++;
    wechat.phones.set(`code-${n}`, `1390000${String(n).padStart(4, '0')}`);
    return {
      name: '吴 刚',
      idNumber: idNumber('19900307', n),
      phoneCode: `code-${n}`,
      occupation: 'courier',
      residenceCommunityId: org.communityA.id,
      skills: [],
      declarations: { noCriminalRecord: true, physicallyFit: true },
      agreementVersion: currentAgreement().version,
      agreementSigned: true,
      ...over,
    } as SubmitApplicationDto;
  };
  const row = (userId: number) => ds.getRepository(Application).findOneByOrFail({ userId });

  beforeAll(async () => {
    ds = await unitDataSource();
    org = await orgTree(ds, at);
  });
  afterAll(() => ds.destroy());

  it('the age is taken on the Shanghai date: 18 on 1 December is too young at 23:30 on 30 November there, old enough at midnight', async () => {
    const me = await applicant();
    const born = idNumber('20081201', 900);
    expect(await codeOf(late().submit(me, form({ idNumber: born })))).toBe('APPLICANT_TOO_YOUNG');
    const res = await service(clockAt('2026-11-30T16:00:00Z')).submit(me, form({ idNumber: born }));
    expect(res.status).toBe('pending_review');
  });

  it('a submission uses the verified phone, is reviewed by the community the applicant lives in, and clears the draft', async () => {
    const me = await applicant();
    const sut = late();
    await sut.saveDraft(me, { name: '吴刚', phoneCode: 'never-kept' });
    expect(await codeOf(sut.submit(me, form({ phoneCode: undefined })))).toBe('PHONE_VERIFICATION_REQUIRED');
    const dto = form();
    await sut.submit(me, dto);
    const app = await row(me.userId);
    expect([app.name, app.status, app.openKey, app.green]).toEqual(['吴刚', 'pending_review', app.idHash, false]);
    expect(unitPii.decrypt(app.phoneEnc)).toBe(wechat.phones.get(dto.phoneCode!));
    expect([app.stationId, app.assignmentRule, app.reviewOrgUnitId]).toEqual([
      org.stationA.id,
      'residence',
      org.communityA.id,
    ]);
    expect(await ds.getRepository(ApplicationDraftRow).countBy({ userId: me.userId })).toBe(0);
    expect(await codeOf(sut.submit(me, form()))).toBe('APPLICATION_ALREADY_PENDING');
  });

  it('a draft is kept sealed and never keeps the one-time phone code', async () => {
    const me = await applicant();
    const saved = await late().saveDraft(me, { name: '吴刚', phoneCode: 'abc', occupation: 'rider' });
    expect(saved.draft).toEqual({ name: '吴刚', occupation: 'rider' });
    const stored = await ds.getRepository(ApplicationDraftRow).findOneByOrFail({ userId: me.userId });
    expect(stored.dataEnc).not.toContain('吴刚');
    expect((await late().getDraft(me)).draft).toEqual({ name: '吴刚', occupation: 'rider' });
    await late().deleteDraft(me);
    expect(await late().getDraft(me)).toEqual({ draft: null, updatedAt: null });
  });

  it("a certified guard on the roster under the exact name goes green; a guard's site must belong to the company", async () => {
    const company = await createCompany(ds, at, org.stationA);
    const site = await ds.getRepository(ServiceSite).save({
      companyId: company.id,
      name: '万达广场',
      address: '湖东路1号',
      lat: null,
      lng: null,
      stationId: org.stationB.id,
      createdAt: at,
    });
    const other = await createCompany(ds, at, org.stationA);
    const guard = form({ occupation: 'security_guard', companyId: company.id, siteId: site.id });
    await createGuard(ds, at, company, guard.idNumber, { name: '吴刚' });
    const me = await applicant();
    expect(await codeOf(late().submit(me, { ...guard, companyId: other.id }))).toBe('SITE_NOT_OF_COMPANY');
    expect(await codeOf(late().submit(me, { ...guard, siteId: null }))).toBe('COMPANY_REQUIRED_FOR_GUARD');
    await late().submit(me, guard);
    const app = await row(me.userId);
    // the site's station manages and reviews, not the station of the community the guard lives in
    expect([app.green, app.stationId, app.assignmentRule, app.reviewOrgUnitId]).toEqual([
      true,
      org.stationB.id,
      'site',
      org.stationB.id,
    ]);
  });

  it('only a rejected application is resubmitted: same record, first step again, the verified phone kept', async () => {
    const me = await applicant();
    const sut = late();
    const first = form();
    await sut.submit(me, first);
    expect(await codeOf(sut.resubmit(me, { ...first, phoneCode: undefined }))).toBe('APPLICATION_NOT_EDITABLE');
    const app = await row(me.userId);
    await ds.getRepository(Application).update(app.id, { status: 'rejected', openKey: null, rejectReason: '照片模糊' });
    const res = await sut.resubmit(me, { ...first, phoneCode: undefined, occupation: 'rider' });
    const again = await row(me.userId);
    expect([res.id, again.status, again.resubmissions, again.rejectReason, again.occupation]).toEqual([
      app.id,
      'pending_review',
      1,
      null,
      'rider',
    ]);
    expect(again.phoneEnc && unitPii.decrypt(again.phoneEnc)).toBe(wechat.phones.get(first.phoneCode!));
  });
});
