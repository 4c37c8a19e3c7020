import type { OrgUnitSummary } from '@jianghuai/shared';
import type { OrgUnit } from './org-unit.entity.js';

/** An org unit as other modules see it (they read the org_units table only through this module). */
export type OrgUnitRecord = OrgUnit;

/** SQL for the materialised path of the unit whose id is the SQL expression `unitId` (null for none). */
export function orgPathSql(unitId: string): string {
  return `(SELECT o.path FROM org_units o WHERE o.id = ${unitId})`;
}

/** SQL selecting the ids of the units whose path starts with the named parameter `:prefixParam` (a subtree). */
export function unitIdsUnderSql(alias: string, prefixParam: string): string {
  return `SELECT ${alias}.id FROM org_units ${alias} WHERE ${alias}.path LIKE :${prefixParam}`;
}

export function toOrgSummary(u: OrgUnit): OrgUnitSummary {
  return { id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parentId };
}
