import { Clock } from '../../common/clock/clock.js';
import { expiresAt, planPost } from './points-rules.js';

describe('points rules', () => {
  it('a credit is entered whole; a debit the balance covers is entered whole', () => {
    expect(planPost('activity', 30, { balance: 0, debt: 40 })).toEqual({ amount: 30, debtAdded: 0, refused: false });
    expect(planPost('redemption', -10, { balance: 10, debt: 0 })).toEqual({
      amount: -10,
      debtAdded: 0,
      refused: false,
    });
  });

  it('a debit past the balance is refused, except a reversal, which takes what is left and leaves the rest as debt', () => {
    for (const type of ['redemption', 'adjustment', 'expiry', 'debt_repayment'] as const)
      expect(planPost(type, -11, { balance: 10, debt: 0 }).refused).toBe(true);
    expect(planPost('reversal', -50, { balance: 10, debt: 0 })).toEqual({ amount: -10, debtAdded: 40, refused: false });
    expect(planPost('reversal', -50, { balance: 0, debt: 5 })).toEqual({ amount: 0, debtAdded: 50, refused: false });
  });

  it('end-of-second-year: credited in year Y (Shanghai), expires when Y+2 begins in Shanghai — both sides of 16:00 UTC', () => {
    const clock = new Clock('Asia/Shanghai');
    const at = (iso: string) => expiresAt('end-of-second-year', clock, new Date(iso))?.toISOString();
    // 23:59 on 31 December 2026 in Shanghai
    expect(at('2026-12-31T15:59:00Z')).toBe('2027-12-31T16:00:00.000Z');
    // 00:01 on 1 January 2027 in Shanghai, still 2026 in UTC
    expect(at('2026-12-31T16:01:00Z')).toBe('2028-12-31T16:00:00.000Z');
    expect(expiresAt('none', clock, new Date('2026-06-01T00:00:00Z'))).toBeNull();
  });
});
