import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, validateIdCard, type ApplicationResponse } from '@jianghuai/shared';
import {
  applicationStatusView,
  approveBlocker,
  approveLabel,
  buildCriminalCheck,
  creditCodeProblem,
  criminalCheckLine,
  flattenOrg,
  inactivityWarning,
  joinRateText,
  queueBadges,
  rejectReasonProblem,
  rosterErrorLines,
  shanghaiNow,
  skillExpiryLabel,
  starsLabel,
  waitingLabel,
} from '../../src/logic/enrolment-view';

describe('applicationStatusView (what the applicant reads)', () => {
  it('pending: says who is reviewing, and that green needs one step', () => {
    expect(
      applicationStatusView({ status: 'pending_review', green: false, rejectReason: null, memberNo: null }),
    ).toMatchObject({
      tone: 'waiting',
      title: '已提交，等待审核',
      canResubmit: false,
    });
    expect(
      applicationStatusView({ status: 'pending_review', green: true, rejectReason: null, memberNo: null }).detail,
    ).toContain('绿色通道');
    expect(
      applicationStatusView({ status: 'pending_approval', green: false, rejectReason: null, memberNo: null }).title,
    ).toContain('分局审批');
  });

  it('rejected: shows the reason and offers to correct and resubmit', () => {
    const view = applicationStatusView({
      status: 'rejected',
      green: false,
      rejectReason: '驻勤点填错了',
      memberNo: null,
    });
    expect(view).toMatchObject({ tone: 'bad', reason: '驻勤点填错了', canResubmit: true });
    expect(
      applicationStatusView({ status: 'rejected', green: false, rejectReason: ' ', memberNo: null }).reason,
    ).toContain('联系所在派出所');
  });

  it('approved: the member number and the way to the card', () => {
    expect(
      applicationStatusView({ status: 'approved', green: false, rejectReason: null, memberNo: 'MAS2026000003' }),
    ).toMatchObject({
      tone: 'good',
      detail: '您的义警编号：MAS2026000003',
      showCard: true,
    });
  });
});

describe('review queue wording', () => {
  const now = Date.parse('2026-03-10T12:00:00Z');
  it('waitingLabel counts whole days since submit', () => {
    expect(waitingLabel('2026-03-10T08:00:00Z', now)).toBe('今天提交');
    expect(waitingLabel('2026-03-06T11:00:00Z', now)).toBe('已等待 4 天');
    expect(waitingLabel('nonsense', now)).toBe('');
  });

  it('badges say 绿色通道 and overdue in words; a decided one is never overdue', () => {
    const base = { green: false, overdue: false, stage: 'review' as const, stepsTotal: 2 as const, resubmissions: 0 };
    expect(queueBadges(base)).toEqual([]);
    expect(queueBadges({ ...base, green: true, stepsTotal: 1 }).map((b) => b.text)).toEqual(['绿色通道 · 一步审核']);
    expect(queueBadges({ ...base, overdue: true })).toEqual([{ text: '已超时，请尽快处理', kind: 'warn' }]);
    expect(queueBadges({ ...base, overdue: true, stage: null as never })).toEqual([]);
    expect(queueBadges({ ...base, resubmissions: 1 })[0].text).toContain('第 2 次');
  });

  it('approve says what it does at this step', () => {
    expect(approveLabel({ stage: 'review', stepsTotal: 2 })).toBe('初审通过，报分局审批');
    expect(approveLabel({ stage: 'review', stepsTotal: 1 })).toBe('审批通过，成为义警');
    expect(approveLabel({ stage: 'approval', stepsTotal: 2 })).toBe('审批通过，成为义警');
  });

  it('approve is blocked until a clear criminal-record check is recorded', () => {
    const check = {
      result: 'clear' as const,
      checkedBy: '王所长',
      checkedAt: '2026-03-10T02:00:00Z',
      note: null,
      recordedBy: { id: 1, name: '王所长' },
      recordedAt: '2026-03-10T02:00:00Z',
    };
    expect(approveBlocker({ stage: 'review', criminalCheck: null }, true)).toContain('先记录');
    expect(approveBlocker({ stage: 'review', criminalCheck: { ...check, result: 'record' } }, true)).toContain(
      '不能审批通过',
    );
    expect(approveBlocker({ stage: 'approval', criminalCheck: check }, false)).toContain('分局');
    expect(approveBlocker({ stage: 'review', criminalCheck: check }, true)).toBeNull();
    expect(criminalCheckLine({ criminalCheck: check } as ApplicationResponse)).toBe(
      '无违法犯罪记录（核查人 王所长，2026-03-10 10:00；王所长 记录）',
    );
  });
});

