import { useCallback } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ALERT_LEVEL_LABELS } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';
import { myAlert } from '../../services/alerts';
import '../../components/alerts/alerts.css';

/** One warning in big text; opening it tells the police it was read. */
export default function MyAlertPage() {
  const id = Number(useRouter().params.id);
  const alert = useResource(
    useCallback(() => myAlert(id), [id]),
    `alert:${id}`,
  );
  if (alert.status === 'loading')
    return (
      <Screen testId="my-alert">
        <LoadingState />
      </Screen>
    );
  if (alert.status === 'error')
    return (
      <Screen testId="my-alert">
        <ErrorState message={alert.error} onRetry={alert.reload} />
      </Screen>
    );
  const a = alert.data;
  const urgent = a.level === 'urgent';
  return (
    <Screen testId="my-alert">
      <View className={`jh-alert-row${urgent ? ' jh-alert-row--urgent' : ''}`} data-testid="my-alert-detail">
        <Text className="jh-alert-row__title" data-testid="my-alert-title">
          {a.title}
          {urgent ? <Text className="jh-alert-badge">紧急</Text> : null}
        </Text>
        <Text className="jh-alert-row__line">
          {ALERT_LEVEL_LABELS[a.level]}预警 · 发布单位：{a.senderUnitName}
        </Text>
        <Text className="jh-alert-row__line">
          发布时间：<Text className="jh-time">{formatDateTime(a.createdAt)}</Text>
        </Text>
        <Text className="jh-alert-body" data-testid="my-alert-text">
          {a.text}
        </Text>
        <Text className="jh-alert-row__line">如遇紧急情况请拨打 110。</Text>
      </View>
    </Screen>
  );
}
