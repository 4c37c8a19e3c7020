import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { enrolmentConfig, type EnrolmentConfig } from '../../src/config/enrolment.config.js';
import { CompanyQueries } from '../../src/modules/companies/company-queries.js';
import { StationAssignmentService } from '../../src/modules/volunteers/station-assignment.service.js';
import { VolunteerArchiveService } from '../../src/modules/volunteers/volunteer-archive.service.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { FakeWechat, unitAudit, unitNotifications, unitOrg, unitPii } from './factories.js';

/** The enrolment rules with their defaults, `env` overriding (as the environment would). */
export function unitEnrolment(env: Record<string, string> = {}): EnrolmentConfig {
  return readArea(enrolmentConfig.read, env);
}

/** The real station-assignment service on the unit database. */
export function unitAssignments(ds: DataSource, clock: Clock): StationAssignmentService {
  return new StationAssignmentService(
    ds,
    unitAudit(ds, clock),
    clock,
    unitOrg(ds),
    new CompanyQueries(ds),
    unitNotifications(ds, clock, new FakeWechat()),
    new UserQueries(ds),
  );
}

/** The real volunteer archive on the unit database, with its real collaborators. */
export function unitArchive(ds: DataSource, clock: Clock, env: Record<string, string> = {}): VolunteerArchiveService {
  return new VolunteerArchiveService(
    ds,
    unitEnrolment(env),
    unitPii,
    unitAudit(ds, clock),
    unitAssignments(ds, clock),
    clock,
    unitOrg(ds),
    new CompanyQueries(ds),
  );
}

/** The error code a call fails with, or 'ok'. */
export function codeOf(p: Promise<unknown>): Promise<string> {
  return p.then(
    () => 'ok',
    (e: { code: string }) => e.code,
  );
}
