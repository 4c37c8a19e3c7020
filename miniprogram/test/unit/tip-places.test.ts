import { describe, expect, it } from 'vitest';
import type { TipMapPoint } from '@jianghuai/shared';
import {
  ANY,
  mapCenter,
  placeLine,
  placeMapOptions,
  placesCountText,
  placesFilters,
  placesNearestFirst,
  placeTitle,
  tipMarkers,
} from '../../src/logic/tip-places';

const point = (over: Partial<TipMapPoint> & { id: number }): TipMapPoint => ({
  lat: 31.6612,
  lng: 118.5037,
  address: '平湖小区东门',
  category: 'suspicious_person',
  urgency: 'normal',
  status: 'submitted',
  escalated: false,
  createdAt: '2026-11-30T02:00:00.000Z',
  ...over,
});
// 平湖派出所 and points about 0.5 km, 1.1 km and 4 km from it (GCJ-02)
const station = { lat: 31.6612, lng: 118.5037 };
const near = point({ id: 1, lat: 31.6657, createdAt: '2026-11-30T01:00:00.000Z' });
const mid = point({ id: 2, lat: 31.6711, urgency: 'urgent', createdAt: '2026-11-30T03:00:00.000Z' });
const far = point({ id: 3, lat: 31.6972, category: 'dispute', createdAt: '2026-11-30T04:00:00.000Z' });

describe('tip places', () => {
  it('turns the queue chips into the route filters, leaving out 全部', () => {
    expect(placesFilters({ status: ANY, urgency: ANY, category: ANY })).toEqual({});
    expect(placesFilters({ status: 'accepted', urgency: 'urgent', category: ANY })).toEqual({
      status: 'accepted',
      urgency: 'urgent',
    });
    expect(placesFilters({ status: ANY, urgency: ANY, category: 'dispute' })).toEqual({ category: 'dispute' });
  });

  it('orders nearest first when the officer is located, urgent first at the same distance', () => {
    const rows = placesNearestFirst([far, mid, near], station);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(rows[0].distanceM).toBeGreaterThan(450);
    expect(rows[0].distanceM).toBeLessThan(550);
    expect(rows[1].distanceM).toBeGreaterThan(1050);
    expect(rows[1].distanceM).toBeLessThan(1150);
    expect(rows[2].distanceM).toBeGreaterThan(3900);
    const twin = point({ id: 4, lat: near.lat, urgency: 'urgent' });
    expect(placesNearestFirst([near, twin], station).map((r) => r.id)).toEqual([4, 1]);
  });

  it('without a position: urgent first, then the newest, and no distance', () => {
    const rows = placesNearestFirst([near, far, mid], null);
    expect(rows.map((r) => r.id)).toEqual([2, 3, 1]);
    expect(rows.every((r) => r.distanceM === null)).toBe(true);
  });

  it('says what and where in words', () => {
    expect(placeTitle(mid)).toBe('紧急 · 可疑人员 · 已提交');
    expect(placeTitle(far)).toBe('矛盾纠纷 · 已提交');
    expect(placeLine({ ...near, distanceM: 850 })).toBe('约 850 米 · 平湖小区东门');
    expect(placeLine({ ...near, address: null, distanceM: 1234 })).toBe('约 1.2 公里 · 未填地址');
    expect(placeLine({ ...near, distanceM: null })).toBe('平湖小区东门');
    expect(placesCountText(2, 2)).toBe('共 2 处有位置的线索');
    expect(placesCountText(300, 345)).toBe('显示最新的 300 处（共 345 处有位置的线索）');
  });

  it('makes a marker per place: red bubble always open for urgent ones, on a tap for the others', () => {
    const [m1, m2] = tipMarkers([near, mid]);
    expect(m1).toMatchObject({ id: 1, latitude: near.lat, longitude: near.lng, title: '可疑人员 · 已提交' });
    expect(m1.callout).toMatchObject({ display: 'BYCLICK', bgColor: '#0b3d91' });
    expect(m2.callout).toMatchObject({ display: 'ALWAYS', bgColor: '#b42318', content: '紧急 · 可疑人员 · 已提交' });
  });

  it('centres the map on the officer, else on the middle of the places', () => {
    expect(mapCenter([near, far], station)).toEqual(station);
    const c = mapCenter([near, far], null);
    expect(c?.lat).toBeCloseTo((near.lat + far.lat) / 2, 6);
    expect(mapCenter([], null)).toBeNull();
    expect(placeMapOptions(mid)).toEqual({
      latitude: mid.lat,
      longitude: mid.lng,
      name: '紧急 · 可疑人员 · 已提交',
      address: '平湖小区东门',
      scale: 16,
    });
  });
});
