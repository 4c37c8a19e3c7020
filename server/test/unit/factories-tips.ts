import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { tipsConfig } from '../../src/config/tips.config.js';
import { TipEscalation } from '../../src/modules/tips/tip-escalation.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { FakeWechat, unitNotifications, unitOrg } from './factories.js';

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
