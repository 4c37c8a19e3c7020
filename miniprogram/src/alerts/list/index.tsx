import { useCallback, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { AlertTabs, MyAlertRow, MyBulletinRow } from '../../components/alerts/AlertRows';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { myAlerts, myBulletins } from '../../services/alerts';
import '../../components/alerts/alerts.css';

type Tab = 'alerts' | 'bulletins';
const TABS = [
  { key: 'alerts', label: '预警' },
  { key: 'bulletins', label: '治安通报' },
] as const;

/** The guard's warnings (urgent ones in red) and situation bulletins, newest first. */
export default function MyAlertsPage() {
  const [tab, setTab] = useState<Tab>(useRouter().params.tab === 'bulletins' ? 'bulletins' : 'alerts');
  const alerts = usePagedList(
    useCallback((page: number) => myAlerts(page, PAGE_SIZE), []),
    'my-alerts',
  );
  const bulletins = usePagedList(
    useCallback((page: number) => myBulletins(page, PAGE_SIZE), []),
    'my-bulletins',
  );
  // back from a detail page: its 未读 mark is gone
  useDidShow(() => {
    if (alerts.status === 'ready') alerts.reload();
    if (bulletins.status === 'ready') bulletins.reload();
  });
  return (
    <Screen testId="my-alerts">
      <AlertTabs tabs={TABS} value={tab} onChange={setTab} />
      {tab === 'alerts' ? (
        <PagedListView
          list={alerts}
          testId="my-alert-list"
          emptyText="还没有收到预警。派出所发布预警时，这里和“消息”里都会有。"
          countLabel={(total) => `共 ${total} 条预警`}
          renderItem={(a) => <MyAlertRow key={a.id} a={a} />}
        />
      ) : (
        <PagedListView
          list={bulletins}
          testId="my-bulletin-list"
          emptyText="还没有收到治安状况通报。"
          countLabel={(total) => `共 ${total} 份通报`}
          renderItem={(b) => <MyBulletinRow key={b.id} b={b} />}
        />
      )}
    </Screen>
  );
}
