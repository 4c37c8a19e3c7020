import { useCallback } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ALERT_LEVEL_LABELS, ALERT_TARGET_LABELS } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { alertFigures } from '../../logic/alerts';
import { formatDateTime } from '../../logic/format';
import { adminAlert } from '../../services/alerts';
import '../../components/alerts/alerts.css';

/** One warning as sent, with sent / read / pushed / texted figures; 刷新 brings the figures up to date. */
export default function AdminAlertPage() {
  const id = Number(useRouter().params.id);
  const alert = useResource(
    useCallback(() => adminAlert(id), [id]),
    `admin-alert:${id}`,
  );
  usePullDownRefresh(() => void alert.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (alert.status === 'loading')
    return (
      <Screen testId="admin-alert">
        <LoadingState />
      </Screen>
    );
  if (alert.status === 'error')
    return (
      <Screen testId="admin-alert">
        <ErrorState message={alert.error} onRetry={alert.reload} />
      </Screen>
    );
  const a = alert.data;
  return (
    <Screen testId="admin-alert">
      <View className={`jh-alert-row${a.level === 'urgent' ? ' jh-alert-row--urgent' : ''}`}>
        <Text className="jh-alert-row__title">
          {a.title}
          {a.level === 'urgent' ? <Text className="jh-alert-badge">紧急</Text> : null}
        </Text>
        <Text className="jh-alert-row__line">
          {ALERT_LEVEL_LABELS[a.level]} · 发给{ALERT_TARGET_LABELS[a.targetKind]}：{a.targetName}
        </Text>
        <Text className="jh-alert-row__line">
          {a.senderName}（{a.senderUnitName}） · <Text className="jh-time">{formatDateTime(a.createdAt)}</Text>
        </Text>
        <Text className="jh-alert-body">{a.text}</Text>
      </View>
      <View className="jh-card jh-alert-figures" data-testid="admin-alert-figures">
        {alertFigures(a.counts).map((f) => (
          <View key={f.label} className="jh-alert-figure" data-testid={`figure-${f.label}`}>
            <Text className="jh-alert-figure__n">{f.value}</Text>
            <Text>{f.label}</Text>
          </View>
        ))}
      </View>
      <BigButton kind="secondary" onClick={() => void alert.refresh()} testId="admin-alert-refresh">
        刷新送达情况
      </BigButton>
    </Screen>
  );
}
