import {
  ROLE_LABELS,
  isStaffRole,
  type MeResponse,
  type MyActivityStatsResponse,
  type MyInsuranceResponse,
} from '@jianghuai/shared';
import { formatDateTime } from './format';
import { PAGES } from './routes';

/** One line of the 我的 page that opens a page. */
export interface MineLink {
  key: string;
  label: string;
  url: string;
}

export interface MineView {
  name: string;
  /** Under the name: member number and status, or the staff roles and unit, or 访客. */
  subtitle: string;
  /** Attendance figures and the points balance are a volunteer's. */
  volunteer: boolean;
  links: MineLink[];
}

const link = (key: string, label: string, url: string): MineLink => ({ key, label, url });
const VOLUNTEER_STATUS: Record<NonNullable<MeResponse['volunteer']>['status'], string> = {
  active: '在册',
  suspended: '已暂停',
  revoked: '已注销',
};

/** What the 我的 page shows: a volunteer their card, points, activities and application; a visitor their application. */
export function mineViewFor(me: MeResponse): MineView {
  if (me.volunteer) {
    return {
      name: me.displayName,
      subtitle: `义警编号 ${me.volunteer.memberNo} · ${VOLUNTEER_STATUS[me.volunteer.status]}`,
      volunteer: true,
      links: [
        link('card', '义警证', PAGES.memberCard),
        link('points', '我的积分', PAGES.points),
        link('activities', '我的活动', PAGES.myActivities),
        link('application', '我的申请', PAGES.applicationStatus),
      ],
    };
  }
  if (me.isStaff) {
    const roles = me.roles
      .filter(isStaffRole)
      .map((role) => ROLE_LABELS[role])
      .join('、');
    return {
      name: me.displayName,
      subtitle: [roles, me.orgUnit?.name].filter(Boolean).join(' · '),
      volunteer: false,
      links: [],
    };
  }
  return {
    name: me.displayName,
    subtitle: '访客',
    volunteer: false,
    links: [link('application', '我的申请', PAGES.applicationStatus)],
  };
}

/** Service time in hours and minutes, e.g. “12 小时 5 分钟”. */
export function serviceTimeText(minutes: number): string {
  const safe = Math.max(0, Math.round(minutes));
  const hours = Math.floor(safe / 60);
  const rest = safe % 60;
  if (hours === 0) return `${rest} 分钟`;
  return rest === 0 ? `${hours} 小时` : `${hours} 小时 ${rest} 分钟`;
}

export interface StatFigure {
  key: string;
  label: string;
  value: string;
}

/** The attendance figures of 我的活动, in the order shown. */
export function statFigures(stats: MyActivityStatsResponse): StatFigure[] {
  return [
    { key: 'signedUp', label: '报名', value: `${stats.signedUp} 次` },
    { key: 'attended', label: '出勤', value: `${stats.attended} 次` },
    { key: 'noShows', label: '缺勤', value: `${stats.noShows} 次` },
    { key: 'service', label: '服务时长', value: serviceTimeText(stats.serviceMinutes) },
  ];
}

/** The 我的保险 line: the cover in force now (the one lasting longest), else plainly none. */
export function insuranceText(insurance: MyInsuranceResponse): string {
  const active = insurance.policies.filter((p) => p.activeNow).sort((a, b) => b.validTo.localeCompare(a.validTo));
  if (!active.length) return '暂无有效保险';
  return `${active[0].insurer} · 有效期至 ${formatDateTime(active[0].validTo).slice(0, 10)}`;
}
