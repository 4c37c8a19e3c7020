import {
  ROLE_LABELS,
  VOLUNTEER_STATUS_LABELS,
  hasPermission,
  isStaffRole,
  type MeResponse,
  type Permission,
  type StaffRole,
} from '@jianghuai/shared';
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
  | {
      kind: 'staff';
      name: string;
      roleLabels: string[];
      orgName: string;
      tiles: HomeTile[];
      inbox: HomeTile;
      /** An honest sentence when none of this person's work is built yet. */
      notice?: string;
    };

const page = (key: string, label: string, hint: string, url: string): HomeTile => ({
  key,
  label,
  hint,
  target: { kind: 'page', url },
});

export const VOLUNTEER_TILES: readonly HomeTile[] = [
  page('callups', '调度指令', '民警派给您的任务，请及时回复', PAGES.myCallups),
  page('activities', '活动报名', '查看并报名义警活动', PAGES.activityList),
  page('checkin', '签到打卡', '到达现场后签到、签退', PAGES.checkin),
  page('tips', '线索上报', '发现情况，随手上报', PAGES.tipNew),
  page('points', '我的积分', '查看积分和明细', PAGES.points),
  page('mall', '积分商城', '用积分兑换物品', PAGES.mallHome),
  page('alerts', '预警通报', '派出所发来的预警和治安通报', PAGES.myAlerts),
];

export const APPLY_TILE: HomeTile = page('apply', '申请加入江淮义警', '保安员、快递员等均可申请', PAGES.apply);

/**
 * A built staff function and the permission that opens it (shared PERMISSIONS, which the server
 * enforces): a role sees the tile exactly when the server lets it do the work. `only` narrows a
 * function to some of the permission's roles where the page is about one level (a station's teams).
 */
interface StaffFunction {
  permission: Permission;
  tile: HomeTile;
  only?: readonly StaffRole[];
}

