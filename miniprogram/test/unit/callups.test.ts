import { describe, expect, it } from 'vitest';
import {
  boardFigures,
  boardGroups,
  branchOptions,
  callupDraftProblem,
  callupRequestOf,
  draftFromPlan,
  planRequestOf,
  targetOf,
  unitOptions,
  wartimePeriod,
  countdownText,
  durationText,
  EMPTY_CALLUP_DRAFT,
  itemLines,
  nextAction,
  openCount,
  previewLine,
  readArrivalCode,
  reportProblem,
  reportTextOf,
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
      { id: 1, callupStatus: 'closed', deadlineAt: at(90), createdAt: at(-50) },
      { id: 2, callupStatus: 'open', deadlineAt: at(120), createdAt: at(-10) },
      { id: 3, callupStatus: 'open', deadlineAt: at(30), createdAt: at(-20) },
      { id: 4, callupStatus: 'open', deadlineAt: at(-5), createdAt: at(-5) },
    ];
    expect(sortMine(items, NOW).map((c) => c.id)).toEqual([3, 2, 4, 1]);
  });

  it('counts the open ones still waiting for the guard', () => {
    const base = { callupStatus: 'open', deadlineAt: at(30) };
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
    const open = { callupStatus: 'open', deadlineAt: at(30) };
    expect(nextAction({ ...open, myStatus: 'asked' }, NOW)).toBe('answer');
    expect(nextAction({ ...open, myStatus: 'accepted' }, NOW)).toBe('arrive');
    expect(nextAction({ ...open, myStatus: 'arrived' }, NOW)).toBe('report');
    expect(nextAction({ ...open, myStatus: 'reported' }, NOW)).toBe('done');
    expect(nextAction({ ...open, myStatus: 'declined' }, NOW)).toBe('done');
    expect(nextAction({ callupStatus: 'closed', deadlineAt: at(30), myStatus: 'asked' }, NOW)).toBe('closed');
    expect(nextAction({ callupStatus: 'open', deadlineAt: at(-1), myStatus: 'accepted' }, NOW)).toBe('closed');
    expect(nextAction({ callupStatus: 'closed', deadlineAt: at(-1), myStatus: 'arrived' }, NOW)).toBe('report');
  });
});

