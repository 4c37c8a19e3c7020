import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attendancePoints, isInsideCheckinArea, isoWeekOf, isoWeekRange, overlapMinutes } from '../activities.js';
import { businessDate } from '../dates.js';

test('geofence: the radius plus the reported accuracy, capped', () => {
  assert.equal(isInsideCheckinArea(300, 300, 0, 100), true);
  assert.equal(isInsideCheckinArea(300.5, 300, 0, 100), false);
  assert.equal(isInsideCheckinArea(350, 300, 60, 100), true);
  assert.equal(isInsideCheckinArea(450, 300, 500, 100), false);
  assert.equal(isInsideCheckinArea(400, 300, 500, 100), true);
  assert.equal(isInsideCheckinArea(301, 300, Number.NaN, 100), true);
});

test('service minutes are the overlap with the activity window', () => {
  const t = (h: number, m = 0) => new Date(Date.UTC(2026, 11, 5, h, m));
  assert.equal(overlapMinutes(t(9, 40), t(12, 30), t(10), t(12)), 120);
  assert.equal(overlapMinutes(t(10, 15), t(11, 0), t(10), t(12)), 45);
  assert.equal(overlapMinutes(t(12, 10), t(13), t(10), t(12)), 0);
});

test('points: per hour pro rata and floored, per activity flat, times the factor', () => {
  assert.equal(attendancePoints('per_hour', 10, 150, 100), 25);
  assert.equal(attendancePoints('per_hour', 10, 59, 100), 9);
  assert.equal(attendancePoints('per_activity', 15, 5, 200), 30);
  assert.equal(attendancePoints('per_activity', 10, 0, 80), 8);
  assert.equal(attendancePoints('per_hour', 7, 60, 80), 5);
});

test('ISO weeks in Asia/Shanghai', () => {
  assert.equal(isoWeekOf(new Date('2026-11-29T12:00:00Z')), '2026-W48');
  // Monday 2026-11-30 00:30 in Shanghai is still Sunday in UTC
  assert.equal(isoWeekOf(new Date('2026-11-29T16:30:00Z')), '2026-W49');
  assert.equal(isoWeekOf(new Date('2021-01-03T04:00:00Z')), '2020-W53');
  assert.equal(isoWeekOf(new Date('2024-12-30T04:00:00Z')), '2025-W01');
  const r = isoWeekRange('2026-W48');
  assert.ok(r);
  assert.equal(r.from.toISOString(), '2026-11-22T16:00:00.000Z');
  assert.equal(r.to.toISOString(), '2026-11-29T16:00:00.000Z');
  assert.equal(isoWeekRange('2025-W53'), null);
  assert.equal(isoWeekRange('2026-W53')?.from.toISOString(), '2026-12-27T16:00:00.000Z');
  assert.equal(isoWeekRange('2020-W53')?.from.toISOString(), '2020-12-27T16:00:00.000Z');
  assert.equal(businessDate(new Date('2026-11-29T16:30:00Z')), '2026-11-30');
});
