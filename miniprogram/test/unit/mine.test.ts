import { describe, expect, it } from 'vitest';
import type { MeResponse } from '@jianghuai/shared';
import { insuranceText, mineViewFor, serviceTimeText, statFigures } from '../../src/logic/mine';
import { TEXT_SIZES, textSizeScale, MAX_SCALE } from '../../src/logic/font-scale';
import { isTabPage, PAGES, pageUrl } from '../../src/logic/routes';

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

describe('mineViewFor', () => {
  it('a volunteer sees the card, points, activities and application, with figures', () => {
    const view = mineViewFor(
      me({
        roles: ['volunteer'],
        volunteer: { memberNo: 'MAS2026000001', status: 'active', stationId: 5, stationName: null },
      }),
    );
    expect(view.volunteer).toBe(true);
    expect(view.subtitle).toBe('义警编号 MAS2026000001 · 在册');
    expect(view.links.map((l) => [l.label, l.url])).toEqual([
      ['义警证', PAGES.memberCard],
      ['我的积分', PAGES.points],
      ['我的活动', PAGES.myActivities],
      ['我的申请', PAGES.applicationStatus],
    ]);
  });

  it('a suspended volunteer still sees their record, marked 已暂停', () => {
    const view = mineViewFor(
      me({ volunteer: { memberNo: 'MAS2026000002', status: 'suspended', stationId: 5, stationName: null } }),
    );
    expect(view.subtitle).toContain('已暂停');
    expect(view.volunteer).toBe(true);
  });

  it('a visitor sees only their application', () => {
    const view = mineViewFor(me());
    expect(view).toMatchObject({ subtitle: '访客', volunteer: false });
    expect(view.links.map((l) => l.url)).toEqual([PAGES.applicationStatus]);
  });

  it('staff see their roles and unit, no volunteer figures and no application', () => {
    const view = mineViewFor(me({ isStaff: true, roles: ['station_officer'], orgUnit: station }));
    expect(view.volunteer).toBe(false);
    expect(view.links).toEqual([]);
    expect(view.subtitle).toContain('平湖派出所');
    expect(view.subtitle).not.toContain('station_officer');
  });
});

describe('activity figures', () => {
  it('says service time in hours and minutes', () => {
    expect(serviceTimeText(0)).toBe('0 分钟');
    expect(serviceTimeText(45)).toBe('45 分钟');
    expect(serviceTimeText(120)).toBe('2 小时');
    expect(serviceTimeText(725)).toBe('12 小时 5 分钟');
    expect(serviceTimeText(-3)).toBe('0 分钟');
  });

  it('lists sign-ups, attendance, no-shows and service time in that order', () => {
    const figures = statFigures({ signedUp: 6, attended: 4, noShows: 1, serviceMinutes: 150 });
    expect(figures.map((f) => `${f.label} ${f.value}`)).toEqual([
      '报名 6 次',
      '出勤 4 次',
      '缺勤 1 次',
      '服务时长 2 小时 30 分钟',
    ]);
  });
});

describe('insurance line', () => {
  const policy = { id: 1, insurer: '人保财险', policyNo: 'P1', validFrom: '2026-01-01T00:00:00Z', activeNow: true };
  it('names the cover in force with its Shanghai end date, the longest first', () => {
    const text = insuranceText({
      policies: [
        { ...policy, validTo: '2026-06-30T15:59:59Z' },
        { ...policy, id: 2, insurer: '平安', validTo: '2026-12-31T16:30:00Z' },
        { ...policy, id: 3, insurer: '旧保单', validTo: '2027-12-31T00:00:00Z', activeNow: false },
      ],
    });
    expect(text).toBe('平安 · 有效期至 2027-01-01');
  });
  it('says plainly when there is none', () => {
    expect(insuranceText({ policies: [] })).toBe('暂无有效保险');
    expect(insuranceText({ policies: [{ ...policy, validTo: '2025-01-01T00:00:00Z', activeNow: false }] })).toBe(
      '暂无有效保险',
    );
  });
});

describe('text size', () => {
  it('offers 标准, 大 and 特大, growing and within the layout limit', () => {
    expect(TEXT_SIZES.map((s) => s.label)).toEqual(['标准', '大', '特大']);
    const scales = TEXT_SIZES.map((s) => s.scale);
    expect(scales[0]).toBe(1);
    expect([...scales].sort((a, b) => a - b)).toEqual(scales);
    expect(Math.max(...scales)).toBeLessThanOrEqual(MAX_SCALE);
  });

  it('an unknown stored choice is 标准', () => {
    expect(textSizeScale('xlarge')).toBe(1.3);
    expect(textSizeScale('huge')).toBe(1);
    expect(textSizeScale(undefined)).toBe(1);
  });
});

describe('tab pages', () => {
  it('knows the four tabs with or without a query, and nothing else', () => {
    for (const page of [PAGES.home, PAGES.activityList, PAGES.messages, PAGES.mine]) expect(isTabPage(page)).toBe(true);
    expect(isTabPage(pageUrl(PAGES.activityList, { type: 'patrol' }))).toBe(true);
    expect(isTabPage(PAGES.myActivities)).toBe(false);
    expect(isTabPage(PAGES.adminActivities)).toBe(false);
  });
});
