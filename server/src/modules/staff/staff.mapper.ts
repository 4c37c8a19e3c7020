import { maskPhone, type StaffResponse } from '@jianghuai/shared';
import type { PiiCipher } from '../../common/pii/pii-cipher.js';
import type { UserRecord } from '../users/user-queries.js';
import { toOrgSummary } from '../org/org.mapper.js';

export function toStaffResponse(u: UserRecord, pii: PiiCipher): StaffResponse {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    roles: u.roles,
    orgUnit: toOrgSummary(u.orgUnit!),
    phoneMasked: maskPhone(pii.decrypt(u.phoneEnc)),
    wechatBound: !!u.openid,
    status: u.status,
    createdAt: u.createdAt.toISOString(),
  };
}
