import { useEffect, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { ActivityPlace } from '@jianghuai/shared';
import { Choice } from '../../components/Choice';
import { messageOf } from '../../hooks/useSignup';
import { searchActivityPlaces } from '../../services/activities-admin';

const SOURCE_LABELS: Record<ActivityPlace['source'], string> = {
  org_unit: '派出所/社区',
  service_site: '驻勤点',
  activity: '以往活动地点',
};

type Found = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'done'; items: ActivityPlace[] };

/**
 * Where there is no map to pick on (the H5 build): the known places of the officer's scope — stations and
 * communities, service sites, earlier activity places — searched by name or address; a tap fills the place.
 */
export function PlaceSearch({ onPick }: { onPick: (p: ActivityPlace) => void }) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Found>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    setFound({ kind: 'loading' });
    // wait for a pause in typing before asking the server
    const timer = setTimeout(() => {
      searchActivityPlaces(query)
        .then((res) => live && setFound({ kind: 'done', items: res.items }))
        .catch((caught: unknown) => live && setFound({ kind: 'failed', message: messageOf(caught) }));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [query, attempt]);

  return (
    <View className="jh-field" data-testid="place-search">
      <Text className="jh-field__label">从已知地点中选</Text>
      <Input
        className="jh-input jh-input--full"
        value={query}
        placeholder="输入地名查找，例如：平湖"
        onInput={(e) => setQuery(e.detail.value.trim())}
        data-testid="place-search-input"
      />
      {found.kind === 'loading' ? <Text className="jh-block jh-muted">正在查找地点…</Text> : null}
      {found.kind === 'failed' ? (
        <View onClick={() => setAttempt((n) => n + 1)} data-testid="place-search-retry">
          <Text className="jh-field__error">地点暂时查不到：{found.message}。点这里重试</Text>
        </View>
      ) : null}
      {found.kind === 'done' && !found.items.length ? (
        <Text className="jh-block jh-muted" data-testid="place-search-empty">
          没有找到“{query}”，换个字试试，或点下面“手动输入坐标”。
        </Text>
      ) : null}
      {found.kind === 'done'
        ? found.items
            .slice(0, 8)
            .map((p) => (
              <Choice
                key={`${p.source}-${p.name}-${p.lat}-${p.lng}`}
                selected={false}
                onTap={() => onPick(p)}
                title={p.name}
                hint={`${SOURCE_LABELS[p.source]}${p.address !== p.name ? ` · ${p.address}` : ''}`}
                testId="place-option"
              />
            ))
        : null}
    </View>
  );
}
