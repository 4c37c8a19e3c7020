import {
  ALERT_ROUTES,
  apiPath,
  type AdminAlertPage,
  type AdminAlertResponse,
  type AdminBulletinPage,
  type AdminBulletinResponse,
  type AlertTarget,
  type AlertTargetsResponse,
  type MyAlertPage,
  type MyAlertResponse,
  type MyBulletinPage,
  type MyBulletinResponse,
  type PublishBulletinRequest,
  type RecipientCountResponse,
  type SendAlertRequest,
} from '@jianghuai/shared';
import { get, post } from './http';

/** Early warnings and situation bulletins (docs/alerts.md). Pages show errors inline, so calls pass `toast: false`. */

export function myAlerts(page: number, pageSize: number): Promise<MyAlertPage> {
  return get<MyAlertPage>(ALERT_ROUTES.myAlerts, { page, pageSize }, { toast: false });
}

/** Opening a warning marks it read on the server. */
export function myAlert(id: number): Promise<MyAlertResponse> {
  return get<MyAlertResponse>(apiPath(ALERT_ROUTES.myAlert, { id }), undefined, { toast: false });
}

export function markAlertRead(id: number): Promise<void> {
  return post<void>(apiPath(ALERT_ROUTES.myAlertRead, { id }), undefined, { toast: false });
}

export function myBulletins(page: number, pageSize: number): Promise<MyBulletinPage> {
  return get<MyBulletinPage>(ALERT_ROUTES.myBulletins, { page, pageSize }, { toast: false });
}

export function myBulletin(id: number): Promise<MyBulletinResponse> {
  return get<MyBulletinResponse>(apiPath(ALERT_ROUTES.myBulletin, { id }), undefined, { toast: false });
}

// ── staff ──

export function alertTargets(): Promise<AlertTargetsResponse> {
  return get<AlertTargetsResponse>(ALERT_ROUTES.adminTargets, undefined, { toast: false });
}

export function recipientCount(target: AlertTarget): Promise<RecipientCountResponse> {
  return post<RecipientCountResponse>(ALERT_ROUTES.adminRecipientCount, { target }, { toast: false });
}

export function sendAlert(body: SendAlertRequest): Promise<AdminAlertResponse> {
  return post<AdminAlertResponse>(ALERT_ROUTES.adminAlerts, body, { toast: false });
}

export function adminAlerts(page: number, pageSize: number): Promise<AdminAlertPage> {
  return get<AdminAlertPage>(ALERT_ROUTES.adminAlerts, { page, pageSize }, { toast: false });
}

export function adminAlert(id: number): Promise<AdminAlertResponse> {
  return get<AdminAlertResponse>(apiPath(ALERT_ROUTES.adminAlert, { id }), undefined, { toast: false });
}

export function publishBulletin(body: PublishBulletinRequest): Promise<AdminBulletinResponse> {
  return post<AdminBulletinResponse>(ALERT_ROUTES.adminBulletins, body, { toast: false });
}

export function adminBulletins(page: number, pageSize: number): Promise<AdminBulletinPage> {
  return get<AdminBulletinPage>(ALERT_ROUTES.adminBulletins, { page, pageSize }, { toast: false });
}

export function adminBulletin(id: number): Promise<AdminBulletinResponse> {
  return get<AdminBulletinResponse>(apiPath(ALERT_ROUTES.adminBulletin, { id }), undefined, { toast: false });
}
