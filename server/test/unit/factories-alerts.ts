import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { ActivityQueries } from '../../src/modules/activities/activity-queries.js';
import { AlertAudience } from '../../src/modules/alerts/alert-audience.js';
import { AlertsService } from '../../src/modules/alerts/alerts.service.js';
import { BulletinsService } from '../../src/modules/alerts/bulletins.service.js';
import { MyAlertsService } from '../../src/modules/alerts/my-alerts.service.js';
import { CompanyQueries } from '../../src/modules/companies/company-queries.js';
import { FilePurposes } from '../../src/modules/files/file-purposes.js';
import { LocalDiskStorage } from '../../src/modules/files/file-storage.js';
import { UploadQuota } from '../../src/modules/files/upload-quota.js';
import { UploadsService } from '../../src/modules/files/uploads.service.js';
import { TeamQueries } from '../../src/modules/teams/team-queries.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { VolunteerReach } from '../../src/modules/volunteers/volunteer-reach.js';
import { FakeWechat, unitAudit, unitNotifications, unitOrg, unitPii } from './factories.js';
import { FakeSmsSender, unitSms } from './factories-sms.js';

export function unitVolunteerReach(ds: DataSource, clock: Clock): VolunteerReach {
  return new VolunteerReach(ds, unitPii, new UserQueries(ds), clock);
}

export function unitAlertAudience(ds: DataSource, clock: Clock): AlertAudience {
  return new AlertAudience(
    unitOrg(ds),
    new TeamQueries(ds, new VolunteerQueries(ds)),
    unitVolunteerReach(ds, clock),
    new ActivityQueries(ds),
  );
}

/** The officers' side of warnings on the real schema, with a fake WeChat and a fake SMS provider. */
export function unitAlerts(
  ds: DataSource,
  clock: Clock,
  wechat = new FakeWechat(),
  sms = new FakeSmsSender(),
): AlertsService {
  return new AlertsService(
    ds,
    clock,
    unitAlertAudience(ds, clock),
    unitOrg(ds),
    new TeamQueries(ds, new VolunteerQueries(ds)),
    unitVolunteerReach(ds, clock),
    unitNotifications(ds, clock, wechat),
    unitSms(ds, clock, sms),
    unitAudit(ds, clock),
  );
}

export function unitMyAlerts(ds: DataSource, clock: Clock): MyAlertsService {
  return new MyAlertsService(ds, clock, unitNotifications(ds, clock, new FakeWechat()));
}

export function unitBulletins(ds: DataSource, clock: Clock): BulletinsService {
  const storageCfg = { driver: 'local' as const, localDir: '/nonexistent', maxImageBytes: 1024, maxFilesPerDay: 1 };
  const uploads = new UploadsService(
    ds,
    clock,
    new LocalDiskStorage(storageCfg.localDir),
    new FilePurposes(),
    new UploadQuota(ds, clock, storageCfg),
    storageCfg,
  );
  return new BulletinsService(
    ds,
    clock,
    unitOrg(ds),
    unitAlertAudience(ds, clock),
    new CompanyQueries(ds),
    uploads,
    unitNotifications(ds, clock, new FakeWechat()),
    unitAudit(ds, clock),
  );
}
