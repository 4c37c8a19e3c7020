import type { Page } from './api.js';

/**
 * Early warnings (预警) and situation bulletins (治安状况通报, docs/product.md#tips, docs/alerts.md): officers push a
 * warning to the volunteers of a station, a community, a team or a radius around a point; they publish a bulletin
 * with safety advice to the volunteers and company managers of an area. Recipients are fixed when it is sent.
 */
export const ALERT_ROUTES = {
  adminTargets: '/admin/alerts/targets',
  adminRecipientCount: '/admin/alerts/recipient-count',
  adminAlerts: '/admin/alerts',
  adminAlert: '/admin/alerts/:id',
  myAlerts: '/me/alerts',
  myAlert: '/me/alerts/:id',
  myAlertRead: '/me/alerts/:id/read',
  adminBulletins: '/admin/bulletins',
  adminBulletin: '/admin/bulletins/:id',
  myBulletins: '/me/bulletins',
  myBulletin: '/me/bulletins/:id',
} as const;

export const ALERT_LEVELS = ['normal', 'urgent'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];
export const ALERT_LEVEL_LABELS: Record<AlertLevel, string> = { normal: '一般', urgent: '紧急' };

export const ALERT_TARGET_KINDS = ['station', 'community', 'team', 'radius'] as const;
export type AlertTargetKind = (typeof ALERT_TARGET_KINDS)[number];
export const ALERT_TARGET_LABELS: Record<AlertTargetKind, string> = {
  station: '派出所',
  community: '社区',
  team: '队伍',
  radius: '地点周边',
};

/** The radius of a point target, in metres. */
export const ALERT_RADIUS_MIN_M = 100;
export const ALERT_RADIUS_MAX_M = 5000;
export const ALERT_TEXT_MAX = 500;
export const ALERT_TITLE_MAX = 40;
export const BULLETIN_TEXT_MAX = 2000;
export const BULLETIN_MAX_IMAGES = 6;
/** The upload purpose of a bulletin's pictures (POST /api/files with purpose=bulletin_image). */
export const BULLETIN_IMAGE_PURPOSE = 'bulletin_image';
/** The SMS ref of a warning's texts: `early_warning:<id>`. */
export const alertSmsRef = (alertId: number): string => `early_warning:${alertId}`;

/** Who a warning goes to: `id` for a station, community or team; `lat`/`lng`/`radiusM` for a radius. */
export interface AlertTarget {
  kind: AlertTargetKind;
  id?: number;
  lat?: number;
  lng?: number;
  radiusM?: number;
}

export interface SendAlertRequest {
  /** made once per warning on the phone: sending it again (a retry after a lost answer) returns the same warning */
  clientRequestId?: string;
  title: string;
  text: string;
  level: AlertLevel;
  target: AlertTarget;
}

export interface RecipientCountResponse {
  count: number;
  /** how many of them have a phone number (the texts an urgent warning would send) */
  withPhone: number;
}

export interface AlertCounts {
  recipients: number;
  read: number;
  pushed: number;
  smsSent: number;
  smsPending: number;
  smsFailed: number;
}

export interface AdminAlertResponse {
  id: number;
  title: string;
  text: string;
  level: AlertLevel;
  targetKind: AlertTargetKind;
  targetName: string;
  radiusM: number | null;
  lat: number | null;
  lng: number | null;
  senderName: string;
  senderUnitName: string;
  createdAt: string;
  counts: AlertCounts;
}
export type AdminAlertPage = Page<AdminAlertResponse>;

export interface MyAlertResponse {
  id: number;
  title: string;
  text: string;
  level: AlertLevel;
  senderUnitName: string;
  createdAt: string;
  read: boolean;
}
export type MyAlertPage = Page<MyAlertResponse> & { unreadUrgent: number };

/** Where the form may aim: the units of the sender's scope and the teams of its stations. */
export interface AlertTargetsResponse {
  stations: { id: number; name: string }[];
  communities: { id: number; name: string; stationName: string }[];
  teams: { id: number; name: string; stationName: string }[];
  /** the units a bulletin may be published to (stations, branches, the city) */
  areas: { id: number; name: string; level: string }[];
}

export interface PublishBulletinRequest {
  title: string;
  text: string;
  advice: string;
  areaId: number;
  imageIds?: string[];
}

export interface BulletinUnitCount {
  kind: 'station' | 'company';
  unitId: number;
  name: string;
  recipients: number;
  read: number;
}

export interface AdminBulletinResponse {
  id: number;
  title: string;
  text: string;
  advice: string;
  areaName: string;
  senderName: string;
  imageIds: string[];
  createdAt: string;
  recipients: number;
  read: number;
  units: BulletinUnitCount[];
}
export type AdminBulletinPage = Page<Omit<AdminBulletinResponse, 'units'>>;

export interface MyBulletinResponse {
  id: number;
  title: string;
  text: string;
  advice: string;
  areaName: string;
  imageIds: string[];
  createdAt: string;
  read: boolean;
}
export type MyBulletinPage = Page<MyBulletinResponse>;
