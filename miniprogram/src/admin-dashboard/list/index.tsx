import { useCallback, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { ErrorState } from '../../components/States';
import { LIST_TITLES, parseListQuery } from '../../logic/dashboard';
import { JoinList, MissingList, NoTeamList, OverdueList, WeeklyList } from './lists';
import '../../admin/admin.css';
import '../dashboard.css';

/** The list behind a figure of 数据看板, scoped to the unit it was opened for. */
export default function DashboardListPage() {
  const query = parseListQuery(useRouter().params ?? {});
  const [title, setTitle] = useState('');
  const onTitle = useCallback((t: string) => {
    setTitle(t);
    void Taro.setNavigationBarTitle({ title: t.length > 16 ? LIST_TITLES.join : t });
  }, []);
  if (!query)
    return (
      <Screen testId="dash-list-bad">
        <ErrorState message="这个名单的链接不完整，请从数据看板重新打开。" />
      </Screen>
    );
  const { kind, unitId, companyId } = query;
  return (
    <Screen testId={`dash-list-${kind}`}>
      <Text className="jh-title" data-testid="dash-list-title">
        {title || LIST_TITLES[kind]}
      </Text>
      {kind === 'join' ? <JoinList unitId={unitId} onTitle={onTitle} /> : null}
      {kind === 'missing' ? <MissingList companyId={companyId} onTitle={onTitle} /> : null}
      {kind === 'certified' ? <MissingList unitId={unitId} onTitle={onTitle} /> : null}
      {kind === 'no-team' ? <NoTeamList unitId={unitId} /> : null}
      {kind === 'weekly' ? <WeeklyList unitId={unitId} /> : null}
      {kind === 'overdue' ? <OverdueList unitId={unitId} /> : null}
    </Screen>
  );
}
