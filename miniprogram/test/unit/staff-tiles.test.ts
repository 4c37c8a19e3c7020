import { describe, expect, it } from 'vitest';
import { PERMISSIONS, STAFF_ROLES, hasPermission, type MeResponse, type StaffRole } from '@jianghuai/shared';
import { APPLY_TILE, STAFF_FUNCTIONS, VOLUNTEER_TILES, homeViewFor, staffTilesFor } from '../../src/logic/home';
import { INBOX_TILE } from '../../src/logic/inbox';
import { canPublishActivities, statusFilterFrom } from '../../src/logic/activity-admin';
import { tileIcon } from '../../src/components/tile-icons';
import { PAGES, pageUrl } from '../../src/logic/routes';

const keys = (roles: string[]) => staffTilesFor(roles).map((t) => t.key);
const built = (roles: string[]) =>
  staffTilesFor(roles)
    .filter((t) => t.target.kind === 'page')
    .map((t) => t.key);
const soonOnes = (roles: string[]) =>
  staffTilesFor(roles)
    .filter((t) => t.target.kind === 'soon')
    .map((t) => t.key);

function staff(roles: StaffRole[], level: 'city' | 'branch' | 'station' | 'community' = 'station'): MeResponse {
  return {
    id: 7,
    displayName: '李静',
    roles,
    isStaff: true,
    orgUnit: { id: 3, code: 'U3', name: '积分商城运营中心', level, parentId: 1 },
    phoneMasked: null,
    wechatBound: true,
    volunteer: null,
  };
}

describe('staff homes derived from the permission table', () => {
  it('each role sees exactly the built functions its permissions open, in the table order', () => {
    expect(built(['community_officer'])).toEqual([
      'review',
      'volunteers',
      'companies',
      'activity-admin',
      'attendance',
      'tip-triage',
      'disputes',
      'alert-send',
      'dispatch',
    ]);
    const accounts = ['staff', 'audit', 'staff-admin', 'unit-contacts'];
    const oversight = [...accounts, 'review', 'approval', 'volunteers', 'talent', 'companies'];
    const activities = ['activity-admin', 'attendance', 'points-issued', 'weekly-rule'];
    expect(built(['station_officer'])).toEqual([
      'staff',
      'audit',
      'review',
      'volunteers',
      'talent',
      'companies',
      ...activities,
      'teams',
      'tip-triage',
      'disputes',
      'incidents',
      'inspections',
      'alert-send',
      'dispatch',
      'callup-speed',
      'station-mall-verify',
      'reports',
    ]);
    // 数据看板 (the bureau's view), last on every officer's home
    const bureau = ['reports'];
    const casework = ['tip-triage', 'disputes', 'incidents', 'inspections', 'honesty', 'alert-send'];
    const callups = ['dispatch', 'wartime', 'draws', 'callup-speed'];
    expect(built(['branch_officer'])).toEqual([...oversight, ...activities, ...casework, ...callups, ...bureau]);
    expect(built(['city_officer'])).toEqual([...oversight, ...activities, ...casework, ...callups, ...bureau]);
    expect(built(['sysadmin'])).toEqual([
      ...accounts,
      'volunteers',
      'companies',
      'points-issued',
      'weekly-rule',
      'callup-speed',
      'jobs',
      'reports',
    ]);
    expect(built(['company_manager'])).toEqual([
      'guards',
      'propose',
      'report-new',
      'my-reports',
      'my-inspections',
      'bulletins',
    ]);
    expect(built(['mall_operator'])).toEqual(['products', 'orders', 'mall-stats', 'mall-verify']);
  });

  it('a tile is offered only to roles the server lets through, and to every such role', () => {
    for (const role of STAFF_ROLES) {
      const tiles = keys([role]);
      for (const f of STAFF_FUNCTIONS) {
        const expected = hasPermission([role], f.permission) && (!f.only || f.only.includes(role));
        expect(tiles.includes(f.tile.key), `${role} / ${f.tile.key}`).toBe(expected);
      }
    }
  });

  it('community officers confirm attendance; branch and city officers oversee activities, points and the weekly rule', () => {
    expect(staffTilesFor(['community_officer']).find((t) => t.key === 'attendance')?.target).toEqual({
      kind: 'page',
      url: pageUrl(PAGES.adminActivities, { status: 'finished' }),
    });
    for (const role of ['branch_officer', 'city_officer']) {
      expect(keys([role])).toEqual(expect.arrayContaining(['activity-admin', 'points-issued', 'weekly-rule']));
    }
  });

  it('the city officer has a review queue at both steps', () => {
    const tiles = staffTilesFor(['city_officer']);
    expect(tiles.find((t) => t.key === 'review')?.target).toEqual({
      kind: 'page',
      url: pageUrl(PAGES.adminReviewQueue, { stage: 'review' }),
    });
    expect(tiles.find((t) => t.key === 'approval')?.target).toEqual({
      kind: 'page',
      url: pageUrl(PAGES.adminReviewQueue, { stage: 'approval' }),
    });
  });

  it('a person with several roles sees the union of their functions once', () => {
    const both = keys(['station_officer', 'company_manager']);
    expect(both).toEqual(expect.arrayContaining([...keys(['station_officer']), ...keys(['company_manager'])]));
    expect(new Set(both).size).toBe(both.length);
    const all = keys([...STAFF_ROLES]);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toEqual(expect.arrayContaining(STAFF_FUNCTIONS.map((f) => f.tile.key)));
    expect(keys(['community_officer', 'sysadmin'])).toEqual(expect.arrayContaining(['attendance', 'jobs']));
  });

  it('no built function is shown as 即将开放; future modules only for the roles that will have them', () => {
    const builtKeys = new Set(STAFF_FUNCTIONS.map((f) => f.tile.key));
    for (const role of STAFF_ROLES) for (const key of soonOnes([role])) expect(builtKeys.has(key)).toBe(false);
    expect(soonOnes(['sysadmin'])).toEqual([]);
    expect(soonOnes(['city_officer'])).toEqual([]);
    expect(soonOnes(['branch_officer'])).toEqual([]);
    expect(soonOnes(['community_officer'])).toEqual([]);
    expect(soonOnes(['station_officer'])).toEqual([]);
    expect(soonOnes(['mall_operator'])).toEqual([]);
  });

  it('every permission named by a tile exists in the shared table', () => {
    for (const f of STAFF_FUNCTIONS) expect(PERMISSIONS[f.permission].length).toBeGreaterThan(0);
  });
});

