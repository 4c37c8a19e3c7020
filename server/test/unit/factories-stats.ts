import type { DataSource } from 'typeorm';
import type { Clock } from '../../src/common/clock/clock.js';
import { readArea } from '../../src/config/config-area.js';
import { activitiesConfig } from '../../src/config/activities.config.js';
import { enrolmentConfig } from '../../src/config/enrolment.config.js';
import { CallupSpeedQueries } from '../../src/modules/callups/callup-speed.queries.js';
import { ActivityQueries } from '../../src/modules/activities/activity-queries.js';
import { ApplicationQueries } from '../../src/modules/applications/application-queries.js';
import { CompanyQueries } from '../../src/modules/companies/company-queries.js';
import { PointsLiabilityQuery } from '../../src/modules/points/points-liability.query.js';
import { RosterQueries } from '../../src/modules/roster/roster-queries.js';
import { DashboardFigures, StatsReader } from '../../src/modules/stats/dashboard-figures.js';
import { StatsCompute } from '../../src/modules/stats/stats-compute.js';
import { StatsRefresh } from '../../src/modules/stats/stats-refresh.js';
import { TeamActivityCounts } from '../../src/modules/teams/team-activity-counts.js';
import { TeamQueries } from '../../src/modules/teams/team-queries.js';
import { TipQueries } from '../../src/modules/tips/tip-queries.js';
import { VolunteerQueries } from '../../src/modules/volunteers/volunteer-queries.js';
import { unitOrg } from './factories.js';

/** The dashboard's summary job and figures, built from the real query classes on the unit database. */
export function unitStatsCompute(ds: DataSource, clock: Clock, env: Record<string, string> = {}): StatsCompute {
  const volunteers = new VolunteerQueries(ds);
  return new StatsCompute(
    clock,
    readArea(enrolmentConfig.read, env),
    volunteers,
    new RosterQueries(ds),
    new CompanyQueries(ds),
    new ActivityQueries(ds),
    new TipQueries(ds),
    new TeamQueries(ds, volunteers),
    new TeamActivityCounts(),
    new ApplicationQueries(ds, unitOrg(ds)),
    new PointsLiabilityQuery(ds, clock),
  );
}

export function unitStatsRefresh(ds: DataSource, clock: Clock): StatsRefresh {
  return new StatsRefresh(ds, unitStatsCompute(ds, clock), clock);
}

export function unitDashboardFigures(ds: DataSource, clock: Clock): DashboardFigures {
  return new DashboardFigures(
    new StatsReader(ds, unitOrg(ds)),
    clock,
    readArea(activitiesConfig.read, {}),
    new CallupSpeedQueries(ds, unitOrg(ds)),
  );
}
