import { ROLE_LABELS, VOLUNTEER_STATUS_LABELS, isStaffRole, type MeResponse, type StaffRole } from '@jianghuai/shared';
import { PAGES, pageUrl } from './routes';
import { INBOX_TILE } from './inbox';

export type TileTarget = { kind: 'page'; url: string } | { kind: 'soon' };

export interface HomeTile {
  key: string;
  label: string;
  /** One short line under the label, in plain words. */
  hint: string;
  target: TileTarget;
}

export interface MemberCard {
  name: string;
  memberNo: string;
  stationName: string;
  statusLabel: string;
}

export type HomeView =
  | { kind: 'volunteer'; card: MemberCard; tiles: HomeTile[] }
  /** A volunteer record that is suspended or revoked: the card, an explanation, no tiles. */
  | { kind: 'inactive-volunteer'; card: MemberCard; notice: string }
  | { kind: 'visitor'; name: string; tiles: HomeTile[] }
  | { kind: 'staff'; name: string; roleLabels: string[]; orgName: string; tiles: HomeTile[]; inbox: HomeTile };

const soon = (key: string, label: string, hint: string): HomeTile => ({ key, label, hint, target: { kind: 'soon' } });
const page = (key: string, label: string, hint: string, url: string): HomeTile => ({
  key,
  label,
  hint,
  target: { kind: 'page', url },
});

export const VOLUNTEER_TILES: readonly HomeTile[] = [
  page('activities', '活动报名', '查看并报名义警活动', PAGES.activityList),
  page('checkin', '签到打卡', '到达现场后签到、签退', PAGES.checkin),
  soon('tips', '线索上报', '发现情况，随手上报'),
  page('points', '我的积分', '查看积分和明细', PAGES.points),
  soon('mall', '积分商城', '用积分兑换物品'),
];

export const APPLY_TILE: HomeTile = page('apply', '申请加入江淮义警', '保安员、快递员等均可申请', PAGES.apply);

const STAFF_LIST = page('staff', '人员管理', '查看本单位及下级的工作人员', PAGES.adminStaff);
const AUDIT_LOG = page('audit', '操作日志', '查看谁在什么时间做了什么', PAGES.adminAuditLogs);

/**
 * Roles that may read the staff list and the audit log of their org subtree. Mirrors the
 * server's `staff.read` / `audit.read` permissions (server/src/common/auth/permissions.ts);
 * the server enforces them, this only avoids offering a tile that would answer 403.
 */
const ADMIN_ROLES: ReadonlySet<StaffRole> = new Set(['station_officer', 'branch_officer', 'city_officer', 'sysadmin']);

/** The work of each role (docs/product.md#who-uses-it); tiles that are not built yet say so when tapped. */
const ROLE_TILES: Record<StaffRole, HomeTile[]> = {
  community_officer: [
    page('review', '入会初审', '审核本社区的申请人', pageUrl(PAGES.adminReviewQueue, { stage: 'review' })),
    soon('dispatch', '调度指令', '派发日常勤务'),
  ],
  station_officer: [
    page('review', '入会审核', '审核本所的申请人', pageUrl(PAGES.adminReviewQueue, { stage: 'review' })),
    page('volunteers', '义警档案', '查看、编辑本所义警', PAGES.adminVolunteers),
    page('companies', '单位与花名册', '保安单位、驻勤点、导入花名册', PAGES.adminCompanies),
    page('activity-admin', '活动管理', '发布活动、确认出勤', PAGES.adminActivities),
    page('teams', '队伍管理', '本所队伍、队长和队员', PAGES.adminTeams),
    soon('tip-triage', '线索研判', '处理义警上报的线索'),
    soon('dispatch', '调度指令', '派发勤务和紧急集结'),
  ],
  branch_officer: [
    page('approval', '准入审批', '终审申请人', pageUrl(PAGES.adminReviewQueue, { stage: 'approval' })),
    page('talent', '人才库', '按技能查找义警', PAGES.adminTalentPool),
    page('volunteers', '义警档案', '查看、编辑义警', PAGES.adminVolunteers),
    soon('reports', '统计报表', '分局数据汇总'),
  ],
  city_officer: [
    soon('targets', '目标考核', '全市目标与进度'),
    soon('ranking', '晒比通报', '各单位排名'),
    soon('reports', '统计报表', '全市数据汇总'),
  ],
  mall_operator: [
    soon('products', '商品管理', '上架商品、调整库存'),
    soon('orders', '订单核销', '核对并发放兑换物品'),
    soon('refunds', '退款处理', '处理退单'),
  ],
  company_manager: [
    page('guards', '本单位保安', '查看入会情况', PAGES.myCompany),
    page('propose', '提议活动', '向派出所提议一次义警活动', PAGES.proposalNew),
    soon('major-events', '重大事项报送', '向公安机关报送'),
  ],
  sysadmin: [
    page('jobs', '定时任务', '查看运行结果，需要时立即运行', PAGES.adminJobs),
    soon('settings', '系统配置', '参数与字典'),
  ],
};

/** The station's name when the server knows it; otherwise at least whether one is assigned. */
type VolunteerInfo = NonNullable<MeResponse['volunteer']>;

export function stationNameOf(volunteer: VolunteerInfo, orgName = ''): string {
  if (volunteer.stationName) return volunteer.stationName;
  if (orgName) return orgName;
  return volunteer.stationId === null ? '待分配派出所' : '已分配派出所';
}

export function staffTilesFor(roles: readonly string[]): HomeTile[] {
  const staffRoles = roles.filter(isStaffRole);
  const tiles: HomeTile[] = [];
  if (staffRoles.some((role) => ADMIN_ROLES.has(role))) tiles.push(STAFF_LIST, AUDIT_LOG);
  for (const role of staffRoles) tiles.push(...ROLE_TILES[role]);
  // A person with two roles sees a shared tile (e.g. 统计报表) once.
  return tiles.filter((tile, index) => tiles.findIndex((t) => t.key === tile.key) === index);
}

export function roleLabels(roles: readonly string[]): string[] {
  return roles.map((role) => (ROLE_LABELS as Record<string, string>)[role] ?? role);
}

/** What the home page shows for this person. Staff first: an officer who is also a volunteer works here. */
export function homeViewFor(me: MeResponse): HomeView {
  const orgName = me.orgUnit?.name ?? '';
  if (me.isStaff) {
    return {
      kind: 'staff',
      name: me.displayName,
      roleLabels: roleLabels(me.roles.filter(isStaffRole)),
      orgName: orgName || '未设置单位',
      tiles: staffTilesFor(me.roles),
      inbox: INBOX_TILE,
    };
  }
  if (me.volunteer) {
    const card: MemberCard = {
      name: me.displayName,
      memberNo: me.volunteer.memberNo,
      stationName: stationNameOf(me.volunteer, orgName),
      statusLabel: VOLUNTEER_STATUS_LABELS[me.volunteer.status],
    };
    if (me.volunteer.status === 'active') return { kind: 'volunteer', card, tiles: [...VOLUNTEER_TILES] };
    return {
      kind: 'inactive-volunteer',
      card,
      notice:
        me.volunteer.status === 'suspended'
          ? '您的义警资格已暂停，暂时不能报名活动。如有疑问，请联系所在派出所。'
          : '您的义警资格已注销。如需重新加入，请联系所在派出所。',
    };
  }
  return { kind: 'visitor', name: me.displayName, tiles: [APPLY_TILE] };
}

export function comingSoonMessage(label: string): string {
  return `“${label}”功能即将开放，敬请期待。`;
}
