import type { OrgUnitSummary } from '@jianghuai/shared';
import type { OrgUnit } from './org-unit.entity.js';

export function toOrgSummary(u: OrgUnit): OrgUnitSummary {
  return { id: u.id, code: u.code, name: u.name, level: u.level, parentId: u.parentId };
}