describe('buildCriminalCheck', () => {
  const now = Date.parse('2026-03-10T04:00:00Z'); // 12:00 in Shanghai
  it('records who, when (Shanghai time) and the result', () => {
    const built = buildCriminalCheck(
      { result: 'clear', checkedBy: ' 王所长 ', date: '2026-03-10', time: '09:30', note: '' },
      now,
    );
    expect(built).toEqual({
      ok: true,
      body: { result: 'clear', checkedBy: '王所长', checkedAt: '2026-03-10T01:30:00.000Z', note: null },
    });
  });
  it('refuses a missing result, checker, or a time in the future', () => {
    expect(
      buildCriminalCheck({ result: null, checkedBy: 'a', date: '2026-03-10', time: '09:00', note: '' }, now),
    ).toMatchObject({ ok: false, field: 'result' });
    expect(
      buildCriminalCheck({ result: 'clear', checkedBy: ' ', date: '2026-03-10', time: '09:00', note: '' }, now),
    ).toMatchObject({ ok: false, field: 'checkedBy' });
    expect(
      buildCriminalCheck({ result: 'clear', checkedBy: 'a', date: '2026-03-10', time: '13:00', note: '' }, now),
    ).toMatchObject({
      ok: false,
      message: '核查时间不能晚于当前时间',
    });
  });
  it('defaults the pickers to now in Asia/Shanghai', () => {
    expect(shanghaiNow(Date.parse('2026-03-09T17:05:00Z'))).toEqual({ date: '2026-03-10', time: '01:05' });
  });
  it('a reject reason must say something', () => {
    expect(rejectReasonProblem('')).toContain('请填写');
    expect(rejectReasonProblem('不行')).toContain('太简短');
    expect(rejectReasonProblem('驻勤点填写有误')).toBeNull();
  });
});

describe('member card lines', () => {
  it('stars, certificate expiry and the inactivity warning in words', () => {
    expect(starsLabel(0)).toContain('尚未评星');
    expect(starsLabel(3)).toBe('★★★☆☆ 3 星');
    expect(skillExpiryLabel({ expiresOn: null, expired: false, expiresSoon: false })).toBe('长期有效');
    expect(skillExpiryLabel({ expiresOn: '2026-01-01', expired: true, expiresSoon: false })).toContain(
      '已于 2026-01-01 过期',
    );
    expect(skillExpiryLabel({ expiresOn: '2026-04-01', expired: false, expiresSoon: true })).toContain('将于');
    expect(inactivityWarning(null)).toBeNull();
    expect(inactivityWarning(90)).toBeNull();
    expect(inactivityWarning(12)).toContain('12 天后');
  });
});

describe('company manager, companies, roster', () => {
  it('join rate says how far from the target', () => {
    expect(joinRateText({ rosterSize: 4, joinedCount: 2, joinRate: 0.5, target: 0.8 })).toEqual({
      met: false,
      text: '入会率 50%（2/4 人），目标 80%，还差 2 人达标。',
    });
    expect(joinRateText({ rosterSize: 5, joinedCount: 4, joinRate: 0.8, target: 0.8 }).met).toBe(true);
    expect(joinRateText({ rosterSize: 0, joinedCount: 0, joinRate: 0, target: 0.6 }).text).toContain(
      '花名册还没有导入',
    );
  });

  it('credit code: length, alphabet and check character', () => {
    const first17 = '91340500MA2N1WAA0';
    expect(creditCodeProblem(first17 + creditCodeCheckChar(first17))).toBeNull();
    expect(creditCodeProblem('91340500MA2N1WAA0F')).toBeNull();
    expect(creditCodeProblem('91340500MA2N1WAA0G')).toContain('校验位');
    expect(creditCodeProblem('91340500MA2N1WAAOF')).toContain('格式');
    expect(creditCodeProblem('9134')).toContain('已输入 4 位');
  });

  it('roster row errors are listed by row number', () => {
    const lines = rosterErrorLines({
      errors: [
        { row: 5, column: '身份证号', message: '身份证号校验位错误' },
        { row: 3, column: null, message: '与文件中前面的行身份证号重复', firstRow: 2 },
      ],
    });
    expect(lines).toEqual([
      '第 3 行：与文件中前面的行身份证号重复（与第 2 行重复）',
      '第 5 行「身份证号」：身份证号校验位错误',
    ]);
    expect(rosterErrorLines(null)).toEqual([]);
  });

  it('flattens the org tree for pickers', () => {
    const tree = [
      {
        id: 1,
        name: '雨山分局',
        level: 'branch',
        children: [
          {
            id: 2,
            name: '平湖派出所',
            level: 'station',
            children: [{ id: 3, name: '平湖社区', level: 'community', children: [] }],
          },
        ],
      },
    ];
    expect(flattenOrg(tree, 'station')).toEqual([
      { id: 2, name: '平湖派出所', level: 'station', label: '雨山分局 › 平湖派出所' },
    ]);
    expect(flattenOrg(tree).map((o) => o.id)).toEqual([1, 2, 3]);
  });
});

describe('journey data', () => {
  it('the non-green demo applicant has a valid ID number', () => {
    expect(validateIdCard('340504199203074512').ok).toBe(true);
  });
});
