import { describe, expect, it } from 'vitest';
import {
  EMPTY_STAFF_FORM,
  canManageStaff,
  contactProblem,
  newStaffProblem,
  rolesAtLevel,
  toggleRole,
} from '../../src/logic/staff-admin';

describe('staff administration logic', () => {
  it('only sysadmins, city and branch officers manage accounts', () => {
    expect(['sysadmin', 'city_officer', 'branch_officer'].map((r) => canManageStaff([r]))).toEqual([true, true, true]);
    expect(canManageStaff(['station_officer', 'volunteer'])).toBe(false);
  });

  it('offers the roles that fit the unit’s level, sysadmin only to a sysadmin', () => {
    expect(rolesAtLevel('station', false).map((o) => o.role)).toEqual(['station_officer', 'company_manager']);
    expect(rolesAtLevel('city', false).map((o) => o.role)).toEqual(['city_officer', 'mall_operator']);
    expect(rolesAtLevel('city', true).map((o) => o.role)).toContain('sysadmin');
    expect(rolesAtLevel(null, true)).toEqual([]);
    expect(toggleRole(['station_officer'], 'company_manager')).toEqual(['station_officer', 'company_manager']);
    expect(toggleRole(['station_officer'], 'station_officer')).toEqual([]);
  });

  it('names the first problem of a new account, in order of the form', () => {
    const ok = {
      ...EMPTY_STAFF_FORM,
      orgUnitId: 3,
      roles: ['station_officer' as const],
      displayName: '王警官',
      phone: '13900000001',
      username: 'pinghu_wang',
      password: 'Passw0rd',
    };
    expect(newStaffProblem(ok)).toBeNull();
    expect(newStaffProblem(EMPTY_STAFF_FORM)).toBe('请选择所属单位');
    expect(newStaffProblem({ ...ok, roles: [] })).toBe('请选择至少一个角色');
    expect(newStaffProblem({ ...ok, phone: '1390000' })).toContain('手机号');
    expect(newStaffProblem({ ...ok, username: 'a b' })).toContain('账号');
    expect(newStaffProblem({ ...ok, password: 'password' })).toContain('字母和数字');
  });

  it('a contact needs a name, a title and a mobile number', () => {
    expect(contactProblem({ name: '李', title: '所长', phone: '13900000001' })).toBeNull();
    expect(contactProblem({ name: ' ', title: '所长', phone: '13900000001' })).toBe('请填写姓名');
    expect(contactProblem({ name: '李', title: '', phone: '13900000001' })).toBe('请填写职务');
    expect(contactProblem({ name: '李', title: '所长', phone: '0551123' })).toContain('手机号');
  });
});