describe('call-up words', () => {
  it('reads a typed or scanned arrival code', () => {
    const token = 'c7.59345.abcdefghij_KLMNOP-qrs';
    expect(readArrivalCode(` ${token.slice(0, 8)} ${token.slice(8)} `, 7)).toEqual({ token });
    expect(readArrivalCode(token, 8)).toEqual({ problem: expect.stringContaining('不是本条指令') });
    expect(readArrivalCode('c7.59345', 7)).toEqual({ problem: expect.stringContaining('不完整') });
    expect(readArrivalCode('', 7)).toHaveProperty('problem');
  });

  it('shows the war-time banner with the Shanghai end time', () => {
    expect(wartimeBannerText({ reason: '防汛', endsAt: '2026-12-01T00:00:00Z' })).toBe(
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
    { id: 1, label: '湖东路加油站' },
    { id: 2, label: '平湖小学' },
  ];
  it('needs every item answered and a note for a change', () => {
    expect(reportProblem('', items, [], false)).toContain('湖东路加油站');
    const answers = [
      { itemId: 1, result: 'found' as const, note: '' },
      { itemId: 2, result: 'changed' as const, note: ' ' },
    ];
    expect(reportProblem('', items, answers, false)).toContain('有变化');
    answers[1].note = '大门换了位置';
    expect(reportProblem('', items, answers, false)).toBeNull();
    expect(reportProblem('', items, answers, true)).toContain('上传');
  });
  it('sends a count of the findings when a 摸排 is left without words', () => {
    const answers = [
      { itemId: 1, result: 'found' as const, note: '' },
      { itemId: 2, result: 'changed' as const, note: '换了门岗' },
    ];
    expect(reportTextOf('  ', answers)).toBe('摸排 2 项：有 1，无 0，有变化 1');
    expect(reportTextOf(' 已核对 ', answers)).toBe('已核对');
    expect(reportTextOf('已到场', [])).toBe('已到场');
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

describe('the send form as a request and a plan', () => {
  const draft = {
    ...EMPTY_CALLUP_DRAFT,
    kind: 'verification' as const,
    title: ' 重点单位摸排 ',
    task: '逐一核对',
    unitId: 9,
    skills: ['安检' as const],
    radiusM: 1000,
    centreLat: '31.66',
    centreLng: '118.50',
    wanted: '3',
    rallyAddress: '平湖派出所',
    rallyLat: '31.6612',
    rallyLng: '118.5037',
    deadlineMinutes: 120,
    items: '湖东加油站\n平湖小学',
    planName: '平湖摸排',
  };
  it('sends the target, rally point and a deadline counted from now', () => {
    const body = callupRequestOf(draft, 'cu-1', NOW);
    expect(body).toMatchObject({
      requestId: 'cu-1',
      kind: 'verification',
      title: '重点单位摸排',
      rally: { address: '平湖派出所', lat: 31.6612, lng: 118.5037 },
      target: { unitId: 9, skills: ['安检'], radius: { lat: 31.66, lng: 118.5, radiusM: 1000 } },
      wanted: 3,
      items: ['湖东加油站', '平湖小学'],
    });
    expect(body.deadlineAt).toBe(at(120));
    expect(body).not.toHaveProperty('mode');
    expect(callupRequestOf({ ...draft, mode: 'wartime' }, 'x', NOW).mode).toBe('wartime');
    expect(targetOf({ ...draft, centreLat: '' })).toBeNull();
  });
  it('saves a plan and reads it back as the same draft', () => {
    const plan = planRequestOf(draft);
    expect(plan).toMatchObject({ name: '平湖摸排', deadlineMinutes: 120, mode: null });
    expect(plan).not.toHaveProperty('requestId');
    const back = draftFromPlan({
      ...plan,
      id: 1,
      ownerUnitId: 9,
      ownerUnitName: '平湖派出所',
      targetName: '平湖派出所',
      rally: { ...plan.rally, radiusM: 500 },
      wanted: 3,
      items: [
        { id: 1, label: '湖东加油站' },
        { id: 2, label: '平湖小学' },
      ],
      mode: null,
      createdAt: at(0),
      updatedAt: at(0),
    });
    expect(back).toEqual({ ...draft, title: '重点单位摸排', centreLng: '118.5', teamId: null, tiers: [] });
  });
  it('lists branches, stations and communities of the officer top down', () => {
    const node = (id: number, name: string, level: string, children: unknown[] = []) =>
      ({ id, code: String(id), name, level, parentId: null, children }) as never;
    expect(
      unitOptions([
        node(1, '雨山分局', 'branch', [node(2, '平湖派出所', 'station', [node(3, '平湖社区', 'community')])]),
      ]),
    ).toEqual([
      { id: 1, name: '雨山分局', level: 'branch', hint: '分局' },
      { id: 2, name: '平湖派出所', level: 'station', hint: '派出所 · 雨山分局' },
      { id: 3, name: '平湖社区', level: 'community', hint: '社区 · 平湖派出所' },
    ]);
  });
});

describe('the live board and war-time', () => {
  const person = (status: string, mins: Partial<Record<string, number>>) => ({
    status: status as never,
    askedAt: at(0),
    acceptedAt: mins.accepted === undefined ? null : at(mins.accepted),
    arrivedAt: mins.arrived === undefined ? null : at(mins.arrived),
    reportedAt: mins.reported === undefined ? null : at(mins.reported),
    declinedAt: null,
  });
  it('groups people by where they stand, earliest first, with the time that put them there', () => {
    const groups = boardGroups([
      person('accepted', { accepted: 5 }),
      person('accepted', { accepted: 2 }),
      person('reported', { accepted: 1, arrived: 3, reported: 9 }),
      person('asked', {}),
    ]);
    expect(groups.map((g) => [g.group, g.people.map((p) => p.at)])).toEqual([
      ['已接受', [at(2), at(5)]],
      ['已到达', []],
      ['已反馈', [at(9)]],
      ['未响应', [at(0)]],
      ['不能参加', []],
    ]);
  });
  it('shows the wanted count first only when set', () => {
    const counts = {
      asked: 5,
      reachedPush: 3,
      reachedSms: 5,
      unreachablePush: 2,
      accepted: 2,
      declined: 1,
      arrived: 1,
      reported: 0,
    };
    expect(boardFigures({ ...counts, wanted: null })[0]).toEqual({ label: '已通知', value: 5 });
    expect(boardFigures({ ...counts, wanted: 4 })[0]).toEqual({ label: '需要', value: 4 });
  });
  it('offers the other branches to draw from', () => {
    const stations = [
      { parentId: 1, name: '平湖派出所' },
      { parentId: 2, name: '解放路派出所' },
      { parentId: 2, name: '采石派出所' },
      { parentId: 2, name: '金家庄派出所' },
    ];
    expect(branchOptions(stations, 1)).toEqual([{ id: 2, label: '辖解放路派出所、采石派出所等 3 个所的分局' }]);
  });
  it('declares war-time from now or from a Shanghai date and time', () => {
    expect(wartimePeriod({ date: '', time: '' }, 24, NOW)).toEqual({ startsAt: at(0), endsAt: at(24 * 60) });
    expect(wartimePeriod({ date: '2026-12-01', time: '08:00' }, 6, NOW)).toEqual({
      startsAt: '2026-12-01T00:00:00.000Z',
      endsAt: '2026-12-01T06:00:00.000Z',
    });
    expect(wartimePeriod({ date: '2026-12-01', time: '' }, 6, NOW)).toBeNull();
  });
});
