import { describe, expect, it } from 'vitest';
import type { MeResponse } from '@jianghuai/shared';
import { comingSoonMessage, homeViewFor, staffTilesFor, stationNameOf, VOLUNTEER_TILES } from '../../src/logic/home';
import { PAGES } from '../../src/logic/routes';

function me(overrides: Partial<MeResponse> = {}): MeResponse {
  return {
    id: 1,
    displayName: '张伟',
    roles: [],
    isStaff: false,
    orgUnit: null,
    phoneMasked: '138****0001',
    wechatBound: true,
    volunteer: null,
    ...overrides,
  };
}

const station = { id: 5, code: 'MAS-YS-PH', name: '平湖派出所', level: 'station' as const, parentId: 2 };

const keys = (tiles: { key: string }[]) => tiles.map((t) => t.key);

describe('homeViewFor', () => {
  it('an active volunteer gets the member card and the six volunteer tiles', () => {
    const view = homeViewFor(
      me({
        roles: ['volunteer'],
        volunteer: { memberNo: 'MAS2026000001', status: 'active', stationId: 5, stationName: null },
      }),
    );
    expect(view.kind).toBe('volunteer');
    if (view.kind !== 'volunteer') return;
    expect(view.card).toMatchObject({ name: '张伟', memberNo: 'MAS2026000001', statusLabel: '在册' });
    expect(view.tiles.map((t) => t.label)).toEqual([
      '调度指令',
      '活动报名',
      '签到打卡',
      '线索上报',
      '我的积分',
      '积分商城',
      '预警通报',
    ]);
    // Every volunteer tile is built now: the mall opens its home.
    expect(view.tiles.filter((t) => t.target.kind === 'soon')).toEqual([]);
    expect(view.tiles.find((t) => t.key === 'mall')?.target).toEqual({ kind: 'page', url: PAGES.mallHome });
  });

  it('a suspended volunteer sees the card and an explanation, but no tiles', () => {
    const view = homeViewFor(
      me({ volunteer: { memberNo: 'M1', status: 'suspended', stationId: 5, stationName: null } }),
    );
    expect(view.kind).toBe('inactive-volunteer');
    if (view.kind !== 'inactive-volunteer') return;
    expect(view.card.statusLabel).toBe('暂停');
    expect(view.notice).toContain('派出所');
  });

  it('a visitor (no roles, no volunteer record) gets the big apply entry only', () => {
    const view = homeViewFor(me({ displayName: '新用户' }));
    expect(view.kind).toBe('visitor');
    if (view.kind !== 'visitor') return;
    expect(view.tiles.map((t) => t.label)).toEqual(['申请加入江淮义警']);
  });

  it('a station officer sees name, role label, org and the real admin pages first', () => {
    const view = homeViewFor(
      me({ displayName: '王所长', roles: ['station_officer'], isStaff: true, orgUnit: station }),
    );
    expect(view.kind).toBe('staff');
    if (view.kind !== 'staff') return;
    expect(view).toMatchObject({ name: '王所长', roleLabels: ['派出所民警'], orgName: '平湖派出所' });
    expect(view.tiles[0]).toMatchObject({ label: '人员管理', target: { kind: 'page', url: PAGES.adminStaff } });
    expect(view.tiles[1]).toMatchObject({ label: '操作日志', target: { kind: 'page', url: PAGES.adminAuditLogs } });
    expect(keys(view.tiles)).toContain('tip-triage');
  });

  it('staff win over a volunteer record: an officer who volunteers still gets the workbench', () => {
    const view = homeViewFor(
      me({
        roles: ['station_officer', 'volunteer'],
        isStaff: true,
        orgUnit: station,
        volunteer: { memberNo: 'M9', status: 'active', stationId: 5, stationName: null },
      }),
    );
    expect(view.kind).toBe('staff');
    if (view.kind === 'staff') expect(view.roleLabels).toEqual(['派出所民警']);
  });
});

describe('staffTilesFor', () => {
  it('gives the staff list and audit log only to roles the server lets read them', () => {
    for (const role of ['station_officer', 'branch_officer', 'city_officer', 'sysadmin']) {
      expect(keys(staffTilesFor([role])).slice(0, 2)).toEqual(['staff', 'audit']);
    }
    for (const role of ['community_officer', 'mall_operator', 'company_manager']) {
      expect(keys(staffTilesFor([role]))).not.toContain('staff');
      expect(keys(staffTilesFor([role]))).not.toContain('audit');
    }
  });

  it('mall operators get mall work, company managers get their guards', () => {
    expect(keys(staffTilesFor(['mall_operator']))).toEqual(['products', 'orders', 'mall-stats', 'mall-verify']);
    expect(keys(staffTilesFor(['company_manager']))).toEqual([
      'guards',
      'propose',
      'report-new',
      'my-reports',
      'my-inspections',
      'bulletins',
    ]);
  });

  it('lists a tile shared by two roles once', () => {
    const tiles = keys(staffTilesFor(['branch_officer', 'city_officer']));
    expect(tiles.filter((k) => k === 'reports')).toHaveLength(1);
    expect(tiles.filter((k) => k === 'staff')).toHaveLength(1);
  });

  it('ignores the volunteer role and unknown roles', () => {
    expect(staffTilesFor(['volunteer', 'astronaut'])).toEqual([]);
  });

  it('volunteer tiles lead only to pages that exist (call-ups, activities, check-in, tips, points, mall, warnings)', () => {
    const urls = VOLUNTEER_TILES.map((t) => (t.target.kind === 'page' ? t.target.url : null)).filter(Boolean);
    expect(urls).toEqual([
      PAGES.myCallups,
      PAGES.activityList,
      PAGES.checkin,
      PAGES.tipNew,
      PAGES.points,
      PAGES.mallHome,
      PAGES.myAlerts,
    ]);
  });

  it('the station officer tile 活动管理 opens the activities sub-package', () => {
    const tile = staffTilesFor(['station_officer']).find((t) => t.key === 'activity-admin');
    expect(tile?.target).toEqual({ kind: 'page', url: PAGES.adminActivities });
  });
});

describe('stationNameOf', () => {
  it('uses the station name when the server sends it, else says whether one is assigned', () => {
    expect(stationNameOf({ memberNo: 'M', status: 'active', stationId: 5, stationName: '平湖派出所' })).toBe(
      '平湖派出所',
    );
    expect(stationNameOf({ memberNo: 'M', status: 'active', stationId: 5, stationName: null })).toBe('已分配派出所');
    expect(stationNameOf({ memberNo: 'M', status: 'active', stationId: null, stationName: null })).toBe('待分配派出所');
  });
});

describe('comingSoonMessage', () => {
  it('names the feature so the person knows which one is not ready', () => {
    expect(comingSoonMessage('签到打卡')).toBe('“签到打卡”功能即将开放，敬请期待。');
  });
});
