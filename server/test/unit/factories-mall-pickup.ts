import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { MallOrdersExport } from '../../src/modules/mall/mall-export.js';
import { MallOrderNames } from '../../src/modules/mall/mall-orders-admin.names.js';
import { MallOrdersAdminService } from '../../src/modules/mall/mall-orders-admin.service.js';
import { MallPickupMisses } from '../../src/modules/mall/mall-pickup-misses.js';
import { MallPickupService } from '../../src/modules/mall/mall-pickup.service.js';
import { MallStatsService } from '../../src/modules/mall/mall-stats.service.js';
import { PointsLiabilityQuery } from '../../src/modules/points/points-liability.query.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { FakeWechat, unitAudit, unitNotifications, unitOrg } from './factories.js';

/** The staff side of mall orders on one clock, every collaborator real (WeChat faked). */
export function unitMallOps(ds: DataSource, clock: Clock, wechat = new FakeWechat()) {
  const names = new MallOrderNames(new VolunteerQueries(ds), new UserQueries(ds), unitOrg(ds));
  const orders = new MallOrdersAdminService(ds, clock, names);
  const audit = unitAudit(ds, clock);
  return {
    orders,
    pickup: new MallPickupService(
      ds,
      clock,
      orders,
      names,
      audit,
      unitNotifications(ds, clock, wechat),
      new MallPickupMisses(clock),
    ),
    exporter: new MallOrdersExport(ds, clock, orders, names, audit),
    stats: new MallStatsService(ds, clock, unitOrg(ds), new PointsLiabilityQuery(ds, clock)),
  };
}
