import { Map } from '@tarojs/components';
import type { LatLng } from '@jianghuai/shared';
import { mapCenter, tipMarkers, type TipPlaceRow } from '../../logic/tip-places';

/** WeChat: the real map with a marker per tip place (urgent ones with a red bubble); a tap on one opens the tip. */
export function TipPlacesMap({
  rows,
  here,
  onPick,
}: {
  rows: readonly TipPlaceRow[];
  here: LatLng | null;
  onPick: (id: number) => void;
}) {
  const center = mapCenter(rows, here);
  if (!center) return null;
  return (
    <Map
      className="jh-map jh-map--tall"
      data-testid="tip-places-map"
      latitude={center.lat}
      longitude={center.lng}
      scale={14}
      showLocation={!!here}
      markers={tipMarkers(rows)}
      includePoints={rows.map((r) => ({ latitude: r.lat, longitude: r.lng }))}
      onMarkerTap={(e) => onPick(Number(e.detail.markerId))}
      onCalloutTap={(e) => onPick(Number(e.detail.markerId))}
      onError={() => undefined}
    />
  );
}
