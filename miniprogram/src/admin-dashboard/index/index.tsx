import { useCallback } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { hasPermission, isStaffRole } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Screen } from '../../components/Screen';
import { withWholeDates } from '../../components/WholeDates';
import { ErrorState, LoadingState } from '../../components/States';
import { openPage } from '../../hooks/navigate';
import { useResource } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { formatDateTime } from '../../logic/format';
import { PAGES } from '../../logic/routes';
import { dashboard } from '../../services/dashboard';
import { EmployerTypes, Headlines, Tiers, Units, Weekly } from './sections';
import { Points, Tips, WeeklyRule } from './sections2';
import '../../components/activity/activity.css';
import '../dashboard.css';

/** 目标设置 is the city's; 阶段报告 and 晒比通报 every officer of the view. */
function Links({ canSetTargets }: { canSetTargets: boolean }) {
  return (
    <View className="jh-dash-links">
      {canSetTargets ? (
        <BigButton kind="secondary" onClick={() => openPage(PAGES.dashboardTargets)} testId="dash-open-targets">
          目标设置
        </BigButton>
      ) : null}
      <BigButton kind="secondary" onClick={() => openPage(PAGES.dashboardStages)} testId="dash-open-stages">
        阶段报告
      </BigButton>
      <BigButton kind="secondary" onClick={() => openPage(PAGES.dashboardRanking)} testId="dash-open-ranking">
        晒比通报
      </BigButton>
    </View>
  );
}

/**
 * 数据看板: the viewer's unit (or a unit below, `?unitId=`) in numbers, each against its target where it has one,
 * each opening the list behind it; the chart beside a table with the same numbers.
 */
export default function DashboardPage() {
  const raw = Number(useRouter().params?.unitId ?? '');
  const unitId = Number.isInteger(raw) && raw > 0 ? raw : undefined;
  const data = useResource(
    useCallback(() => dashboard(unitId), [unitId]),
    `dashboard:${unitId ?? ''}`,
  );
  usePullDownRefresh(() => void data.refresh().finally(() => Taro.stopPullDownRefresh()));
  const session = useSession();
  const roles = session.status === 'signedIn' ? session.me.roles.filter(isStaffRole) : [];
  const canSetTargets = hasPermission(roles, 'targets.manage');
  return (
    <Screen testId="admin-dashboard">
      {data.status === 'loading' ? <LoadingState text="正在汇总各单位数据…" /> : null}
      {data.status === 'error' ? <ErrorState message={data.error} onRetry={data.reload} testId="dash-error" /> : null}
      {data.status === 'ready' ? (
        <View>
          <Text className="jh-dash-head" data-testid="dash-unit">
            {data.data.unit.name}
          </Text>
          <Text className="jh-block jh-muted" data-testid="dash-as-of">
            {withWholeDates(
              `数据截至 ${data.data.asOf}${data.data.refreshedAt ? `，汇总于 ${formatDateTime(data.data.refreshedAt)}` : ''}`,
            )}
          </Text>
          <Headlines d={data.data} />
          <Units d={data.data} />
          <EmployerTypes d={data.data} />
          <Weekly d={data.data} />
          <Tiers d={data.data} />
          <WeeklyRule d={data.data} />
          <Tips d={data.data} />
          <Points d={data.data} />
          <Links canSetTargets={canSetTargets} />
        </View>
      ) : null}
    </Screen>
  );
}
