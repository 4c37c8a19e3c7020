import { describe, expect, it } from 'vitest';
import { adjustmentDone, adjustmentInput } from '../../src/logic/points';

describe('积分调整 input', () => {
  it('sends a signed whole number and the trimmed reason', () => {
    expect(adjustmentInput('add', ' 15 ', ' 补录巡逻 ')).toEqual({ amount: 15, reason: '补录巡逻' });
    expect(adjustmentInput('take', '1000', '重复登记')).toEqual({ amount: -1000, reason: '重复登记' });
  });

  it('says what to fix: 1–1000 whole points, a reason of 2–100 characters', () => {
    for (const bad of ['', '0', '1001', '2.5', '-3', 'abc'])
      expect(adjustmentInput('add', bad, '原因')).toEqual({ problem: '请填写 1 到 1000 之间的整数积分' });
    expect(adjustmentInput('add', '5', ' 好 ')).toEqual({ problem: '请填写调整原因（至少 2 个字）' });
    expect(adjustmentInput('add', '5', '长'.repeat(101))).toEqual({ problem: '调整原因最多 100 个字' });
  });

  it('tells the officer what was done and the balance after', () => {
    expect(adjustmentDone(15, 40)).toBe('已增加 15 积分，该义警现有 40 积分，已记入操作日志。');
    expect(adjustmentDone(-5, 35)).toBe('已扣减 5 积分，该义警现有 35 积分，已记入操作日志。');
  });
});
