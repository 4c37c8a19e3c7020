import type { MeResponse, Role } from '@jianghuai/shared';
import { maskPhone } from '@jianghuai/shared';
import type { PiiCipher } from '../../common/pii/pii-cipher.js';
import { toOrgSummary } from '../org/org.mapper.js';
import type { LoadedPerson } from './actor-loader.service.js';
import { personName } from '../users/person-name.js';

export function toMeResponse({ user, volunteer, station }: LoadedPerson, pii: PiiCipher): MeResponse {
  const roles: Role[] = [...user.roles];
  if (volunteer?.status === 'active') roles.push('volunteer');
  return {
    id: user.id,
    displayName: personName(user, volunteer),
    roles,
    isStaff: user.roles.length > 0,
    orgUnit: user.orgUnit ? toOrgSummary(user.orgUnit) : null,
    phoneMasked: maskPhone(pii.decrypt(user.phoneEnc)),
    wechatBound: !!user.openid,
    volunteer: volunteer
      ? {
          memberNo: volunteer.memberNo,
          status: volunteer.status,
          stationId: volunteer.stationId,
          stationName: station?.name ?? null,
        }
      : null,
  };
}
