import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { FilePurposes } from '../../src/modules/files/file-purposes.js';
import { LocalDiskStorage } from '../../src/modules/files/file-storage.js';
import { UploadQuota } from '../../src/modules/files/upload-quota.js';
import { UploadsService } from '../../src/modules/files/uploads.service.js';
import { MallOrdersService } from '../../src/modules/mall/mall-orders.service.js';
import { MallProductsService } from '../../src/modules/mall/mall-products.service.js';
import { MallStock } from '../../src/modules/mall/mall-stock.js';
import { PointsLedgerService } from '../../src/modules/points/points-ledger.service.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { FakeWechat, unitAudit, unitNotifications, unitOrg } from './factories.js';
import { unitMallPayments, type FakeWechatPay } from './factories-mall-payments.js';

/** The real points ledger on one clock (credits write their message through the real notifications service). */
export function unitLedger(ds: DataSource, clock: Clock): PointsLedgerService {
  return new PointsLedgerService(ds, clock, unitNotifications(ds, clock, new FakeWechat()));
}

/** Mall orders on the real schema, debiting through the real points ledger (WeChat Pay faked). */
export function unitMallOrders(ds: DataSource, clock: Clock, pay?: FakeWechatPay): MallOrdersService {
  const { payments } = unitMallPayments(ds, clock, pay);
  return new MallOrdersService(ds, clock, new MallStock(unitLedger(ds, clock)), new VolunteerQueries(ds), payments);
}

/** The mall's products with the real uploads service (pictures are attached, never read, in unit specs). */
export function unitMallProducts(ds: DataSource, clock: Clock): MallProductsService {
  const storageCfg = { driver: 'local' as const, localDir: '/nonexistent', maxImageBytes: 1024, maxFilesPerDay: 1 };
  const uploads = new UploadsService(
    ds,
    clock,
    new LocalDiskStorage(storageCfg.localDir),
    new FilePurposes(),
    new UploadQuota(ds, clock, storageCfg),
    storageCfg,
  );
  return new MallProductsService(ds, clock, unitOrg(ds), uploads, unitAudit(ds, clock), unitLedger(ds, clock));
}
