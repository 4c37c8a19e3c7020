// The unit tier's fixture layer: the entities a spec seeds or inspects in tables its module does not own.
// A module's own code never imports another module's entity (lint); its unit specs reach those rows only through here,
// as the e2e tier's support files do, so the seam is one file instead of an import in every spec.

export { Application } from '../../src/modules/applications/application.entity.js';
export { AuditLog } from '../../src/modules/audit/audit-log.entity.js';
export { Company } from '../../src/modules/companies/company.entity.js';
export { DutyExemption } from '../../src/modules/volunteers/duty-exemption.entity.js';
export { Notification } from '../../src/modules/notifications/notification.entity.js';
export { OrgUnit } from '../../src/modules/org/org-unit.entity.js';
export { RefreshToken } from '../../src/modules/auth/refresh-token.entity.js';
export { PointsLedgerEntry } from '../../src/modules/points/entities/points-ledger-entry.entity.js';
export { StoredFile } from '../../src/modules/files/stored-file.entity.js';
export { ServiceSite } from '../../src/modules/companies/service-site.entity.js';
export { UnitContact } from '../../src/modules/org/unit-contact.entity.js';
export { User } from '../../src/modules/users/user.entity.js';
export { Volunteer } from '../../src/modules/volunteers/volunteer.entity.js';
export { ActivitySignup } from '../../src/modules/activities/entities/activity-signup.entity.js';
export { SmsMessage } from '../../src/modules/sms/sms-message.entity.js';
export { WartimeState } from '../../src/modules/wartime/wartime-state.entity.js';
