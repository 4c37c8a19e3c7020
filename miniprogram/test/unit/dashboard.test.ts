import { describe, expect, it } from 'vitest';
import {
  breadcrumb,
  countAgainstTarget,
  decodePath,
  dueText,
  encodePath,
  isLate,
  nextLevel,
  rankChange,
  rateAgainstTarget,
  rateOf,
  rateText,
  responseSpeedText,
  sharedRanks,
  startLevel,
  type DrillStep,
} from '../../src/logic/dashboard';

describe('rates', () => {
  it('reads a rate with one decimal and an empty roster as a dash', () => {
    expect(rateText(0.8123)).toBe('81.2%');
    expect(rateText(1)).toBe('100.0%');
    expect(rateText(0)).toBe('0.0%');
    expect(rateText(null)).toBe('—');
    expect(rateOf(3, 4)).toBe(0.75);
    expect(rateOf(0, 0)).toBeNull();
  });

  it('says in words whether a rate meets its target, exactly at the target too', () => {
    expect(rateAgainstTarget(0.8, 0.8)).toEqual({ text: '80.0% / 目标 80%', verdict: '达标', met: true });
    expect(rateAgainstTarget(0.599, 0.6)).toMatchObject({ verdict: '未达标', met: false });
    expect(rateAgainstTarget(null, 0.6)).toMatchObject({ text: '— / 目标 60%', verdict: '暂无数据' });
  });

  it('reads a count against its target with the share reached', () => {
    expect(countAgainstTarget(6512, 10000)).toEqual({
      text: '6,512 / 10,000（65.1%）',
      verdict: '未达标',
      met: false,
    });
    expect(countAgainstTarget(10000, 10000).met).toBe(true);
    expect(countAgainstTarget(5, null)).toMatchObject({ text: '5', verdict: '暂无数据' });
  });
});

describe('rank changes', () => {
  it('points up when the rank number falls, down when it rises', () => {
    expect(rankChange(2, 4)).toEqual({ arrow: '↑', text: '上升 2 位', tone: 'up' });
    expect(rankChange(5, 3)).toEqual({ arrow: '↓', text: '下降 2 位', tone: 'down' });
    expect(rankChange(3, 3)).toMatchObject({ arrow: '—', text: '持平' });
    expect(rankChange(1, null)).toMatchObject({ arrow: '新', text: '新上榜' });
  });

  it('gives ties the same rank and skips the next (1, 1, 3)', () => {
    expect(sharedRanks([0.9, 0.9, 0.5])).toEqual([1, 1, 3]);
    expect(sharedRanks([30, 10, 10, null], true)).toEqual([3, 1, 1, null]);
  });
});

describe('call-up response speed', () => {
  it('reads seconds as minutes, and says when it is not built or not measured', () => {
    expect(responseSpeedText(95)).toBe('1 分 35 秒');
    expect(responseSpeedText(120)).toBe('2 分钟');
    expect(responseSpeedText(42)).toBe('42 秒');
    expect(responseSpeedText(3725)).toBe('1 小时 2 分');
    expect(responseSpeedText(null)).toBe('暂无数据');
    expect(responseSpeedText(10, false)).toBe('暂未开放');
  });
});

describe('drill-down path', () => {
  it('goes branch → station → company → the guards not yet joined, and stops there', () => {
    expect(nextLevel('city')).toBe('branch');
    expect(nextLevel('branch')).toBe('station');
    expect(nextLevel('station')).toBe('company');
    expect(nextLevel('company')).toBe('guards');
    expect(nextLevel('guards')).toBeNull();
  });

  it('starts each viewer one level below their own unit', () => {
    expect(startLevel('city')).toBe('branch');
    expect(startLevel('branch')).toBe('station');
    expect(startLevel('station')).toBe('company');
  });

  it('carries the path in the page query and survives a damaged one', () => {
    const path: DrillStep[] = [
      { level: 'city', name: '全市' },
      { level: 'branch', id: 3, name: '雨山分局' },
      { level: 'station', id: 7, name: '平湖派出所' },
    ];
    expect(decodePath(encodePath(path))).toEqual(path);
    expect(breadcrumb(path)).toBe('全市 › 雨山分局 › 平湖派出所');
    expect(decodePath('%7Bbroken')).toEqual([]);
    expect(decodePath(undefined)).toEqual([]);
  });
});

describe('stage report dates', () => {
  it('marks a narrative late only when submitted after the due date (Shanghai dates)', () => {
    expect(isLate('2026-11-30', '2026-11-29')).toBe(true);
    expect(isLate('2026-11-29', '2026-11-29')).toBe(false);
    expect(isLate(null, '2026-11-29')).toBe(false);
    expect(dueText('2026-11-29', '2026-11-30')).toContain('逾期');
    expect(dueText('2026-11-30', '2026-11-30')).toContain('今天截止');
    expect(dueText('2026-12-01', '2026-11-30')).toBe('截止 2026-12-01');
  });
});
