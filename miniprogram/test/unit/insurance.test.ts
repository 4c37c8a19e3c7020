/** 我的保险 and choosing volunteers to enrol: cover states in Shanghai dates, tick boxes, the result line. */
import { describe, expect, it } from 'vitest';
import {
  candidateCover,
  coverPeriod,
  coverState,
  enrolResultLine,
  myCoverViews,
  toggleAllShown,
  toggleId,
} from '../../src/logic/insurance';

const NIGHT = new Date('2026-11-30T23:30:00Z'); // 07:30 on 1 December in Shanghai, still the 30th in UTC
// cover of one Shanghai year: 2026-01-01 00:00 to 2026-12-31 23:59:59 (+08:00)
const YEAR = { validFrom: '2025-12-31T16:00:00.000Z', validTo: '2026-12-31T15:59:59.000Z' };

describe('coverState', () => {
  it('is 即将到期 when the last Shanghai day is within 30 days, else 有效; 未生效 before, 已过期 after', () => {
    expect(coverState(YEAR, NIGHT)).toBe('expiring'); // 2026-12-31 is 30 days after 2026-12-01
    expect(coverState(YEAR, new Date('2026-11-30T15:30:00Z'))).toBe('active'); // 23:30 on 30 Nov: 31 days left
    expect(coverState(YEAR, new Date('2025-12-31T15:59:00Z'))).toBe('upcoming');
    expect(coverState(YEAR, new Date('2026-12-31T16:00:00Z'))).toBe('expired'); // midnight in Shanghai
    expect(coverState(YEAR, new Date('2026-12-31T15:59:59Z'))).toBe('expiring');
  });

  it('shows the period in Shanghai dates, whatever the phone zone', () => {
    expect(coverPeriod(YEAR)).toBe('2026-01-01 至 2026-12-31');
  });
});

describe('myCoverViews', () => {
  it('puts cover in force first (latest end first) and past cover apart, each with its label and meaning', () => {
    const views = myCoverViews(
      {
        policies: [
          {
            id: 1,
            insurer: '旧保险',
            policyNo: 'OLD-1',
            validFrom: '2024-12-31T16:00:00Z',
            validTo: '2025-12-31T15:59:59Z',
            activeNow: false,
          },
          { id: 2, insurer: '人保', policyNo: 'PICC-2', ...YEAR, activeNow: true },
          {
            id: 3,
            insurer: '国寿',
            policyNo: 'GS-3',
            validFrom: '2026-06-30T16:00:00Z',
            validTo: '2027-06-30T15:59:59Z',
            activeNow: true,
          },
        ],
      },
      NIGHT,
    );
    expect(views.current.map((v) => [v.policyNo, v.label])).toEqual([
      ['GS-3', '有效'],
      ['PICC-2', '即将到期'],
    ]);
    expect(views.current[0].note).toContain('可以报名高风险活动');
    expect(views.current[1].note).toContain('续保');
    expect(views.past.map((v) => [v.policyNo, v.label, v.period])).toEqual([
      ['OLD-1', '已过期', '2025-01-01 至 2025-12-31'],
    ]);
    expect(myCoverViews({ policies: [] }, NIGHT)).toEqual({ current: [], past: [] });
  });
});

describe('choosing volunteers', () => {
  it('ticks one, then all shown, and unticks all shown when all were ticked', () => {
    const one = toggleId(new Set(), 5);
    expect([...one]).toEqual([5]);
    expect([...toggleId(one, 5)]).toEqual([]);
    const all = toggleAllShown(new Set([9]), [5, 6, 7]);
    expect([...all].sort()).toEqual([5, 6, 7, 9]);
    expect([...toggleAllShown(all, [5, 6, 7])]).toEqual([9]);
    expect([...toggleAllShown(new Set([5]), [])]).toEqual([5]);
  });

  it('says what the enrolment did and what each candidate has', () => {
    expect(enrolResultLine({ enrolled: 2, alreadyInsured: 1, insuredCount: 7 })).toBe(
      '新投保 2 人，已在保 1 人。本保单现共 7 人。',
    );
    expect(candidateCover({ inPolicy: true, coveredUntil: '2026-12-31T15:59:59Z' })).toBe('已在本保单');
    expect(candidateCover({ inPolicy: false, coveredUntil: '2026-12-31T15:59:59Z' })).toBe('另有保险，至 2026-12-31');
    expect(candidateCover({ inPolicy: false, coveredUntil: null })).toBe('未投保');
  });
});