/** Every built staff function, in the order the home page lists them (docs/product.md#who-uses-it). */
export const STAFF_FUNCTIONS: readonly StaffFunction[] = [
  { permission: 'staff.read', tile: page('staff', '人员管理', '查看本单位及下级的工作人员', PAGES.adminStaff) },
  { permission: 'audit.read', tile: page('audit', '操作日志', '查看谁在什么时间做了什么', PAGES.adminAuditLogs) },
  {
    permission: 'staff.manage',
    tile: page('staff-admin', '新建账号', '为本单位及下级开通工作人员账号', PAGES.adminStaffNew),
  },
  {
    permission: 'contacts.manage',
    tile: page('unit-contacts', '单位联系人', '各分局、派出所的负责人和联络员', PAGES.adminUnitContacts),
    only: ['sysadmin', 'city_officer', 'branch_officer'],
  },
  {
    permission: 'applications.review',
    tile: page('review', '入会审核', '审核辖区内的申请人', pageUrl(PAGES.adminReviewQueue, { stage: 'review' })),
  },
  {
    permission: 'applications.approve',
    tile: page('approval', '准入审批', '终审申请人', pageUrl(PAGES.adminReviewQueue, { stage: 'approval' })),
  },
  { permission: 'volunteers.read', tile: page('volunteers', '义警档案', '查看、编辑辖区义警', PAGES.adminVolunteers) },
  { permission: 'talent.read', tile: page('talent', '人才库', '按技能查找义警', PAGES.adminTalentPool) },
  {
    permission: 'companies.read',
    tile: page('companies', '单位与花名册', '保安单位、驻勤点、导入花名册', PAGES.adminCompanies),
  },
  {
    permission: 'activity.manage',
    tile: page('activity-admin', '活动管理', '发布活动、审核提议', PAGES.adminActivities),
  },
  {
    permission: 'activity.attendance',
    tile: page(
      'attendance',
      '出勤确认',
      '活动结束后确认谁到了',
      pageUrl(PAGES.adminActivities, { status: 'finished' }),
    ),
  },
  { permission: 'points.read', tile: page('points-issued', '积分发放', '发放明细，必要时冲正', PAGES.adminPoints) },
  {
    permission: 'activity.read',
    tile: page('weekly-rule', '每周勤务', '各派出所本周巡逻防范活动', PAGES.adminWeeklyRule),
    // A community has no station below it to count.
    only: ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  },
  {
    permission: 'teams.manage',
    tile: page('teams', '队伍管理', '本所队伍、队长和队员', PAGES.adminTeams),
    only: ['station_officer'],
  },
  { permission: 'tips.handle', tile: page('tip-triage', '线索研判', '处理义警上报的线索', PAGES.adminTips) },
  {
    permission: 'disputes.handle',
    tile: page('disputes', '矛盾纠纷', '登记、调解、化解辖区纠纷', PAGES.adminDisputes),
  },
  {
    permission: 'incidents.handle',
    tile: page('incidents', '重大事项', '受理单位报送的紧急、重大事项', PAGES.adminReports),
  },
  {
    permission: 'inspections.manage',
    tile: page('inspections', '监督检查', '检查保安单位，督促整改', PAGES.inspections),
  },
  {
    permission: 'honesty.review',
    tile: page('honesty', '数据核查', '核查可疑的签到、出勤和审批', PAGES.honestyFlags),
  },
  {
    permission: 'alerts.send',
    tile: page('alert-send', '预警通报', '向辖区义警发预警、发治安通报', PAGES.adminAlerts),
  },
  {
    permission: 'callups.send',
    tile: page('dispatch', '调度指令', '发布指令、一键启动预案、现场看板', PAGES.adminCallups),
  },
  { permission: 'wartime.declare', tile: page('wartime', '战时状态', '宣布或提前结束战时状态', PAGES.adminWartime) },
  {
    permission: 'callups.draw',
    tile: page('draws', '抽调审批', '其他单位请求抽调本分局义警', PAGES.adminCallupDraws),
  },
  {
    permission: 'callups.read',
    tile: page('callup-speed', '响应速度', '各派出所、分局接受和到达用时', PAGES.adminCallupSpeed),
    // a community has no station below it to compare
    only: ['sysadmin', 'city_officer', 'branch_officer', 'station_officer'],
  },
  { permission: 'mall.manage', tile: page('products', '商品管理', '上架商品、调整库存', PAGES.adminMallProducts) },
  { permission: 'mall.manage', tile: page('orders', '订单', '备货、退款、导出 Excel', PAGES.adminMallOrders) },
  { permission: 'mall.manage', tile: page('mall-stats', '统计', '兑换情况和未兑换积分', PAGES.adminMallStats) },
  {
    permission: 'mall.verify',
    tile: page('mall-verify', '核销', '核对领取码，发放兑换物品', PAGES.adminMallVerify),
    only: ['mall_operator'],
  },
  {
    permission: 'mall.verify',
    tile: page('station-mall-verify', '积分商城核销', '义警到所领取兑换物品', PAGES.adminMallVerify),
    only: ['station_officer'],
  },
  { permission: 'jobs.run', tile: page('jobs', '定时任务', '查看运行结果，需要时立即运行', PAGES.adminJobs) },
  { permission: 'company.self', tile: page('guards', '本单位保安', '查看入会情况', PAGES.myCompany) },
  { permission: 'company.self', tile: page('propose', '提议活动', '向派出所提议一次义警活动', PAGES.proposalNew) },
  {
    permission: 'company.self',
    tile: page('report-new', '重大事项报送', '向派出所报送紧急、重大事项', PAGES.reportNew),
  },
  { permission: 'company.self', tile: page('my-reports', '报送记录', '查看报送的受理和处置情况', PAGES.myReports) },
  {
    permission: 'company.self',
    tile: page('my-inspections', '检查整改', '派出所检查发现的问题，整改后确认', PAGES.companyInspections),
  },
  // Bulletins of the company's area reach its manager as a message; this is where they are all kept.
  {
    permission: 'company.self',
    tile: page('bulletins', '治安通报', '派出所发来的治安状况通报', pageUrl(PAGES.myAlerts, { tab: 'bulletins' })),
  },
  // The bureau's view: figures against targets, the lists behind them, stage reports and the ranking.
  {
    permission: 'dashboard.read',
    tile: page('reports', '数据看板', '进度、目标、阶段报告和晒比通报', PAGES.dashboard),
  },
];

/** Functions of modules still being built (报表), only for the roles that will have them. */
const FUTURE_TILES: Record<StaffRole, HomeTile[]> = {
  community_officer: [],
  station_officer: [],
  branch_officer: [],
  city_officer: [],
  mall_operator: [],
  company_manager: [],
  sysadmin: [],
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
  const opens = ({ permission, only }: StaffFunction) =>
    hasPermission(staffRoles, permission) && (!only || staffRoles.some((role) => only.includes(role)));
  const tiles = STAFF_FUNCTIONS.filter(opens).map((f) => f.tile);
  for (const role of staffRoles) tiles.push(...FUTURE_TILES[role]);
  // A person with several roles sees each function once (e.g. 统计报表 of a branch and a city officer).
  return tiles.filter((tile, index) => tiles.findIndex((t) => t.key === tile.key) === index);
}

export function roleLabels(roles: readonly string[]): string[] {
  return roles.map((role) => (ROLE_LABELS as Record<string, string>)[role] ?? role);
}

/** What the home page shows for this person. Staff first: an officer who is also a volunteer works here. */
export function homeViewFor(me: MeResponse): HomeView {
  const orgName = me.orgUnit?.name ?? '';
  if (me.isStaff) {
    const tiles = staffTilesFor(me.roles);
    return {
      kind: 'staff',
      name: me.displayName,
      roleLabels: roleLabels(me.roles.filter(isStaffRole)),
      orgName: orgName || '未设置单位',
      tiles,
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
