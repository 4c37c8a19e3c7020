import {
  distanceMeters,
  TIP_CATEGORY_LABELS,
  type LatLng,
  type TipCategory,
  type TipMapPoint,
  type TipPlacesFilters,
  type TipStatus,
  type TipUrgency,
} from '@jianghuai/shared';
import { formatDistance } from './activities';
import { NAVIGATION_SCALE, type OpenLocationOptions } from './map-navigation';
import { tipStatusText } from './tips';

/** The 线索研判 queue's two views: the paged list, or the places (map in WeChat, nearest first everywhere). */
export type TipQueueView = 'list' | 'places';
export const TIP_QUEUE_VIEWS: readonly { value: TipQueueView; label: string }[] = [
  { value: 'list', label: '列表' },
  { value: 'places', label: '地图 · 按距离' },
];

/** The chip value meaning "no filter". */
export const ANY = 'all';

/** The queue's chips as the places route's filters (ANY leaves a filter out). */
export function placesFilters(chips: { status: string; urgency: string; category: string }): TipPlacesFilters {
  const f: TipPlacesFilters = {};
  if (chips.status !== ANY) f.status = chips.status as TipStatus;
  if (chips.urgency !== ANY) f.urgency = chips.urgency as TipUrgency;
  if (chips.category !== ANY) f.category = chips.category as TipCategory;
  return f;
}

export interface TipPlaceRow extends TipMapPoint {
  /** Metres from the officer; null while their position is unknown. */
  distanceM: number | null;
}

/**
 * Nearest first when the officer's position is known (GCJ-02, as the places); without it, urgent first and then
 * the newest, as the queue orders. Equal distances keep urgent before normal.
 */
export function placesNearestFirst(places: readonly TipMapPoint[], here: LatLng | null): TipPlaceRow[] {
  const rows = places.map((p) => ({ ...p, distanceM: here ? Math.round(distanceMeters(here, p)) : null }));
  const urgentFirst = (a: TipPlaceRow, b: TipPlaceRow) =>
    Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent');
  const newestFirst = (a: TipPlaceRow, b: TipPlaceRow) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id;
  return rows.sort((a, b) =>
    a.distanceM !== null && b.distanceM !== null
      ? a.distanceM - b.distanceM || urgentFirst(a, b) || newestFirst(a, b)
      : urgentFirst(a, b) || newestFirst(a, b),
  );
}

/** `紧急 · 可疑人员 · 已提交`: what the marker's bubble and the row's title say. */
export function placeTitle(p: TipMapPoint): string {
  return [p.urgency === 'urgent' ? '紧急' : null, TIP_CATEGORY_LABELS[p.category], tipStatusText(p.status)]
    .filter(Boolean)
    .join(' · ');
}

/** `约 850 米 · 平湖小区东门`; the address alone while the distance is unknown. */
export function placeLine(row: TipPlaceRow): string {
  const address = row.address || '未填地址';
  return row.distanceM === null ? address : `约 ${formatDistance(row.distanceM)} · ${address}`;
}

/** A marker of WeChat's <map>: the tip's id, its point and a bubble with what it is (tap: the tip). */
export interface TipMarker {
  id: number;
  latitude: number;
  longitude: number;
  title: string;
  iconPath: string;
  width: number;
  height: number;
  callout: {
    content: string;
    color: string;
    bgColor: string;
    fontSize: number;
    padding: number;
    borderRadius: number;
    borderWidth: number;
    borderColor: string;
    anchorX: number;
    anchorY: number;
    textAlign: 'left' | 'right' | 'center';
    display: 'ALWAYS' | 'BYCLICK';
  };
}

/** Urgent tips' bubbles are red and always open; the others open on a tap, so a busy map stays readable. */
export function tipMarkers(rows: readonly TipMapPoint[]): TipMarker[] {
  return rows.map((p) => ({
    id: p.id,
    latitude: p.lat,
    longitude: p.lng,
    title: placeTitle(p),
    iconPath: '',
    width: 30,
    height: 40,
    callout: {
      content: placeTitle(p),
      color: '#ffffff',
      bgColor: p.urgency === 'urgent' ? '#b42318' : '#0b3d91',
      fontSize: 16,
      padding: 8,
      borderRadius: 8,
      borderWidth: 0,
      borderColor: '#ffffff',
      anchorX: 0,
      anchorY: 0,
      textAlign: 'center',
      display: p.urgency === 'urgent' ? 'ALWAYS' : 'BYCLICK',
    },
  }));
}

/** Where the map opens: the officer when located, else the middle of the places; null with neither. */
export function mapCenter(rows: readonly TipMapPoint[], here: LatLng | null): LatLng | null {
  if (here) return { lat: here.lat, lng: here.lng };
  if (rows.length === 0) return null;
  const sum = rows.reduce((acc, p) => ({ lat: acc.lat + p.lat, lng: acc.lng + p.lng }), { lat: 0, lng: 0 });
  return { lat: sum.lat / rows.length, lng: sum.lng / rows.length };
}

/** `共 12 处`, or `最新的 300 处（共 345 处）` when the route returned only the newest. */
export function placesCountText(shown: number, total: number): string {
  return total > shown ? `显示最新的 ${shown} 处（共 ${total} 处有位置的线索）` : `共 ${total} 处有位置的线索`;
}

/** The phone's map at the tip's place (导航). */
export function placeMapOptions(p: TipMapPoint): OpenLocationOptions {
  return {
    latitude: p.lat,
    longitude: p.lng,
    name: placeTitle(p),
    address: p.address ?? '',
    scale: NAVIGATION_SCALE,
  };
}
