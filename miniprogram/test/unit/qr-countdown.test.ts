import { describe, expect, it } from 'vitest';
import { countdownPercent, groupToken, secondsLeft, shouldRefresh, validForMs } from '../../src/logic/qr-countdown';

describe('QR countdown', () => {
  const state = { token: 't', receivedAt: 1_000_000, validForMs: 30_000 };
  it('counts 30 … 1 then 0, rounding up', () => {
    expect(secondsLeft(state, 1_000_000)).toBe(30);
    expect(secondsLeft(state, 1_000_001)).toBe(30);
    expect(secondsLeft(state, 1_029_001)).toBe(1);
    expect(secondsLeft(state, 1_030_000)).toBe(0);
    expect(secondsLeft(state, 1_090_000)).toBe(0);
  });
  it('refreshes when there is no token or its time is up', () => {
    expect(shouldRefresh(null, 0)).toBe(true);
    expect(shouldRefresh(state, 1_015_000)).toBe(false);
    expect(shouldRefresh(state, 1_030_000)).toBe(true);
  });
  it('valid time comes from refreshAt, clamped to one slot and at least a second', () => {
    const serverNow = Date.parse('2026-11-29T01:00:10Z');
    expect(validForMs('2026-11-29T01:00:30Z', 30, serverNow)).toBe(20_000);
    // A phone clock far behind would claim minutes: never more than the slot.
    expect(validForMs('2026-11-29T01:05:00Z', 30, serverNow)).toBe(30_000);
    // A phone clock ahead would claim a negative time: wait a second, then fetch again.
    expect(validForMs('2026-11-29T01:00:00Z', 30, serverNow)).toBe(1000);
    expect(validForMs('garbage', 30, serverNow)).toBe(30_000);
    expect(validForMs('2026-11-29T01:00:30Z', 30, null)).toBe(30_000);
  });
  it('progress bar and grouping for reading aloud', () => {
    expect(countdownPercent(15, 30)).toBe(50);
    expect(countdownPercent(40, 30)).toBe(100);
    expect(countdownPercent(0, 0)).toBe(0);
    expect(groupToken('12.5988.abcdefgh')).toBe('12.5 988. abcd efgh');
  });
});
