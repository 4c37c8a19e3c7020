/**
 * Business dates in the mini-program at two fixed instants of one UTC day: 15:30 UTC (23:30 in
 * Shanghai, both calendars on the 30th) and 23:30 UTC (07:30 on the 1st in Shanghai, while the
 * UTC date is still the 30th). Every date shown or sent must be the Shanghai one, whatever the
 * phone's own zone.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recheckLine } from '../../src/logic/volunteer-edit';
import { shanghaiNow, waitingLabel } from '../../src/logic/enrolment-view';
import { issuedQuery, formatDate } from '../../src/logic/points-admin';
import { listQueryFor } from '../../src/logic/activities';
import { emptyForm } from '../../src/logic/activity-form';
import { emptyPolicyForm } from '../../src/logic/insurance-form';

const EVENING = new Date('2026-11-30T15:30:00Z'); // 23:30 on the 30th in Shanghai
const NIGHT = new Date('2026-11-30T23:30:00Z'); // 07:30 on 1 December in Shanghai

afterEach(() => vi.useRealTimers());

describe('business dates at 23:30 UTC (already the next day in Shanghai)', () => {
  it('the re-check line shows the Shanghai date of the check, not the UTC date of the instant', () => {
    // recorded "just now" at 07:30 Shanghai on 1 December; due a year later
    expect(
      recheckLine({ criminalCheckedAt: NIGHT.toISOString(), criminalCheckDueOn: '2027-12-01' }, '2026-12-01'),
    ).toBe('上次核查 2026-12-01；下次复核 2027-12-01 前');
    expect(
      recheckLine({ criminalCheckedAt: EVENING.toISOString(), criminalCheckDueOn: '2027-11-30' }, '2026-11-30'),
    ).toBe('上次核查 2026-11-30；下次复核 2027-11-30 前');
  });

  it('picker defaults are today in Shanghai', () => {
    expect(shanghaiNow(NIGHT.getTime())).toEqual({ date: '2026-12-01', time: '07:30' });
    expect(shanghaiNow(EVENING.getTime())).toEqual({ date: '2026-11-30', time: '23:30' });
    vi.useFakeTimers({ now: NIGHT, toFake: ['Date'] });
    expect(shanghaiNow().date).toBe('2026-12-01');
  });

  it('"今天提交" means the same Shanghai calendar day, not the last 24 hours', () => {
    // submitted 23:00 Shanghai on the 30th, looked at 07:30 on the 1st: it waited since yesterday
    expect(waitingLabel('2026-11-30T15:00:00Z', NIGHT.getTime())).toBe('已等待 1 天');
    expect(waitingLabel('2026-11-30T00:30:00Z', NIGHT.getTime())).toBe('已等待 1 天');
    expect(waitingLabel('2026-11-30T23:10:00Z', NIGHT.getTime())).toBe('今天提交');
    expect(waitingLabel('2026-11-29T16:10:00Z', EVENING.getTime())).toBe('今天提交');
  });

  it('points issued "this month" starts on the 1st of the Shanghai month', () => {
    expect(issuedQuery('month', NIGHT)).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(issuedQuery('month', EVENING)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(formatDate(NIGHT.toISOString())).toBe('2026-12-01');
  });

  it('the activity list "today" and "this week" filters use the Shanghai date', () => {
    const filters = { type: null, date: 'today' as const, nearKm: null, myStation: false };
    expect(listQueryFor(filters, { now: NIGHT, position: null, stationId: null }, 1, 20)).toMatchObject({
      from: '2026-12-01',
      to: '2026-12-01',
    });
    expect(
      listQueryFor({ ...filters, date: 'week' }, { now: NIGHT, position: null, stationId: null }, 1, 20),
    ).toMatchObject({ from: '2026-12-01', to: '2026-12-06' }); // 本周: Tuesday to Sunday
    expect(listQueryFor(filters, { now: EVENING, position: null, stationId: null }, 1, 20)).toMatchObject({
      from: '2026-11-30',
      to: '2026-11-30',
    });
  });

  it('a new activity defaults to tomorrow in Shanghai; a new policy starts today in Shanghai', () => {
    expect(emptyForm(NIGHT).startDate).toBe('2026-12-02');
    expect(emptyForm(EVENING).startDate).toBe('2026-12-01');
    expect(emptyPolicyForm(NIGHT)).toMatchObject({ validFrom: '2026-12-01', validTo: '2027-11-30' });
    expect(emptyPolicyForm(EVENING)).toMatchObject({ validFrom: '2026-11-30', validTo: '2027-11-29' });
  });
});
