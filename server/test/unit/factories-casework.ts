import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { incidentsConfig } from '../../src/config/incidents.config.js';
import { CompaniesService } from '../../src/modules/companies/companies.service.js';
import { CompanyQueries } from '../../src/modules/companies/company-queries.js';
import { CompanyReferences } from '../../src/modules/companies/company-references.js';
import { FilePurposes } from '../../src/modules/files/file-purposes.js';
import { LocalDiskStorage } from '../../src/modules/files/file-storage.js';
import { UploadQuota } from '../../src/modules/files/upload-quota.js';
import { UploadsService } from '../../src/modules/files/uploads.service.js';
import { IncidentReportsService } from '../../src/modules/casework/incident-reports.service.js';
import { DisputeMapper } from '../../src/modules/casework/dispute-mapper.js';
import { DisputeMediationService } from '../../src/modules/casework/dispute-mediation.service.js';
import { DisputesService } from '../../src/modules/casework/disputes.service.js';
import { IncidentMapper } from '../../src/modules/casework/incident-mapper.js';
import { IncidentOverdue } from '../../src/modules/casework/incident-overdue.js';
import { IncidentsAdminService } from '../../src/modules/casework/incidents-admin.service.js';
import { TipQueries } from '../../src/modules/tips/tip-queries.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { FakeWechat, unitAudit, unitNotifications, unitOrg, unitPii } from './factories.js';

/** The officers' side of disputes on the real schema. */
export function unitDisputes(ds: DataSource, clock: Clock): DisputesService {
  return new DisputesService(
    ds,
    clock,
    unitAudit(ds, clock),
    unitOrg(ds),
    new TipQueries(ds),
    unitPii,
    unitDisputeMapper(ds),
  );
}

export function unitDisputeMapper(ds: DataSource): DisputeMapper {
  return new DisputeMapper(ds, unitOrg(ds), new VolunteerQueries(ds), unitPii);
}

/** Mediator candidates, assignment (the message through the real notifications service) and the mediator's side. */
export function unitDisputeMediation(ds: DataSource, clock: Clock, wechat = new FakeWechat()): DisputeMediationService {
  return new DisputeMediationService(
    ds,
    clock,
    unitAudit(ds, clock),
    unitNotifications(ds, clock, wechat),
    unitOrg(ds),
    new VolunteerQueries(ds),
    unitDisputes(ds, clock),
    unitDisputeMapper(ds),
  );
}

export function unitIncidentMapper(ds: DataSource, clock: Clock): IncidentMapper {
  return new IncidentMapper(clock, unitOrg(ds), new CompanyQueries(ds));
}

export function unitIncidentsAdmin(ds: DataSource, clock: Clock): IncidentsAdminService {
  return new IncidentsAdminService(ds, clock, unitAudit(ds, clock), unitIncidentMapper(ds, clock));
}

/** The acknowledgement-limit job on one clock. */
export function unitIncidentOverdue(ds: DataSource, clock: Clock, wechat = new FakeWechat()): IncidentOverdue {
  return new IncidentOverdue(
    ds,
    clock,
    unitOrg(ds),
    new UserQueries(ds),
    new CompanyQueries(ds),
    unitNotifications(ds, clock, wechat),
  );
}

/** The company manager's side of reports; limits from `env`, attachments through the real uploads service. */
export function unitIncidentReports(
  ds: DataSource,
  clock: Clock,
  env: Record<string, string> = {},
  wechat = new FakeWechat(),
): IncidentReportsService {
  const storageCfg = { driver: 'local' as const, localDir: '/nonexistent', maxImageBytes: 1024, maxFilesPerDay: 1 };
  const uploads = new UploadsService(
    ds,
    clock,
    new LocalDiskStorage(storageCfg.localDir),
    new FilePurposes(),
    new UploadQuota(ds, clock, storageCfg),
    storageCfg,
  );
  const companies = new CompaniesService(
    ds,
    unitPii,
    unitAudit(ds, clock),
    clock,
    unitOrg(ds),
    new UserQueries(ds),
    new CompanyReferences(),
  );
  return new IncidentReportsService(
    ds,
    readArea(incidentsConfig.read, env),
    clock,
    companies,
    uploads,
    unitNotifications(ds, clock, wechat),
    unitOrg(ds),
    new UserQueries(ds),
    unitIncidentMapper(ds, clock),
  );
}
