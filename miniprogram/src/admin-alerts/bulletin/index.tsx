import { useCallback } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, LoadingState } from '../../components/States';
import { TipPhotos } from '../../components/tips/TipPhotos';
import { useResource } from '../../hooks/useResource';
import { readShare } from '../../logic/alerts';
import { formatDateTime } from '../../logic/format';
import { adminBulletin } from '../../services/alerts';
import '../../components/alerts/alerts.css';
import '../../components/tips/tips.css';

/** One bulletin with how many have read it, per station and per company. */
export default function AdminBulletinPage() {
  const id = Number(useRouter().params.id);
  const bulletin = useResource(
    useCallback(() => adminBulletin(id), [id]),
    `admin-bulletin:${id}`,
  );
  usePullDownRefresh(() => void bulletin.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (bulletin.status !== 'ready')
    return (
      <Screen testId="admin-bulletin">
        {bulletin.status === 'loading' ? (
          <LoadingState />
        ) : (
          <ErrorState message={bulletin.error} onRetry={bulletin.reload} />
        )}
      </Screen>
    );
  const b = bulletin.data;
  return (
    <Screen testId="admin-bulletin">
      <View className="jh-alert-row">
        <Text className="jh-alert-row__title">{b.title}</Text>
        <Text className="jh-alert-row__line">
          范围：{b.areaName} · {b.senderName} · <Text className="jh-time">{formatDateTime(b.createdAt)}</Text>
        </Text>
        <Text className="jh-alert-row__line" data-testid="admin-bulletin-read">
          {readShare(b.read, b.recipients)}
        </Text>
      </View>
      <Text className="jh-section-title jh-block">各单位阅读情况</Text>
      {b.units.map((u) => (
        <View key={`${u.kind}-${u.unitId}`} className="jh-alert-row" data-testid="admin-bulletin-unit">
          <Text className="jh-alert-row__title">
            {u.name}
            {u.kind === 'company' ? '（单位负责人）' : '（义警）'}
          </Text>
          <Text className="jh-alert-row__line">{readShare(u.read, u.recipients)}</Text>
        </View>
      ))}
      <View className="jh-alert-row">
        <Text className="jh-section-title jh-block">治安状况</Text>
        <Text className="jh-alert-body">{b.text}</Text>
        <Text className="jh-section-title jh-block">安全防范指导意见</Text>
        <Text className="jh-alert-body">{b.advice}</Text>
        {b.imageIds.length ? (
          <TipPhotos photos={b.imageIds.map((fileId) => ({ fileId, url: '', thumbUrl: '' }))} />
        ) : null}
      </View>
      <BigButton kind="secondary" onClick={() => void bulletin.refresh()} testId="admin-bulletin-refresh">
        刷新阅读情况
      </BigButton>
    </Screen>
  );
}
