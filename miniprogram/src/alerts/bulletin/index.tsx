import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { TipPhotos } from '../../components/tips/TipPhotos';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';
import { myBulletin } from '../../services/alerts';
import '../../components/alerts/alerts.css';
import '../../components/tips/tips.css';

/** One situation bulletin with its safety advice and pictures, in big text; opening it counts as read. */
export default function MyBulletinPage() {
  const id = Number(useRouter().params.id);
  const bulletin = useResource(
    useCallback(() => myBulletin(id), [id]),
    `bulletin:${id}`,
  );
  if (bulletin.status === 'loading')
    return (
      <Screen testId="my-bulletin">
        <LoadingState />
      </Screen>
    );
  if (bulletin.status === 'error')
    return (
      <Screen testId="my-bulletin">
        <ErrorState message={bulletin.error} onRetry={bulletin.reload} />
      </Screen>
    );
  const b = bulletin.data;
  return (
    <Screen testId="my-bulletin">
      <View className="jh-alert-row">
        <Text className="jh-alert-row__title" data-testid="my-bulletin-title">
          {b.title}
        </Text>
        <Text className="jh-alert-row__line">
          {b.areaName} · <Text className="jh-time">{formatDateTime(b.createdAt)}</Text>
        </Text>
        <Text className="jh-section-title jh-block">治安状况</Text>
        <Text className="jh-alert-body">{b.text}</Text>
        <Text className="jh-section-title jh-block">安全防范指导意见</Text>
        <Text className="jh-alert-body" data-testid="my-bulletin-advice">
          {b.advice}
        </Text>
        {b.imageIds.length ? (
          <TipPhotos photos={b.imageIds.map((fileId) => ({ fileId, url: '', thumbUrl: '' }))} />
        ) : null}
      </View>
    </Screen>
  );
}
