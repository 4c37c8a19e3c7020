import {
  ALERT_RADIUS_MAX_M,
  ALERT_RADIUS_MIN_M,
  ALERT_TEXT_MAX,
  type AlertCounts,
  type AlertLevel,
  type AlertTarget,
  type AlertTargetKind,
} from '@jianghuai/shared';

/** The radii the form offers (metres). */
export const RADIUS_CHOICES = [300, 500, 1000, 2000, 5000] as const;

export interface AlertDraft {
  title: string;
  text: string;
  level: AlertLevel;
  kind: AlertTargetKind;
  /** the station, community or team chosen */
  unitId: number | null;
  /** a radius target's point, as typed or picked */
  lat: string;
  lng: string;
  radiusM: number;
}

export const EMPTY_ALERT_DRAFT: AlertDraft = {
  title: '',
  text: '',
  level: 'normal',
  kind: 'station',
  unitId: null,
  lat: '',
  lng: '',
  radiusM: 500,
};

/**
 * The one unit of the chosen kind, when the officer's scope holds exactly one (a station officer's own station):
 * it is chosen for them, so the busy officer does not tap it.
 */
export function onlyUnitOf(
  kind: AlertTargetKind,
  targets: { stations: { id: number }[]; communities: { id: number }[]; teams: { id: number }[] },
): number | null {
  const units =
    kind === 'station'
      ? targets.stations
      : kind === 'community'
        ? targets.communities
        : kind === 'team'
          ? targets.teams
          : [];
  return units.length === 1 ? units[0].id : null;
}

/** The target the draft aims at, or null while it is incomplete (no unit chosen, no valid point). */
export function alertTargetOf(d: AlertDraft): AlertTarget | null {
  if (d.kind !== 'radius') return d.unitId ? { kind: d.kind, id: d.unitId } : null;
  const lat = Number(d.lat);
  const lng = Number(d.lng);
  if (!d.lat.trim() || !d.lng.trim() || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) return null;
  if (d.radiusM < ALERT_RADIUS_MIN_M || d.radiusM > ALERT_RADIUS_MAX_M) return null;
  return { kind: 'radius', lat, lng, radiusM: d.radiusM };
}

/** What is missing before the warning can go, in plain words; null when it is ready. */
export function alertDraftProblem(d: AlertDraft): string | null {
  if (d.title.trim().length < 2) return '请填写标题（至少 2 个字）';
  if (d.text.trim().length < 2) return '请填写预警内容';
  if (d.text.length > ALERT_TEXT_MAX) return `预警内容最多 ${ALERT_TEXT_MAX} 字，现在 ${d.text.length} 字`;
  if (!alertTargetOf(d))
    return d.kind === 'radius' ? '请在地图上选点，或填写正确的纬度和经度' : '请选择发给哪个单位或队伍';
  return null;
}

/** A distance for people: 500 米, 2 公里. */
export function radiusLabel(m: number): string {
  return m >= 1000 ? `${m / 1000} 公里` : `${m} 米`;
}

/** The officer's figures of one warning, each in words. */
export function alertFigures(c: AlertCounts): { label: string; value: number }[] {
  return [
    { label: '已发送', value: c.recipients },
    { label: '已读', value: c.read },
    { label: '微信推送送达', value: c.pushed },
    { label: '短信已发', value: c.smsSent },
    ...(c.smsPending ? [{ label: '短信待发', value: c.smsPending }] : []),
    ...(c.smsFailed ? [{ label: '短信未发出', value: c.smsFailed }] : []),
  ];
}

/** 已读 3 / 10（30%）. */
export function readShare(read: number, total: number): string {
  const pct = total ? Math.round((read / total) * 100) : 0;
  return `已读 ${read} / ${total}（${pct}%）`;
}
