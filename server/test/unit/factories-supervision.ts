import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { CompaniesService } from '../../src/modules/companies/companies.service.js';
import { CompanyQueries } from '../../src/modules/companies/company-queries.js';
import { CompanyReferences } from '../../src/modules/companies/company-references.js';
import { FilePurposes } from '../../src/modules/files/file-purposes.js';
import { LocalDiskStorage } from '../../src/modules/files/file-storage.js';
import { UploadQuota } from '../../src/modules/files/upload-quota.js';
import { UploadsService } from '../../src/modules/files/uploads.service.js';
import { InspectionMapper } from '../../src/modules/inspections/inspection-mapper.js';
import { InspectionsCompanyService } from '../../src/modules/inspections/inspections-company.service.js';
import { InspectionsService } from '../../src/modules/inspections/inspections.service.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { CheckinReviewQueries } from '../../src/modules/activities/checkin-review-queries.js';
import { ApplicationQueries } from '../../src/modules/applications/application-queries.js';
import { HonestyFlagsService } from '../../src/modules/honesty/honesty-flags.service.js';
import { HonestyScan } from '../../src/modules/honesty/honesty-scan.js';
import { RosterMatchService } from '../../src/modules/roster/roster-match.service.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { unitAudit, unitOrg, unitPii } from './factories.js';

function unitUploads(ds: DataSource, clock: Clock): UploadsService {
  const storageCfg = { driver: 'local' as const, localDir: '/nonexistent', maxImageBytes: 1024, maxFilesPerDay: 1 };
  return new UploadsService(
    ds,
    clock,
    new LocalDiskStorage(storageCfg.localDir),
    new FilePurposes(),
    new UploadQuota(ds, clock, storageCfg),
    storageCfg,
  );
}

export function unitInspectionMapper(ds: DataSource, clock: Clock): InspectionMapper {
  return new InspectionMapper(clock, unitOrg(ds), new CompanyQueries(ds));
}

/** The officers' side of inspections on the real schema. */
export function unitInspections(ds: DataSource, clock: Clock): InspectionsService {
  return new InspectionsService(
    ds,
    clock,
    unitAudit(ds, clock),
    new CompanyQueries(ds),
    unitOrg(ds),
    unitUploads(ds, clock),
    unitInspectionMapper(ds, clock),
  );
}

/** The company manager's side of inspections. */
export function unitInspectionsCompany(ds: DataSource, clock: Clock): InspectionsCompanyService {
  const companies = new CompaniesService(
    ds,
    unitPii,
    unitAudit(ds, clock),
    clock,
    unitOrg(ds),
    new UserQueries(ds),
    new CompanyReferences(),
  );
  return new InspectionsCompanyService(ds, clock, unitAudit(ds, clock), companies, unitInspectionMapper(ds, clock));
}

/** The data-honesty scan on the real schema. */
export function unitHonestyScan(ds: DataSource, clock: Clock): HonestyScan {
  return new HonestyScan(
    ds,
    clock,
    new CheckinReviewQueries(ds),
    new ApplicationQueries(ds, unitOrg(ds)),
    new RosterMatchService(ds),
    new VolunteerQueries(ds),
  );
}

/** The branch's review of honesty flags. */
export function unitHonestyFlags(ds: DataSource, clock: Clock): HonestyFlagsService {
  return new HonestyFlagsService(ds, clock, unitAudit(ds, clock), unitOrg(ds));
}
