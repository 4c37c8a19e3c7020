import type { StaffRole } from '@jianghuai/shared';
import type { Actor } from '../../src/common/auth/actor.js';

/** A staff actor at an org unit, as the guard would load it (unit specs pass it straight to services). */
export function staffActor(role: StaffRole, unit: { id: number; path: string }, userId = 1): Actor {
  return {
    userId,
    displayName: `测试${role}`,
    openid: null,
    staffRoles: [role],
    roles: [role],
    orgUnitId: unit.id,
    orgPath: unit.path,
    isStaff: true,
    ip: '127.0.0.1',
  };
}
