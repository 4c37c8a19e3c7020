import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { weeklyRule } from '../../services/activities-admin';
import '../../admin/admin.css';

/**
 * The weekly rule across the stations in the officer's scope: every station holds at least the
 * minimum of patrol and prevention activities each week (Shanghai week); those below come first.
 */
export default function WeeklyRulePage() {
  const rule = useResource(() => weeklyRule(), 'weekly');
  return (
    <Screen testId="admin-weekly-rule">
      {rule.status === 'loading' ? <LoadingState text="正在统计本周的巡逻防范活动…" /> : null}
      {rule.status === 'error' ? <ErrorState message={rule.error} onRetry={rule.reload} testId="weekly-error" /> : null}
      {rule.status === 'ready' ? (
        <View>
          <View className={`jh-status-box${rule.data.belowCount ? ' jh-status-box--wait' : ' jh-status-box--ok'}`}>
            <Text className="jh-block" style={{ fontWeight: 700 }}>
              本周（{rule.data.week}）每个派出所至少开展 {rule.data.minimum} 次巡逻防范活动
            </Text>
            <Text className="jh-block" data-testid="weekly-summary">
              {rule.data.stations.length === 0
                ? '辖区内没有派出所。'
                : rule.data.belowCount
                  ? `${rule.data.belowCount} 个派出所还没有达到要求。`
                  : '所有派出所本周都已达到要求。'}
            </Text>
          </View>
          {rule.data.stations.map((s) => (
            <View key={s.stationId} className="jh-row-card" data-testid="weekly-station">
              <Text className="jh-row-card__title">{s.name}</Text>
              <Text className="jh-row-card__line">
                本周已开展 {s.count} 次 · {s.belowRule ? '未达到要求' : '已达到要求'}
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </Screen>
  );
}
