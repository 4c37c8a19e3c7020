import { Text, View } from '@tarojs/components';
import type { LatLng } from '@jianghuai/shared';
import type { TipPlaceRow } from '../../logic/tip-places';

/**
 * H5: Taro's map needs an outside map key in a browser, so there is no map here (the WeChat build uses
 * TipPlacesMap.weapp.tsx): the places are listed nearest first below, each with 导航 to the phone's map.
 */
export function TipPlacesMap(_props: {
  rows: readonly TipPlaceRow[];
  here: LatLng | null;
  onPick: (id: number) => void;
}) {
  return (
    <View className="jh-tip-places-note" data-testid="tip-places-nomap">
      <Text>浏览器里不显示地图：下面按离您由近到远列出线索地点，点“导航”在手机地图里查看。</Text>
    </View>
  );
}
