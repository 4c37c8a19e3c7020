import { Text, View } from '@tarojs/components';
import type { ActivityLocation, LatLng } from '@jianghuai/shared';
import { staticMapOffset } from '../../logic/activities';

/**
 * H5: Taro's Map needs an outside map key there, so draw a plain picture instead: the check-in
 * circle around the activity's pin and the person's own position when known; never coordinates
 * (导航 hands them to the phone's map). The WeChat build uses ActivityMap.weapp.tsx, the real map.
 */
export function ActivityMap({ location, me }: { location: ActivityLocation; me?: LatLng | null }) {
  // A square picture spanning 3× the check-in radius, at least 600 m, so the circle is always visible.
  const span = Math.max(600, location.radiusM * 3);
  const areaPct = ((location.radiusM * 2) / span) * 100;
  const mine = me ? staticMapOffset(location, me, span) : null;
  return (
    <View className="jh-static-map" data-testid="activity-map">
      <View
        className="jh-static-map__area"
        style={{ left: '50%', top: '50%', width: `${areaPct}%`, height: `${areaPct}%` }}
      />
      <Text className="jh-static-map__pin" style={{ left: '50%', top: '50%' }}>
        活动地点
      </Text>
      {mine ? (
        <Text className="jh-static-map__me" style={{ left: `${mine.left}%`, top: `${mine.top}%` }}>
          我
        </Text>
      ) : null}
      <Text className="jh-static-map__note">示意图 · 虚线圈内可签到（{location.radiusM} 米）</Text>
    </View>
  );
}
