/** Staff roles of docs/product.md#roles-and-org-scope. A volunteer is not a staff role: it is a status of the person. */
export const STAFF_ROLES = [
  'community_officer',
  'station_officer',
  'branch_officer',
  'city_officer',
  'mall_operator',
  'company_manager',
  'sysadmin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Every role a signed-in person can hold; `volunteer` comes from an active volunteer record. */
export type Role = StaffRole | 'volunteer';

export const ROLE_LABELS: Record<Role, string> = {
  community_officer: '社区民警',
  station_officer: '派出所民警',
  branch_officer: '分局民警',
  city_officer: '市局民警',
  mall_operator: '积分商城运营',
  company_manager: '保安从业单位管理员',
  sysadmin: '系统管理员',
  volunteer: '义警',
};

export const ORG_LEVELS = ['city', 'branch', 'station', 'community'] as const;
export type OrgLevel = (typeof ORG_LEVELS)[number];

export const ORG_LEVEL_LABELS: Record<OrgLevel, string> = {
  city: '市局',
  branch: '分局',
  station: '派出所',
  community: '社区',
};

export function isStaffRole(role: string): role is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(role);
}

/** The org levels at which each staff role may be held (docs/product.md#roles-and-org-scope). */
export const ROLE_LEVELS: Record<StaffRole, readonly OrgLevel[]> = {
  community_officer: ['community'],
  station_officer: ['station'],
  branch_officer: ['branch'],
  city_officer: ['city'],
  mall_operator: ['city', 'branch'],
  company_manager: ['station'],
  sysadmin: ['city'],
};

/** Volunteer tiers (docs/product.md#volunteers-archive, seed): 核心成员 / 骨干力量 / 基础力量. */
export const VOLUNTEER_TIERS = ['core', 'backbone', 'basic'] as const;
export type VolunteerTier = (typeof VOLUNTEER_TIERS)[number];
export const VOLUNTEER_TIER_LABELS: Record<VolunteerTier, string> = {
  core: '核心成员',
  backbone: '骨干力量',
  basic: '基础力量',
};

/** Skill categories of docs/product.md#applications-and-review. */
export const SKILLS = ['急救', '消防', '调解', '安检', '驾驶', '外语', '心理疏导', '无人机', '应急', '救援'] as const;
export type Skill = (typeof SKILLS)[number];

export interface VolunteerSkill {
  name: Skill;
  certificateNo?: string | null;
  /** YYYY-MM-DD */
  expiresOn?: string | null;
}
