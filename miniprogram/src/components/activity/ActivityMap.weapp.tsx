import { Map } from '@tarojs/components';
import type { ActivityLocation, LatLng } from '@jianghuai/shared';

/** WeChat: the real map, with the activity's pin and its check-in circle. */
export function ActivityMap({ location, me }: { location: ActivityLocation; me?: LatLng | null }) {
  return (
    <Map
      className="jh-map"
      latitude={location.lat}
      longitude={location.lng}
      scale={16}
      showLocation={!!me}
      markers={[
        {
          id: 1,
          latitude: location.lat,
          longitude: location.lng,
          title: location.address,
          width: 30,
          height: 40,
          iconPath: '',
        },
      ]}
      circles={[
        {
          latitude: location.lat,
          longitude: location.lng,
          radius: location.radiusM,
          color: '#0b3d91AA',
          fillColor: '#0b3d9122',
          strokeWidth: 2,
        },
      ]}
      onError={() => undefined}
    />
  );
}
