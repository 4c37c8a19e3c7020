import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ALERT_RADIUS_MAX_M,
  ALERT_RADIUS_MIN_M,
  ALERT_TARGET_KINDS,
  ALERT_TARGET_LABELS,
  alertSmsRef,
  distanceMeters,
} from '../index.js';

test('every warning target has a Chinese label', () => {
  for (const kind of ALERT_TARGET_KINDS) assert.ok(ALERT_TARGET_LABELS[kind]);
});

test('a radius is 100 m to 5 km; 0.001° of latitude is 111.19 m (the figure the tests are computed with)', () => {
  assert.equal(ALERT_RADIUS_MIN_M, 100);
  assert.equal(ALERT_RADIUS_MAX_M, 5000);
  const d = distanceMeters({ lat: 31.6518, lng: 118.4876 }, { lat: 31.6528, lng: 118.4876 });
  assert.ok(Math.abs(d - 111.19) < 0.01, `${d}`);
});

test('a warning’s texts share one ref per warning', () => {
  assert.equal(alertSmsRef(12), 'early_warning:12');
});
