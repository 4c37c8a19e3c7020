import type { StaffRole } from './roles.js';

/**
 * Who may do what — the one table a reviewer reads top to bottom. The server enforces it on every
 * route; the mini-program derives each staff home's tiles from it. Data scope (own org unit and
 * below) applies on top of this in every query; a permission never widens it.
 */
export const PERMISSIONS = {
  'staff.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'staff.manage': ['sysadmin', 'city_officer', 'branch_officer'],
  'audit.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'contacts.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'contacts.manage': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'pii.reveal': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'org.read': [
    'sysadmin',
    'city_officer',
    'branch_officer',
    'station_officer',
    'community_officer',
    'mall_operator',
    'company_manager',
  ],
  // ── companies, roster, applications, volunteers, jobs (docs/product.md#people) ──
  'companies.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'companies.manage': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'roster.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'roster.import': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'applications.review': ['city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'applications.approve': ['city_officer', 'branch_officer'],
  'volunteers.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'volunteers.manage': ['city_officer', 'branch_officer', 'station_officer'],
  'transfers.accept': ['city_officer', 'branch_officer'],
  'talent.read': ['city_officer', 'branch_officer', 'station_officer'],
  'jobs.run': ['sysadmin'],
  'company.self': ['company_manager'],
  // ── activities, points ledger, insurance (docs/product.md#activities, #points, #insurance) ──
  'activity.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'activity.manage': ['city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'activity.attendance': ['city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'points.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  'points.reverse': ['city_officer', 'branch_officer', 'station_officer'],
  'points.adjust': ['city_officer', 'branch_officer', 'station_officer'],
  'insurance.manage': ['city_officer', 'branch_officer', 'station_officer'],
  // ── teams (docs/product.md#teams) ──
  'teams.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'teams.manage': ['city_officer', 'branch_officer', 'station_officer'],
  // ── tips (docs/product.md#tips): police information, never the system administrator ──
  'tips.handle': ['city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  // ── early warnings and situation bulletins (docs/alerts.md): community officers for their community ──
  'alerts.send': ['city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  // ── disputes (docs/disputes.md): the station's case file; major-event reports reach the station's chain ──
  'disputes.handle': ['city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'incidents.handle': ['city_officer', 'branch_officer', 'station_officer'],
  // ── company supervision and data honesty (docs/supervision.md) ──
  'inspections.manage': ['city_officer', 'branch_officer', 'station_officer'],
  'honesty.review': ['city_officer', 'branch_officer'],
  // ── points mall (docs/mall.md): operators run products and orders; station officers hand items over ──
  'mall.manage': ['mall_operator'],
  // the operator also marks items ready and hands them over; a station officer only for its own pickup station
  'mall.verify': ['station_officer', 'mall_operator'],
  // ── dashboard (docs/dashboard.md): the bureau's view of its units' figures ──
  'dashboard.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  // ── targets, stage reports, ranking (docs/reports.md): the city sets and compiles, branches and stations write ──
  'targets.manage': ['city_officer'],
  'reports.manage': ['city_officer'],
  'reports.write': ['branch_officer', 'station_officer'],
  // ── call-ups and war-time (docs/callups.md): officers dispatch; branches and the city declare war-time ──
  'callups.send': ['city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'callups.read': ['sysadmin', 'city_officer', 'branch_officer', 'station_officer', 'community_officer'],
  'wartime.declare': ['city_officer', 'branch_officer'],
  'callups.draw': ['city_officer', 'branch_officer'],
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  const allowed: readonly string[] = PERMISSIONS[permission];
  return roles.some((r) => allowed.includes(r));
}
