import type { DataSource } from 'typeorm';
import { Application } from '../../src/modules/applications/application.entity.js';
import type { OrgUnit } from '../../src/modules/org/org-unit.entity.js';
import type { User } from '../../src/modules/users/user.entity.js';
import type { Clock } from '../../src/common/clock/clock.js';
import { ApplicationReviewService } from '../../src/modules/applications/application-review.service.js';
import { CompanyQueries } from '../../src/modules/companies/company-queries.js';
import { RosterMatchService } from '../../src/modules/roster/roster-match.service.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { MemberNumberService } from '../../src/modules/volunteers/member-number.service.js';
import { VolunteerEnrolmentService } from '../../src/modules/volunteers/volunteer-enrolment.service.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { type FakeWechat, unitAudit, unitNotifications, unitOrg, unitPii } from './factories.js';
import { unitIdNumber } from './factories-roster.js';
import { unitAssignments, unitEnrolment } from './factories-volunteers.js';

/**
 * An application of `user` for the person with ID number `unitIdNumber(n)`, reviewed at `station`
 * (pending review unless `over` says otherwise); the ID number and phone sealed with {@link unitPii}.
 */
export async function createApplication(
  ds: DataSource,
  at: Date,
  user: User,
  station: OrgUnit,
  n: number,
  over: Partial<Application> & { phone?: string } = {},
): Promise<Application> {
  const { phone = '13700000000', ...rest } = over;
  const idHash = unitPii.hash('id_number', unitIdNumber(n));
  const status = rest.status ?? 'pending_review';
  const repo = ds.getRepository(Application);
  return repo.save(
    repo.create({
      userId: user.id,
      status,
      green: false,
      rosterGuardId: null,
      name: '周强',
      idEnc: unitPii.encrypt(unitIdNumber(n)),
      idHash,
      openKey: status === 'pending_review' || status === 'pending_approval' ? idHash : null,
      birthDate: '1985-01-01',
      sex: 'male',
      phoneEnc: unitPii.encrypt(phone),
      phoneHash: unitPii.hash('phone', phone),
      occupation: 'security_guard',
      companyId: null,
      siteId: null,
      residenceCommunityId: null,
      lat: null,
      lng: null,
      stationId: station.id,
      assignmentRule: 'residence',
      reviewOrgUnitId: station.id,
      orgPath: station.path,
      skills: [],
      declarations: { noCriminalRecord: true, physicallyFit: true },
      agreementVersion: '2026-01',
      agreementSignedAt: at,
      criminalCheckId: null,
      steps: [],
      rejectReason: null,
      resubmissions: 0,
      submittedAt: at,
      decidedAt: null,
      volunteerId: null,
      createdAt: at,
      updatedAt: at,
      ...rest,
    }),
  );
}

/** The real review service on the unit database: enrolment, roster match and notifications (pushing to `wechat`) real. */
export function unitReview(ds: DataSource, clock: Clock, wechat: FakeWechat, env: Record<string, string> = {}) {
  const config = unitEnrolment(env);
  return new ApplicationReviewService(
    ds,
    config,
    unitPii,
    unitAudit(ds, clock),
    unitNotifications(ds, clock, wechat),
    new VolunteerEnrolmentService(new MemberNumberService(config, clock), unitAssignments(ds, clock), unitPii, clock),
    new RosterMatchService(ds),
    clock,
    new VolunteerQueries(ds),
    new UserQueries(ds),
    unitOrg(ds),
    new CompanyQueries(ds),
  );
}
