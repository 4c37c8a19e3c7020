import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { tipsConfig } from '../../src/config/tips.config.js';
import { FilePurposes } from '../../src/modules/files/file-purposes.js';
import { LocalDiskStorage } from '../../src/modules/files/file-storage.js';
import { UploadQuota } from '../../src/modules/files/upload-quota.js';
import { UploadsService } from '../../src/modules/files/uploads.service.js';
import { PointsLedgerService } from '../../src/modules/points/points-ledger.service.js';
import { TipEscalation } from '../../src/modules/tips/tip-escalation.js';
import { TipGradingService } from '../../src/modules/tips/tip-grading.service.js';
import { TipMapper } from '../../src/modules/tips/tip-mapper.js';
import { TipsAdminService } from '../../src/modules/tips/tips-admin.service.js';
import { TipsService } from '../../src/modules/tips/tips.service.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { FakeWechat, unitAudit, unitNotifications, unitOrg, unitPii } from './factories.js';

/** The real tip escalation on one clock, with TIP_URGENT_SLA_MINUTES from `env`. */
export function unitTipEscalation(
  ds: DataSource,
  clock: Clock,
  env: Record<string, string> = {},
  wechat = new FakeWechat(),
): TipEscalation {
  return new TipEscalation(
    ds,
    readArea(tipsConfig.read, env),
    clock,
    unitOrg(ds),
    new UserQueries(ds),
    unitNotifications(ds, clock, wechat),
  );
}

/** The volunteer's side of tips on the real schema; photo attachment through the real uploads service. */
export function unitTips(ds: DataSource, clock: Clock): TipsService {
  const storageCfg = { driver: 'local' as const, localDir: '/nonexistent', maxImageBytes: 1024, maxFilesPerDay: 1 };
  const uploads = new UploadsService(
    ds,
    clock,
    new LocalDiskStorage(storageCfg.localDir),
    new FilePurposes(),
    new UploadQuota(ds, clock, storageCfg),
    storageCfg,
  );
  return new TipsService(ds, clock, unitOrg(ds), new VolunteerQueries(ds), uploads, unitTipMapper(ds));
}

export function unitTipMapper(ds: DataSource): TipMapper {
  return new TipMapper(ds, unitOrg(ds), new VolunteerQueries(ds), new UserQueries(ds));
}

/** The police side of tips; messages to the submitter go through the real notifications service. */
export function unitTipsAdmin(ds: DataSource, clock: Clock, wechat = new FakeWechat()): TipsAdminService {
  return new TipsAdminService(
    ds,
    clock,
    unitAudit(ds, clock),
    unitNotifications(ds, clock, wechat),
    unitOrg(ds),
    new UserQueries(ds),
    new VolunteerQueries(ds),
    unitPii,
    unitTipMapper(ds),
  );
}

/** Grading closed tips: the real points ledger and notifications on the unit schema, TIP_GRADES etc. from `env`. */
export function unitTipGrading(
  ds: DataSource,
  clock: Clock,
  env: Record<string, string> = {},
  wechat = new FakeWechat(),
): TipGradingService {
  const notifications = unitNotifications(ds, clock, wechat);
  return new TipGradingService(
    ds,
    readArea(tipsConfig.read, env),
    clock,
    unitAudit(ds, clock),
    notifications,
    new PointsLedgerService(ds, clock, notifications),
  );
}
