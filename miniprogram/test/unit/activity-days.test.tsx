/**
 * Activity days as guards read them, at instants on both sides of 16:00 UTC (midnight in Shanghai):
 * 15:30 UTC is 23:30 on the 30th in Shanghai, 23:30 UTC already 07:30 on 1 December there.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { businessDate } from '@jianghuai/shared';
import {
  dateRange,
  dayHeading,
  dayLabel,
  endOfWeek,
  groupByDay,
  mineInDayOrder,
  momentLabel,
  pickedDayLabel,
  weekdayOf,
  whenParts,
} from '../../src/logic/activity-days';
import { listQueryFor, DEFAULT_FILTERS } from '../../src/logic/activities';
import { mapLinkUrl, navigationFallback, navigationMethod, openLocationOptions } from '../../src/logic/map-navigation';
import { DayHeading, When } from '../../src/components/activity/When';
import { NavigateButton } from '../../src/components/activity/NavigateButton';
import { DateBar } from '../../src/components/activity/DateBar';

// the browser build's twin, as Taro picks it for H5
vi.mock('../../src/platform/map', async () => await import('../../src/platform/map.h5'));

const EVENING = new Date('2026-11-30T15:30:00Z'); // Monday 30 Nov, 23:30 in Shanghai
const NIGHT = new Date('2026-11-30T23:30:00Z'); // Tuesday 1 Dec, 07:30 in Shanghai (UTC still the 30th)

afterEach(() => vi.restoreAllMocks());

describe('weekday, day labels and headings', () => {
  it('names the weekday of a calendar date', () => {
    expect(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-03', '2026-12-05'].map(weekdayOf)).toEqual([
      '周日',
      '周一',
      '周二',
      '周四',
      '周六',
    ]);
  });
  it('writes month, day and weekday; the year only when it is not this year', () => {
    expect(dayLabel('2026-12-03', '2026-11-30')).toBe('12月3日 周四');
    expect(dayLabel('2027-01-05', '2026-12-31')).toBe('2027年1月5日 周二');
  });
  it('says 今天 / 明天 by the Shanghai date on both sides of midnight', () => {
    const evening = businessDate(EVENING);
    const night = businessDate(NIGHT);
    expect(evening).toBe('2026-11-30');
    expect(night).toBe('2026-12-01');
    expect(dayHeading('2026-11-30', evening)).toBe('今天 · 11月30日 周一');
    expect(dayHeading('2026-12-01', evening)).toBe('明天 · 12月1日 周二');
    expect(dayHeading('2026-12-01', night)).toBe('今天 · 12月1日 周二');
    expect(dayHeading('2026-11-30', night)).toBe('昨天 · 11月30日 周一');
    expect(dayHeading('2026-12-03', night)).toBe('12月3日 周四');
  });
});

describe('when an activity takes place', () => {
  it('gives the Shanghai date with its weekday and the time as separate unbreakable pieces', () => {
    // 01:00–03:00 UTC is 09:00–11:00 on the 1st in Shanghai
    expect(whenParts('2026-12-01T01:00:00Z', '2026-12-01T03:00:00Z', '2026-11-30')).toEqual([
      '12月1日 周二',
      '09:00–11:00',
    ]);
    // 23:30 UTC on the 30th is already 07:30 on the 1st
    expect(whenParts(NIGHT.toISOString(), '2026-12-01T01:30:00Z', '2026-12-01')).toEqual([
      '12月1日 周二',
      '07:30–09:30',
    ]);
    expect(whenParts(EVENING.toISOString(), '2026-11-30T22:00:00Z', '2026-11-30')).toEqual([
      '11月30日 周一 23:30',
      '至 12月1日 周二 06:00',
    ]);
    expect(whenParts('nonsense', '2026-12-01T03:00:00Z', '2026-11-30')).toEqual(['nonsense']);
  });
  it('writes a deadline with its weekday', () => {
    expect(momentLabel('2026-11-30T16:00:00Z', '2026-11-30')).toBe('12月1日 周二 00:00');
    expect(momentLabel('2026-11-30T15:59:00Z', '2026-11-30')).toBe('11月30日 周一 23:59');
  });
  it('renders each piece in a nowrap span with a breakable space between', () => {
    const { container } = render(
      <When startAt="2026-12-01T01:00:00Z" endAt="2026-12-01T03:00:00Z" today="2026-11-30" />,
    );
    const parts = Array.from(container.querySelectorAll('[data-testid="when-part"]'));
    expect(parts.map((p) => p.textContent)).toEqual(['12月1日 周二', '09:00–11:00']);
    expect(parts.every((p) => p.className.includes('jh-time'))).toBe(true);
    expect(container.textContent).toBe('12月1日 周二 09:00–11:00');
  });
});

describe('grouping by day', () => {
  const a = (id: number, startAt: string) => ({ id, startAt });
  const items = [
    a(1, '2026-11-30T02:00:00Z'), // 10:00 on the 30th (running since yesterday at NIGHT)
    a(2, '2026-11-30T17:00:00Z'), // 01:00 on the 1st
    a(3, '2026-12-01T05:00:00Z'), // 13:00 on the 1st
    a(4, '2026-12-01T16:30:00Z'), // 00:30 on the 2nd
  ];
  it('puts an activity after 16:00 UTC under the next Shanghai day', () => {
    const groups = groupByDay(items, (i) => i.startAt, '2026-11-30');
    expect(groups.map((g) => [g.heading, g.items.map((i) => i.id)])).toEqual([
      ['今天 · 11月30日 周一', [1]],
      ['明天 · 12月1日 周二', [2, 3]],
      ['12月2日 周三', [4]],
    ]);
  });
  it('at 07:30 in Shanghai: one still running from yesterday stands under 今天', () => {
    const today = businessDate(NIGHT);
    const groups = groupByDay(items, (i) => i.startAt, today, today);
    expect(groups.map((g) => [g.heading, g.items.map((i) => i.id)])).toEqual([
      ['今天 · 12月1日 周二', [1, 2, 3]],
      ['明天 · 12月2日 周三', [4]],
    ]);
  });
  it('我的活动: coming ones soonest first, then finished ones latest first', () => {
    const mine = [
      { id: 1, s: '2026-11-20T01:00:00Z', e: '2026-11-20T03:00:00Z' },
      { id: 2, s: '2026-12-03T01:00:00Z', e: '2026-12-03T03:00:00Z' },
      { id: 3, s: '2026-11-25T01:00:00Z', e: '2026-11-25T03:00:00Z' },
      { id: 4, s: '2026-12-01T01:00:00Z', e: '2026-12-01T03:00:00Z' },
    ];
    const ordered = mineInDayOrder(
      mine,
      (m) => m.s,
      (m) => m.e,
      NIGHT,
    );
    expect(ordered.map((m) => m.id)).toEqual([4, 2, 3, 1]);
  });
  it('renders the heading with its day', () => {
    render(<DayHeading day="2026-12-01" today="2026-12-01" />);
    const h = screen.getByTestId('day-heading');
    expect(h.textContent).toBe('今天 · 12月1日 周二');
    expect(h.getAttribute('data-day')).toBe('2026-12-01');
  });
});

describe('the date filter', () => {
  it('本周 runs from today to Sunday', () => {
    expect(endOfWeek('2026-11-30')).toBe('2026-12-06'); // Monday
    expect(endOfWeek('2026-12-06')).toBe('2026-12-06'); // Sunday
    expect(dateRange('week', '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-06' });
  });
  it('今天 and a picked day are one day; 全部 and an unpicked day send nothing', () => {
    expect(dateRange('today', '2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(dateRange('day', '2026-12-01', '2026-12-09')).toEqual({ from: '2026-12-09', to: '2026-12-09' });
    expect(dateRange('day', '2026-12-01', null)).toBeNull();
    expect(dateRange('day', '2026-12-01', '12/9')).toBeNull();
    expect(dateRange('all', '2026-12-01')).toBeNull();
  });
  it('sends the Shanghai day to the server on both sides of midnight', () => {
    const ctx = (now: Date) => ({ now, position: null, stationId: null });
    expect(listQueryFor({ ...DEFAULT_FILTERS, date: 'today' }, ctx(EVENING), 1, 20)).toMatchObject({
      from: '2026-11-30',
      to: '2026-11-30',
    });
    expect(listQueryFor({ ...DEFAULT_FILTERS, date: 'today' }, ctx(NIGHT), 1, 20)).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-01',
    });
    expect(listQueryFor({ ...DEFAULT_FILTERS, date: 'week' }, ctx(EVENING), 1, 20)).toMatchObject({
      from: '2026-11-30',
      to: '2026-12-06',
    });
    const all = listQueryFor(DEFAULT_FILTERS, ctx(NIGHT), 1, 20);
    expect(all.from).toBeUndefined();
    expect(all.to).toBeUndefined();
  });
  it('the 选日期 chip shows the picked day in words', () => {
    expect(pickedDayLabel(null, '2026-12-01')).toBe('选日期');
    expect(pickedDayLabel('2026-12-02', '2026-12-01')).toBe('明天 12月2日 周三');
    expect(pickedDayLabel('2026-12-09', '2026-12-01')).toBe('12月9日 周三');
  });
});

describe('DateBar', () => {
  it('marks the chosen range, names the picked day, and reports a tap as a range choice', () => {
    const onChange = vi.fn();
    const { container, rerender } = render(
      <DateBar date="week" day={null} onChange={onChange} today="2026-12-01" offered="2026-12-02" />,
    );
    const chip = (id: string) => container.querySelector(`[data-testid="filter-date-${id}"]`)!;
    expect(chip('week').textContent).toBe('✓ 本周');
    expect(chip('today').textContent).toBe('今天');
    expect(chip('day').textContent).toBe('选日期');
    fireEvent.click(chip('today'));
    expect(onChange).toHaveBeenCalledWith('today', null);
    rerender(<DateBar date="day" day="2026-12-09" onChange={onChange} today="2026-12-01" offered="2026-12-02" />);
    expect(chip('day').textContent).toBe('✓ 12月9日 周三');
    expect(chip('all').textContent).toBe('全部日期');
  });
});

describe('导航', () => {
  const location = { address: '平湖小区北门', lat: 31.6705, lng: 118.5065, radiusM: 300 };
  it('hands the point, name and address to the phone map', () => {
    expect(openLocationOptions('周末巡逻', location)).toEqual({
      latitude: 31.6705,
      longitude: 118.5065,
      name: '周末巡逻',
      address: '平湖小区北门',
      scale: 16,
    });
  });
  it('uses WeChat’s map in the mini-program and in WeChat’s browser, the map page elsewhere', () => {
    expect(navigationMethod({ taroEnv: 'weapp', wxOpenLocation: false })).toBe('openLocation');
    expect(navigationMethod({ taroEnv: 'h5', wxOpenLocation: true })).toBe('openLocation');
    expect(navigationMethod({ taroEnv: 'h5', wxOpenLocation: false })).toBe('link');
  });
  it('the map page link carries lng,lat in GCJ-02 and the name', () => {
    const url = mapLinkUrl(openLocationOptions('周末 巡逻', location));
    expect(url).toBe(
      `https://uri.amap.com/marker?position=118.5065,31.6705&name=${encodeURIComponent('周末 巡逻')}&src=jianghuai&coordinate=gaode&callnative=1`,
    );
  });
  it('the browser button opens the map page; a blocked window leaves the address to search for', async () => {
    const open = vi.spyOn(window, 'open').mockReturnValue({ opener: window } as unknown as Window);
    const { container } = render(<NavigateButton title="周末巡逻" location={location} />);
    fireEvent.click(container.querySelector('[data-testid="navigate"]')!);
    await waitFor(() => expect(open).toHaveBeenCalledTimes(1));
    expect(open).toHaveBeenCalledWith(expect.stringContaining('position=118.5065,31.6705'), '_blank');
    await waitFor(() =>
      expect(container.querySelector('[data-testid="navigate"]')?.textContent).toBe('导航到活动地点'),
    );
    expect(container.querySelector('[data-testid="navigate-problem"]')).toBeNull();
    expect(container.textContent).not.toMatch(/31\.67|118\.50/);

    open.mockReturnValue(null);
    fireEvent.click(container.querySelector('[data-testid="navigate"]')!);
    await waitFor(() =>
      expect(container.querySelector('[data-testid="navigate-problem"]')?.textContent).toBe(
        navigationFallback('平湖小区北门'),
      ),
    );
  });
  it('inside WeChat’s browser (JS-SDK present) it asks WeChat’s map instead of opening a tab', async () => {
    const wxOpen = vi.fn((o: { success?: (r: unknown) => void }) => o.success?.({ errMsg: 'openLocation:ok' }));
    (window as unknown as { wx?: unknown }).wx = { openLocation: wxOpen };
    const open = vi.spyOn(window, 'open');
    try {
      const { container } = render(<NavigateButton title="周末巡逻" location={location} />);
      fireEvent.click(container.querySelector('[data-testid="navigate"]')!);
      await waitFor(() => expect(wxOpen).toHaveBeenCalled());
      expect(wxOpen.mock.calls[0][0]).toMatchObject({ latitude: 31.6705, longitude: 118.5065, name: '周末巡逻' });
      expect(open).not.toHaveBeenCalled();
    } finally {
      delete (window as unknown as { wx?: unknown }).wx;
    }
  });
});