describe('the mall operator home', () => {
  it('shows its own name and org and the shop work: products, orders, statistics and pickup, nothing 即将开放', () => {
    const view = homeViewFor(staff(['mall_operator'], 'city'));
    if (view.kind !== 'staff') throw new Error('staff view expected');
    expect(view).toMatchObject({ name: '李静', orgName: '积分商城运营中心', roleLabels: ['积分商城运营'] });
    expect(view.notice).toBeUndefined();
    expect(view.tiles.map((t) => [t.label, t.target])).toEqual([
      ['商品管理', { kind: 'page', url: PAGES.adminMallProducts }],
      ['订单', { kind: 'page', url: PAGES.adminMallOrders }],
      ['统计', { kind: 'page', url: PAGES.adminMallStats }],
      ['核销', { kind: 'page', url: PAGES.adminMallVerify }],
    ]);
  });

  it('a station officer hands items over at 积分商城核销; no preparing sentence for anyone', () => {
    const station = staffTilesFor(['station_officer']).find((t) => t.key === 'station-mall-verify');
    expect(station).toMatchObject({ label: '积分商城核销', target: { kind: 'page', url: PAGES.adminMallVerify } });
    const view = homeViewFor(staff(['station_officer']));
    if (view.kind !== 'staff') throw new Error('staff view expected');
    expect(view.notice).toBeUndefined();
  });
});

describe('the pages behind the tiles, across levels', () => {
  const me = (roles: StaffRole[], level: 'city' | 'branch' | 'station' | 'community') => staff(roles, level);

  it('officers of every level get 新建活动 (a branch or the city publishes for the stations under it)', () => {
    expect(canPublishActivities(me(['station_officer'], 'station'))).toBe(true);
    expect(canPublishActivities(me(['community_officer'], 'community'))).toBe(true);
    expect(canPublishActivities(me(['branch_officer'], 'branch'))).toBe(true);
    expect(canPublishActivities(me(['city_officer'], 'city'))).toBe(true);
    expect(canPublishActivities(me(['sysadmin'], 'city'))).toBe(false);
    expect(canPublishActivities(null)).toBe(false);
  });

  it('the 出勤确认 tile opens the activities waiting for attendance; anything else shows all', () => {
    expect(statusFilterFrom('finished')).toBe('finished');
    expect(statusFilterFrom(undefined)).toBe('all');
    expect(statusFilterFrom('bogus')).toBe('all');
  });

  it('every tile a person can see has an icon', () => {
    const all = [...staffTilesFor([...STAFF_ROLES]), ...VOLUNTEER_TILES, APPLY_TILE, INBOX_TILE];
    for (const tile of all) expect(tileIcon(tile.key), tile.key).toBeTruthy();
  });
});
