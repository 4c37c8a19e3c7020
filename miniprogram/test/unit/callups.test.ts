import { describe, expect, it } from 'vitest';
import {
  callupDraftProblem,
  countdownText,
  durationText,
  EMPTY_CALLUP_DRAFT,
  itemLines,
  nextAction,
  openCount,
  previewLine,
  readArrivalCode,
  reportProblem,
  sortMine,
  wartimeBannerText,
} from '../../src/logic/callups';

const NOW = Date.parse('2026-11-30T23:30:00Z'); // 07:30 on 12-01 in Shanghai
const at = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString();

describe('call-up countdown and order', () => {
  it('counts down in words and says when it is over', () => {
    expect(countdownText(at(-1), NOW)).toBe('已截止');
    expect(countdownText(at(0.5), NOW)).toBe('还剩不到 1 分钟');
    expect(countdownText(at(45), NOW)).toBe('还剩 45 分钟');
    expect(countdownText(at(65), NOW)).toBe('还剩 1 小时 05 分');
    expect(countdownText(at(60 * 72), NOW)).toBe('还剩 3 天');
    expect(countdownText('not a date', NOW)).toBe('已截止');
  });

  it('lists open ones first by the nearest deadline, then the rest newest first', () => {
    const items = [
      { id: 1, status: 'closed', deadlineAt: at(90), createdAt: at(-50) },
      { id: 2, status: 'open', deadlineAt: at(120), createdAt: at(-10) },
      { id: 3, status: 'open', deadlineAt: at(30), createdAt: at(-20) },
      { id: 4, status: 'open', deadlineAt: at(-5), createdAt: at(-5) },
    ];
    expect(sortMine(items, NOW).map((c) => c.id)).toEqual([3, 2, 4, 1]);
  });

  it('counts the open ones still waiting for the guard', () => {
    const base = { status: 'open', deadlineAt: at(30) };
    expect(
      openCount(
        [
          { ...base, myStatus: 'asked' },
          { ...base, myStatus: 'accepted' },
          { ...base, myStatus: 'declined' },
          { ...base, myStatus: 'reported' },
          { ...base, deadlineAt: at(-1), myStatus: 'asked' },
        ],
        NOW,
      ),
    ).toBe(2);
  });

  it('offers the next step: answer, arrive, report, then nothing', () => {
    const open = { status: 'open', deadlineAt: at(30) };
    expect(nextAction({ ...open, myStatus: 'asked' }, NOW)).toBe('answer');
    expect(nextAction({ ...open, myStatus: 'accepted' }, NOW)).toBe('arrive');
    expect(nextAction({ ...open, myStatus: 'arrived' }, NOW)).toBe('report');
    expect(nextAction({ ...open, myStatus: 'reported' }, NOW)).toBe('done');
    expect(nextAction({ ...open, myStatus: 'declined' }, NOW)).toBe('done');
    expect(nextAction({ status: 'closed', deadlineAt: at(30), myStatus: 'asked' }, NOW)).toBe('closed');
    expect(nextAction({ status: 'open', deadlineAt: at(-1), myStatus: 'accepted' }, NOW)).toBe('closed');
    expect(nextAction({ status: 'closed', deadlineAt: at(-1), myStatus: 'arrived' }, NOW)).toBe('report');
  });
});

describe('call-up words', () => {
  it('reads a typed or scanned arrival code', () => {
    expect(readArrivalCode(' 123 456 ')).toEqual({ code: '123456' });
    expect(readArrivalCode('12345')).toHaveProperty('problem');
    expect(readArrivalCode('')).toHaveProperty('problem');
    expect(readArrivalCode('cu:7:abc')).toEqual({ code: 'cu:7:abc' });
  });

  it('shows the war-time banner with the Shanghai end time', () => {
    expect(wartimeBannerText({ reason: '防汛', endAt: '2026-12-01T00:00:00Z' })).toBe(
      '战时状态 · 防汛 · 至 2026-12-01 08:00',
    );
  });

  it('says before sending how many are reached and how many only by SMS', () => {
    expect(previewLine({ matched: 12, withoutPush: 3 })).toBe('将通知 12 人，其中 3 人无法推送，将发短信');
    expect(previewLine({ matched: 0, withoutPush: 0 })).toContain('没有符合条件');
    expect(previewLine({ matched: 4, withoutPush: 0 })).toContain('将通知 4 人');
  });

  it('says durations as people do', () => {
    expect(durationText(null)).toBe('暂无');
    expect(durationText(42.4)).toBe('42 秒');
    expect(durationText(200)).toBe('3 分 20 秒');
    expect(durationText(180)).toBe('3 分钟');
    expect(durationText(3900)).toBe('1 小时 5 分');
  });
});

describe('the feedback form', () => {
  const items = [
    { id: 'a', label: '湖东路加油站' },
    { id: 'b', label: '平湖小学' },
  ];
  it('needs every item answered and a note for a change', () => {
    expect(reportProblem('', items, [], false)).toContain('湖东路加油站');
    const answers = [
      { itemId: 'a', finding: 'found' as const, note: '' },
      { itemId: 'b', finding: 'changed' as const, note: ' ' },
    ];
    expect(reportProblem('', items, answers, false)).toContain('有变化');
    answers[1].note = '大门换了位置';
    expect(reportProblem('', items, answers, false)).toBeNull();
    expect(reportProblem('', items, answers, true)).toContain('上传');
  });
  it('needs a sentence for an ordinary call-up', () => {
    expect(reportProblem('  ', [], [], false)).toContain('现场情况');
    expect(reportProblem('已到场疏导', [], [], false)).toBeNull();
    expect(reportProblem('字'.repeat(1001), [], [], false)).toContain('1000');
  });
});

describe('the send form', () => {
  const ready = {
    ...EMPTY_CALLUP_DRAFT,
    title: '湖边巡查',
    task: '沿湖巡查，劝离钓鱼群众',
    unitId: 5,
    rallyAddress: '平湖小区北门',
    rallyLat: '31.6705',
    rallyLng: '118.5065',
  };
  it('is ready with title, task, unit and rally point', () => {
    expect(callupDraftProblem(ready)).toBeNull();
    expect(callupDraftProblem({ ...ready, unitId: null })).toContain('单位');
    expect(callupDraftProblem({ ...ready, rallyLat: '北纬' })).toContain('集合点');
    expect(callupDraftProblem({ ...ready, wanted: '0' })).toContain('人数');
    expect(callupDraftProblem({ ...ready, wanted: '12' })).toBeNull();
    expect(callupDraftProblem({ ...ready, radiusM: 500 })).toContain('范围中心');
    expect(callupDraftProblem({ ...ready, radiusM: 500, centreLat: '31.6', centreLng: '118.5' })).toBeNull();
  });
  it('needs items for a 摸排, one a line', () => {
    expect(callupDraftProblem({ ...ready, kind: 'verification' })).toContain('摸排对象');
    expect(itemLines('甲\n\n 乙 \n')).toEqual(['甲', '乙']);
    expect(callupDraftProblem({ ...ready, kind: 'verification', items: '甲\n乙' })).toBeNull();
  });
});
