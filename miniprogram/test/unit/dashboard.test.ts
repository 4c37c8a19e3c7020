import { describe, expect, it } from 'vitest';
import {
  childLabel,
  countAgainstTarget,
  dueText,
  isLate,
  joinRowUrl,
  listUrl,
  parseListQuery,
  rankingProblem,
  stageProblem,
  targetInput,
  targetValueText,
  rankChange,
  rateAgainstTarget,
  pctText,
  responseSpeedText,
  sharedRanks,
} from '../../src/logic/dashboard';

describe('rates', () => {
  it('reads a percent with one decimal and an empty roster as a dash', () => {
    expect(pctText(81.23)).toBe('81.2%');
    expect(pctText(100)).toBe('100.0%');
    expect(pctText(0)).toBe('0.0%');
    expect(pctText(null)).toBe('—');
  });

  it('says in words whether a rate meets its target, exactly at the target too', () => {
    expect(rateAgainstTarget(80, 80)).toEqual({ text: '80.0% / 目标 80%', verdict: '达标', met: true });
    expect(rateAgainstTarget(59.9, 60)).toMatchObject({ verdict: '未达标', met: false });
    expect(rateAgainstTarget(null, 60)).toMatchObject({ text: '— / 目标 60%', verdict: '暂无数据' });
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
  it('goes branch → station → company → the guards not yet joined', () => {
    expect(joinRowUrl({ kind: 'unit', id: 3 })).toBe('/admin-dashboard/list/index?kind=join&unitId=3');
    expect(joinRowUrl({ kind: 'company', id: 9 })).toBe('/admin-dashboard/list/index?kind=missing&companyId=9');
    expect(listUrl('weekly')).toBe('/admin-dashboard/list/index?kind=weekly');
    expect(childLabel('city')).toBe('分局');
    expect(childLabel('branch')).toBe('派出所');
  });

  it('reads the list query back and refuses a damaged one', () => {
    expect(parseListQuery({ kind: 'join', unitId: '3' })).toEqual({ kind: 'join', unitId: 3 });
    expect(parseListQuery({ kind: 'join' })).toEqual({ kind: 'join', unitId: undefined });
    expect(parseListQuery({ kind: 'missing', companyId: '9' })).toEqual({ kind: 'missing', companyId: 9 });
    expect(parseListQuery({ kind: 'missing' })).toBeNull();
    expect(parseListQuery({ kind: 'join', unitId: '-1' })).toEqual({ kind: 'join', unitId: undefined });
    expect(parseListQuery({ kind: 'nothing' })).toBeNull();
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

describe('forms of the bureau view', () => {
  it('reads a typed target as a whole count or a percent with one decimal', () => {
    expect(targetInput('count', ' 12000 ')).toEqual({ value: 12000 });
    expect(targetInput('count', '12.5')).toHaveProperty('problem');
    expect(targetInput('count', '99999999')).toHaveProperty('problem');
    expect(targetInput('percent', '62.5%')).toEqual({ value: 62.5 });
    expect(targetInput('percent', '101')).toHaveProperty('problem');
    expect(targetInput('percent', '60.25')).toHaveProperty('problem');
    expect(targetValueText('count', 10000, '人')).toBe('10,000 人');
    expect(targetValueText('percent', 80, '%')).toBe('80%');
  });

  it('says what a stage or a ranking still needs', () => {
    expect(stageProblem(' ', '2026-12-01')).toContain('名称');
    expect(stageProblem('第一阶段', '')).toContain('截止日期');
    expect(stageProblem('第一阶段', '2026-12-01')).toBeNull();
    expect(rankingProblem('第48周', '2026-11-23', '2026-11-29', '2026-11-30')).toBeNull();
    expect(rankingProblem('第48周', '2026-11-30', '2026-11-29', '2026-11-30')).toContain('不能晚于截止');
    expect(rankingProblem('第48周', '2026-11-23', '2026-12-01', '2026-11-30')).toContain('不能晚于今天');
    expect(rankingProblem('', '2026-11-23', '2026-11-29', '2026-11-30')).toContain('标题');
  });
});
