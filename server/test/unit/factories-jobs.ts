import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { enrolmentConfig } from '../../src/config/enrolment.config.js';
import { jobsConfig } from '../../src/config/jobs.config.js';
import type { ActivityJobsService } from '../../src/modules/activities/activity-jobs.service.js';
import { JobLeaseService } from '../../src/modules/jobs/job-lease.service.js';
import { JobsService } from '../../src/modules/jobs/jobs.service.js';
import { UserQueries } from '../../src/modules/users/user-queries.js';
import { VolunteerDutyQueries } from '../../src/modules/volunteers/volunteer-duty-queries.js';
import { ApplicationQueries } from '../../src/modules/applications/application-queries.js';
import { FakeWechat, unitAudit, unitNotifications, unitOrg } from './factories.js';
import { unitSms } from './factories-sms.js';
import { unitTipEscalation } from './factories-tips.js';
import { unitIncidentOverdue } from './factories-casework.js';
import { unitMallOrders } from './factories-mall.js';
import { unitMallPayments } from './factories-mall-payments.js';
import { unitPointsExpiry } from './factories-points.js';
import { unitHonestyScan } from './factories-supervision.js';
import { unitStatsRefresh } from './factories-stats.js';

/** The activity jobs belong to the activities module: the jobs specs only see whether they are handed over. */
export class FakeActivityJobs {
  readonly calls: string[] = [];

  async runAll() {
    this.calls.push('runAll');
    return { started: 1, finished: 0, autoCheckedOut: 0, underfilledWarned: 0, promoted: 0 };
  }

  async remindStartingSoon() {
    this.calls.push('remindStartingSoon');
    return 2;
  }
}

/**
 * The real jobs service with its collaborators on one clock (leases, audit, notifications pushing to a
 * WeChat stand-in), the enrolment and schedule settings `env` names, and the activity jobs faked.
 */
export function unitJobs(
  ds: DataSource,
  clock: Clock,
  activityJobs: FakeActivityJobs,
  env: Record<string, string> = {},
): JobsService {
  const enrolment = readArea(enrolmentConfig.read, env);
  return new JobsService(
    ds,
    enrolment,
    new JobLeaseService(ds, enrolment, clock),
    unitNotifications(ds, clock, new FakeWechat()),
    unitAudit(ds, clock),
    clock,
    activityJobs as unknown as ActivityJobsService,
    readArea(jobsConfig.read, { NODE_ENV: 'test', ...env }),
    new VolunteerDutyQueries(ds),
    new UserQueries(ds),
    new ApplicationQueries(ds, unitOrg(ds)),
    unitSms(ds, clock),
    unitTipEscalation(ds, clock, env),
    unitIncidentOverdue(ds, clock),
    unitMallOrders(ds, clock),
    unitMallPayments(ds, clock).reconcile,
    unitMallPayments(ds, clock).refunds,
    unitMallPayments(ds, clock).tradeBill,
    unitPointsExpiry(ds, clock),
    unitHonestyScan(ds, clock),
    unitStatsRefresh(ds, clock),
  );
}
