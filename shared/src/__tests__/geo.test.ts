import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceMeters, gcj02ToWgs84, wgs84ToGcj02 } from '../geo.js';

// Published WGS-84 → GCJ-02 reference points (Shanghai, Shenzhen, Beijing).
const REFERENCE = [
  { wgs: { lat: 31.1774276, lng: 121.5272106 }, gcj: { lat: 31.17530398364597, lng: 121.531541859215 } },
  { wgs: { lat: 22.543847, lng: 113.912316 }, gcj: { lat: 22.540796131694766, lng: 113.9171764808363 } },
  { wgs: { lat: 39.911954, lng: 116.377817 }, gcj: { lat: 39.91334545536069, lng: 116.38404722455657 } },
];

test('WGS-84 → GCJ-02 matches the reference points to under 10 cm', () => {
  for (const { wgs, gcj } of REFERENCE) assert.ok(distanceMeters(wgs84ToGcj02(wgs), gcj) < 0.1, JSON.stringify(wgs));
});

test('in Ma’anshan the datums are several hundred metres apart — more than a check-in radius', () => {
  const gps = { lat: 31.6705, lng: 118.5065 };
  const shift = distanceMeters(gps, wgs84ToGcj02(gps));
  assert.ok(shift > 300 && shift < 800, String(shift));
});

test('GCJ-02 → WGS-84 inverts the conversion to a centimetre', () => {
  for (const { wgs, gcj } of REFERENCE) assert.ok(distanceMeters(gcj02ToWgs84(gcj), wgs) < 0.01, JSON.stringify(gcj));
});

test('outside China nothing moves', () => {
  for (const p of [
    { lat: 0, lng: 0 },
    { lat: 48.8584, lng: 2.2945 },
    { lat: 35.6586, lng: 139.7454 },
  ]) {
    assert.deepEqual(wgs84ToGcj02(p), p);
    assert.deepEqual(gcj02ToWgs84(p), p);
  }
});
