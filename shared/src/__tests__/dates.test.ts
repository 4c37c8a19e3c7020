import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addCalendarDays, businessDate, businessDateTime, startOfBusinessDay } from '../dates.js';
import { isoWeekOf, isoWeekRange } from '../activities.js';

test('business date: at 15:30 UTC Shanghai is on the same date, at 23:30 UTC already on the next', () => {
  assert.equal(businessDate(new Date('2026-11-30T15:30:00Z')), '2026-11-30');
  assert.equal(businessDate(new Date('2026-11-30T23:30:00Z')), '2026-12-01');
  assert.equal(businessDate(new Date('2026-12-31T16:00:00Z')), '2027-01-01');
  assert.equal(businessDate(new Date('2026-11-30T23:30:00Z'), 'Europe/London'), '2026-11-30');
});

test('the wall-clock minute of an instant in the business zone', () => {
  assert.equal(businessDateTime(new Date('2026-11-30T01:00:00Z')), '2026-11-30 09:00');
  assert.equal(businessDateTime(new Date('2026-11-30T23:30:59Z')), '2026-12-01 07:30');
  assert.equal(businessDateTime(new Date('2026-07-01T08:05:00Z'), 'Europe/London'), '2026-07-01 09:05');
  assert.equal(businessDateTime(new Date('2026-12-01T08:05:00Z'), 'Europe/London'), '2026-12-01 08:05');
});

test('calendar days across months and years', () => {
  assert.equal(addCalendarDays('2026-12-01', 365), '2027-12-01');
  assert.equal(addCalendarDays('2028-02-28', 1), '2028-02-29');
  assert.equal(addCalendarDays('2027-01-01', -1), '2026-12-31');
});

test('a business day begins at midnight in its zone', () => {
  assert.equal(startOfBusinessDay('2026-12-01').toISOString(), '2026-11-30T16:00:00.000Z');
  assert.equal(startOfBusinessDay('2026-12-01', 'Europe/London').toISOString(), '2026-12-01T00:00:00.000Z');
  assert.equal(startOfBusinessDay('2026-07-01', 'Europe/London').toISOString(), '2026-06-30T23:00:00.000Z');
  assert.equal(startOfBusinessDay('2026-03-29', 'Europe/London').toISOString(), '2026-03-29T00:00:00.000Z'); // the clocks go forward at 01:00
  assert.equal(startOfBusinessDay('2026-11-30', 'America/New_York').toISOString(), '2026-11-30T05:00:00.000Z');
  assert.equal(businessDate(startOfBusinessDay('2026-12-01')), '2026-12-01');
});

test('ISO weeks by the business date: Sunday 16:30 UTC is already Monday of the next week in Shanghai, not in London', () => {
  assert.equal(isoWeekOf(new Date('2026-11-29T16:30:00Z')), '2026-W49');
  assert.equal(isoWeekOf(new Date('2026-11-29T16:30:00Z'), 'Europe/London'), '2026-W48');
  assert.equal(isoWeekRange('2026-W49')?.from.toISOString(), '2026-11-29T16:00:00.000Z');
  assert.equal(isoWeekRange('2026-W49', 'Europe/London')?.from.toISOString(), '2026-11-30T00:00:00.000Z');
  assert.equal(isoWeekRange('2026-W27', 'Europe/London')?.from.toISOString(), '2026-06-28T23:00:00.000Z');
  assert.equal(isoWeekRange('2025-W53', 'Europe/London'), null);
});
