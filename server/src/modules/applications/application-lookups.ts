import type { OrgService } from '../org/org.service.js';
import type { CompanyQueries } from '../companies/company-queries.js';
import type { RosterMatchService } from '../roster/roster-match.service.js';
import type { VolunteerQueries } from '../volunteers/volunteer-queries.js';
import type { Application } from './application.entity.js';
import type { ApplicationLookups } from './applications.mapper.js';

const ids = (xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => !!x))];

/** The modules that own what an application refers to. */
export interface LookupSources {
  org: OrgService;
  companies: CompanyQueries;
  volunteers: VolunteerQueries;
  roster: RosterMatchService;
}

/** Loads what the mapper names for a page of applications, one query per table. */
export async function loadLookups(src: LookupSources, apps: Application[]): Promise<ApplicationLookups> {
  const unitIds = ids(apps.flatMap((a) => [a.stationId, a.residenceCommunityId]));
  const [units, companies, sites, vols, checks, guards] = await Promise.all([
    src.org.findByIds(unitIds),
    src.companies.findByIds(ids(apps.map((a) => a.companyId))),
    src.companies.findSitesByIds(ids(apps.map((a) => a.siteId))),
    src.volunteers.findByIds(ids(apps.map((a) => a.volunteerId))),
    src.volunteers.findCriminalChecks(ids(apps.map((a) => a.criminalCheckId))),
    src.roster.byIds(ids(apps.map((a) => a.rosterGuardId))),
  ]);
  return {
    units: new Map(units.map((u) => [u.id, u])),
    companies: new Map(companies.map((c) => [c.id, { id: c.id, name: c.name }])),
    sites: new Map(sites.map((s) => [s.id, { id: s.id, name: s.name }])),
    memberNos: new Map(vols.map((v) => [v.id, v.memberNo])),
    checks: new Map(checks.map((c) => [c.id, c])),
    certificateNos: new Map([...guards.values()].map((g) => [g.guardId, g.certificateNo])),
  };
}
