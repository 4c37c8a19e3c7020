import type { Role, StaffRole } from '@jianghuai/shared';

/** The signed-in person a request acts for, loaded fresh from the database on every request. */
export interface Actor {
  userId: number;
  displayName: string;
  openid: string | null;
  staffRoles: StaffRole[];
  roles: Role[];
  orgUnitId: number | null;
  /** Materialised path of the actor's org unit (`/1/4/`), the root of what they may see. */
  orgPath: string | null;
  isStaff: boolean;
  ip: string | null;
}
