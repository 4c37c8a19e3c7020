import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { callupFanoutConfig } from '../../src/config/callup-fanout.config.js';
import { smsConfig } from '../../src/config/sms.config.js';
import { ActivityQueries } from '../../src/modules/activities/activity-queries.js';
import { CallupDrawsService } from '../../src/modules/callups/callup-draws.service.js';
import { CallupFanout } from '../../src/modules/callups/callup-fanout.service.js';
import { CallupPlansService } from '../../src/modules/callups/callup-plans.service.js';
import { CallupTargeting } from '../../src/modules/callups/callup-targeting.js';
import { CallupViews } from '../../src/modules/callups/callup-views.js';
import { CallupsService } from '../../src/modules/callups/callups.service.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { WartimeQueries } from '../../src/modules/wartime/wartime-queries.js';
import { WartimeState } from '../../src/modules/wartime/wartime-state.entity.js';
import { unitTeams } from './factories-activities.js';
import { unitVolunteerReach } from './factories-alerts.js';
import { FakeSmsSender, unitSms } from './factories-sms.js';
import { FakeWechat, unitAudit, unitNotifications, unitOrg } from './factories.js';

/** The officers' side of call-ups on the real schema: targeting, sending, plans and draws, with the real fan-out. */
export function unitCallupsAdmin(ds: DataSource, clock: Clock) {
  const targeting = new CallupTargeting(
    unitOrg(ds),
    unitTeams(ds),
    unitVolunteerReach(ds, clock),
    new ActivityQueries(ds),
  );
  const wartime = new WartimeQueries(ds.getRepository(WartimeState));
  const views = new CallupViews(ds, wartime);
  const fanout = new CallupFanout(
    ds,
    unitNotifications(ds, clock, new FakeWechat()),
    unitSms(ds, clock, new FakeSmsSender()),
    unitVolunteerReach(ds, clock),
    clock,
    readArea(callupFanoutConfig.read, {}),
    readArea(smsConfig.read, { NODE_ENV: 'test' }),
  );
  const audit = unitAudit(ds, clock);
  const callups = new CallupsService(
    ds,
    clock,
    unitOrg(ds),
    audit,
    targeting,
    wartime,
    views,
    fanout,
    unitVolunteerReach(ds, clock),
    new UserQueries(ds),
  );
  const plans = new CallupPlansService(ds, clock, unitOrg(ds), audit, targeting, callups);
  const draws = new CallupDrawsService(
    ds,
    clock,
    unitOrg(ds),
    audit,
    targeting,
    views,
    callups,
    new VolunteerQueries(ds),
    unitVolunteerReach(ds, clock),
  );
  return { targeting, views, callups, plans, draws };
}
