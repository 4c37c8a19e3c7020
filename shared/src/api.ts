import type { OrgLevel, Role, StaffRole } from './roles.js';

/**
 * Route paths, relative to the `/api` prefix. Both sides import these; the method of each one is in
 * `ROUTE_METHODS` (route-contract.ts), and `:name` segments are filled with `apiPath()`.
 */
export const API_PREFIX = '/api';
export const ROUTES = {
  health: '/health',
  wechatLogin: '/auth/wechat/login',
  wechatBindStaff: '/auth/wechat/bind-staff',
  staffLogin: '/auth/staff/login',
  refresh: '/auth/refresh',
  logout: '/auth/logout',
  me: '/me',
  /** Subscribe-message consents (POST, template keys). */
  subscriptions: '/me/subscriptions',
  /** Public: what the mini-program reads at launch (ClientConfigResponse). */
  clientConfig: '/client-config',
  orgUnitTree: '/org-units/tree',
  /** The in-app message list (a page plus the unread count) and marking one message read. */
  messages: '/me/messages',
  messageRead: '/me/messages/:id/read',
  adminStaff: '/admin/staff',
  adminAuditLogs: '/admin/audit-logs',
  sandboxDemoAccounts: '/sandbox/demo-accounts',
} as const;

export interface OrgUnitSummary {
  id: number;
  code: string;
  name: string;
  level: OrgLevel;
  parentId: number | null;
}

export interface OrgUnitNode extends OrgUnitSummary {
  children: OrgUnitNode[];
}

export interface MeResponse {
  id: number;
  displayName: string;
  /** Staff roles, plus `volunteer` when the person is an active volunteer. */
  roles: Role[];
  isStaff: boolean;
  orgUnit: OrgUnitSummary | null;
  phoneMasked: string | null;
  wechatBound: boolean;
  volunteer: {
    memberNo: string;
    status: 'active' | 'suspended' | 'revoked';
    stationId: number | null;
    stationName: string | null;
  } | null;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface LoginResponse extends TokenPair {
  user: MeResponse;
}

export interface WechatLoginRequest {
  code: string;
}
export interface WechatBindStaffRequest {
  phoneCode: string;
}
export interface StaffLoginRequest {
  username: string;
  password: string;
}
export interface RefreshRequest {
  refreshToken: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface StaffResponse {
  id: number;
  username: string | null;
  displayName: string;
  roles: StaffRole[];
  orgUnit: OrgUnitSummary;
  phoneMasked: string | null;
  wechatBound: boolean;
  status: 'active' | 'disabled';
  createdAt: string;
}

export interface CreateStaffRequest {
  username: string;
  displayName: string;
  password: string;
  phone: string;
  orgUnitId: number;
  roles: StaffRole[];
}

export interface AuditLogResponse {
  id: number;
  actorId: number | null;
  actorName: string;
  actorRoles: string[];
  orgUnitId: number | null;
  action: string;
  targetType: string;
  targetId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  requestId: string | null;
  createdAt: string;
}

export interface HealthResponse {
  status: 'ok' | 'degraded';
  db: { status: 'up' | 'down'; type: string; latencyMs: number | null };
  version: string;
  time: string;
}

export interface DemoAccount {
  kind: 'volunteer' | 'staff' | 'visitor';
  /** Sandbox login code (`sandbox-<name>`) for WeChat identities. */
  code: string | null;
  username: string | null;
  password: string | null;
  displayName: string;
  roleLabel: string;
  orgName: string | null;
}

export interface NotificationResponse {
  id: number;
  template: string;
  title: string;
  body: string;
  page: string | null;
  read: boolean;
  /** Whether it also reached the person as a WeChat subscribe message. */
  pushed: boolean;
  createdAt: string;
}
