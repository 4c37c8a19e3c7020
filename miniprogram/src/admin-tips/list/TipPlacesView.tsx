import { useEffect, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { BigButton } from '../../components/BigButton';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../components/States';
import { TipPlacesMap } from '../../components/tips/TipPlacesMap';
import { useLocation } from '../../hooks/useLocation';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';
import { navigationFallback } from '../../logic/map-navigation';
import { PAGES, pageUrl } from '../../logic/routes';
import {
  placeLine,
  placeMapOptions,
  placesCountText,
  placesFilters,
  placesNearestFirst,
  placeTitle,
  type TipPlaceRow,
} from '../../logic/tip-places';
import { openMap } from '../../platform/map';
import { adminTipPlaces } from '../../services/tip-places';

const openTip = (id: number) => void Taro.navigateTo({ url: pageUrl(PAGES.adminTip, { id }) });

function PlaceRow({ row }: { row: TipPlaceRow }) {
  const [problem, setProblem] = useState<string | null>(null);
  const navigate = () => {
    setProblem(null);
    void openMap(placeMapOptions(row))
      .catch(() => false)
      .then((opened) => {
        if (!opened) setProblem(navigationFallback(row.address ?? ''));
      });
  };
  return (
    <View className="jh-tip-row" data-testid="tip-place-row">
      <View onClick={() => openTip(row.id)}>
        <Text className="jh-tip-row__title">
          {placeTitle(row)}
          {row.escalated ? <Text className="jh-tip-urgent">已超时上报分局</Text> : null}
        </Text>
        <Text className="jh-tip-row__line" data-testid="tip-place-line">
          {placeLine(row)}
        </Text>
        <Text className="jh-tip-row__line">
          上报：<Text className="jh-time">{formatDateTime(row.createdAt)}</Text> ›
        </Text>
      </View>
      <BigButton kind="secondary" onClick={navigate} testId="tip-place-navigate">
        导航
      </BigButton>
      <InlineError message={problem} testId="tip-place-navigate-problem" />
    </View>
  );
}

/** Where the officer is, in words: locating, sorted by distance, or why not (with 重新定位). */
function LocationLine({ location }: { location: ReturnType<typeof useLocation> }) {
  const s = location.state;
  if (s.status === 'ready')
    return (
      <Text className="jh-filter-label" data-testid="tip-places-located">
        已按离您由近到远排列
      </Text>
    );
  if (s.status === 'failed')
    return (
      <View data-testid="tip-places-unlocated">
        <InlineError message={`${s.message} 现在按紧急程度和上报时间排列。`} />
        <BigButton kind="secondary" onClick={() => void location.locate()} testId="tip-places-relocate">
          重新定位
        </BigButton>
      </View>
    );
  return <Text className="jh-filter-label">正在获取您的位置，以便按距离排列…</Text>;
}

/** The queue's tips with a place: a map in WeChat, and everywhere the list nearest first, under the same chips. */
export function TipPlacesView(chips: { status: string; urgency: string; category: string }) {
  const filters = placesFilters(chips);
  const places = useResource(() => adminTipPlaces(filters), `places:${JSON.stringify(filters)}`);
  const location = useLocation();
  const { locate } = location;
  useEffect(() => {
    void locate();
  }, [locate]);
  const here = location.position;
  const rows = useMemo(() => (places.data ? placesNearestFirst(places.data.items, here) : []), [places.data, here]);
  if (places.status === 'loading') return <LoadingState text="正在加载线索地点…" />;
  if (places.status === 'error') return <ErrorState message={places.error} onRetry={places.reload} />;
  return (
    <View data-testid="tip-places">
      <LocationLine location={location} />
      {rows.length === 0 ? (
        <EmptyState text="没有带位置的线索。换一个状态或类别看看。" />
      ) : (
        <>
          <TipPlacesMap rows={rows} here={here} onPick={openTip} />
          <Text className="jh-filter-label" data-testid="tip-places-count">
            {placesCountText(rows.length, places.data.total)}
          </Text>
          {rows.map((row) => (
            <PlaceRow key={row.id} row={row} />
          ))}
        </>
      )}
    </View>
  );
}
