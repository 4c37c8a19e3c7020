import { In, type DataSource } from 'typeorm';
import { OrgUnit } from '../org/org-unit.entity.js';
import { Company } from '../companies/company.entity.js';
import { ServiceSite } from '../companies/service-site.entity.js';
import type { RosterMatchService } from '../roster/roster-match.service.js';
import { Volunteer } from '../volunteers/volunteer.entity.js';
import type { Application } from './application.entity.js';
import { CriminalRecordCheck } from './criminal-record-check.entity.js';
import type { ApplicationLookups } from './applications.mapper.js';

const ids = (xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => !!x))];

/** Loads what the mapper names for a page of applications, one query per table. */
export async function loadLookups(
  ds: DataSource,
  apps: Application[],
  roster: RosterMatchService,
): Promise<ApplicationLookups> {
  const unitIds = ids(apps.flatMap((a) => [a.stationId, a.residenceCommunityId]));
  const [units, companies, sites, vols, checks, guards] = await Promise.all([
    unitIds.length ? ds.getRepository(OrgUnit).findBy({ id: In(unitIds) }) : [],
    ids(apps.map((a) => a.companyId)).length
      ? ds.getRepository(Company).findBy({ id: In(ids(apps.map((a) => a.companyId))) })
      : [],
    ids(apps.map((a) => a.siteId)).length
      ? ds.getRepository(ServiceSite).findBy({ id: In(ids(apps.map((a) => a.siteId))) })
      : [],
    ids(apps.map((a) => a.volunteerId)).length
      ? ds.getRepository(Volunteer).findBy({ id: In(ids(apps.map((a) => a.volunteerId))) })
      : [],
    ids(apps.map((a) => a.criminalCheckId)).length
      ? ds.getRepository(CriminalRecordCheck).findBy({ id: In(ids(apps.map((a) => a.criminalCheckId))) })
      : [],
    roster.byIds(ids(apps.map((a) => a.rosterGuardId))),
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
