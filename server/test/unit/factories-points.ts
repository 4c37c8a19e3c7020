import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { pointsConfig } from '../../src/config/points.config.js';
import { PointsExpiry } from '../../src/modules/points/points-expiry.js';
import { PointsLedgerService } from '../../src/modules/points/points-ledger.service.js';
import { PointsLots } from '../../src/modules/points/points-lots.js';
import { FakeWechat, unitNotifications } from './factories.js';

/** The real points ledger with its lot book on one clock, POINTS_EXPIRY from `env` (default none). */
export function unitPointsLedger(ds: DataSource, clock: Clock, env: Record<string, string> = {}): PointsLedgerService {
  const notifications = unitNotifications(ds, clock, new FakeWechat());
  return new PointsLedgerService(ds, clock, notifications, new PointsLots(), readArea(pointsConfig.read, env));
}

/** The expiry jobs over the real ledger. */
export function unitPointsExpiry(ds: DataSource, clock: Clock, env: Record<string, string> = {}): PointsExpiry {
  const notifications = unitNotifications(ds, clock, new FakeWechat());
  return new PointsExpiry(ds, clock, unitPointsLedger(ds, clock, env), notifications);
}
