import type { StaffRole } from '@jianghuai/shared';

/**
 * Who may do what — the one table a reviewer reads top to bottom. Data scope (own org unit and
 * below) applies on top of this in every query; a permission never widens it.
 */
export const PERMISSIONS = {
  'staff.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'staff.manage': ['sysadmin', 'city_officer', 'branch_officer'],
  'audit.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'pii.reveal': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'org.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer', 'community_officer', 'mall_operator', 'company_manager'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
