import {
  ROLE_LABELS,
  ROLE_LEVELS,
  STAFF_ROLES,
  type OrgLevel,
  type StaffRole,
  type UnitContactRequest,
} from '@jianghuai/shared';

/** Roles that manage staff accounts (the server's `staff.manage`); the server enforces it, this hides the buttons. */
const MANAGER_ROLES: readonly string[] = ['sysadmin', 'city_officer', 'branch_officer'];

export function canManageStaff(roles: readonly string[]): boolean {
  return roles.some((r) => MANAGER_ROLES.includes(r));
}

/** The roles that may be held at a unit of this level; sysadmin is offered only to a sysadmin. */
export function rolesAtLevel(level: OrgLevel | null, actorIsSysadmin: boolean): { role: StaffRole; label: string }[] {
  if (!level) return [];
  return STAFF_ROLES.filter((r) => ROLE_LEVELS[r].includes(level) && (r !== 'sysadmin' || actorIsSysadmin)).map(
    (role) => ({ role, label: ROLE_LABELS[role] }),
  );
}

/** Adds or removes a role; roles that no longer fit the chosen level are dropped by the caller. */
export function toggleRole(roles: readonly StaffRole[], role: StaffRole): StaffRole[] {
  return roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role];
}

export interface NewStaffForm {
  username: string;
  displayName: string;
  phone: string;
  password: string;
  orgUnitId: number | null;
  roles: StaffRole[];
}

export const EMPTY_STAFF_FORM: NewStaffForm = {
  username: '',
  displayName: '',
  phone: '',
  password: '',
  orgUnitId: null,
  roles: [],
};

/** The first thing wrong with the form, in the words the officer reads, or null when it can be sent. */
export function newStaffProblem(f: NewStaffForm): string | null {
  if (f.orgUnitId === null) return '请选择所属单位';
  if (f.roles.length === 0) return '请选择至少一个角色';
  if (!f.displayName.trim()) return '请填写姓名';
  if (!/^1[3-9]\d{9}$/.test(f.phone.trim())) return '手机号应为 11 位数字，以 1 开头';
  if (!/^[A-Za-z0-9_]{4,32}$/.test(f.username.trim())) return '账号应为 4–32 位字母、数字或下划线';
  if (f.password.length < 8 || !/[A-Za-z]/.test(f.password) || !/\d/.test(f.password))
    return '初始密码至少 8 位，须同时包含字母和数字';
  return null;
}

/** The first thing wrong with a contact, or null. */
export function contactProblem(c: UnitContactRequest): string | null {
  if (!c.name.trim()) return '请填写姓名';
  if (!c.title.trim()) return '请填写职务';
  if (!/^1[3-9]\d{9}$/.test(c.phone.trim())) return '手机号应为 11 位数字，以 1 开头';
  return null;
}
