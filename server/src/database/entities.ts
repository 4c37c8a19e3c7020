import { OrgUnit } from '../modules/org/org-unit.entity.js';
import { User } from '../modules/users/user.entity.js';
import { RefreshToken } from '../modules/auth/refresh-token.entity.js';
import { AuditLog } from '../modules/audit/audit-log.entity.js';
import { Volunteer } from '../modules/volunteers/volunteer.entity.js';
import { Notification } from '../modules/notifications/notification.entity.js';
import { SubscribeConsent } from '../modules/notifications/subscribe-consent.entity.js';

/** Every entity, listed once: the app, the migration generator and the tests share this list. */
export const ENTITIES = [
  OrgUnit,
  User,
  RefreshToken,
  AuditLog,
  Volunteer,
  Notification,
  SubscribeConsent,
  // applications, companies, roster (SPEC §2)
  // activities, sign-ups, attendance, points, insurance (SPEC §3, §6)
];
