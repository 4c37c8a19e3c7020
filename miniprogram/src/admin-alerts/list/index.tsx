import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ALERT_LEVEL_LABELS, ALERT_TARGET_LABELS, type AdminAlertResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { AlertTabs } from '../../components/alerts/AlertRows';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { readShare } from '../../logic/alerts';
import { formatDateTime } from '../../logic/format';
import { PAGES, pageUrl } from '../../logic/routes';
import { adminAlerts, adminBulletins } from '../../services/alerts';
import '../../components/alerts/alerts.css';

type Tab = 'alerts' | 'bulletins';
const TABS = [
  { key: 'alerts', label: '预警' },
  { key: 'bulletins', label: '治安通报' },
] as const;

function AlertRow({ a }: { a: AdminAlertResponse }) {
  const urgent = a.level === 'urgent';
  return (
    <View
      className={`jh-alert-row${urgent ? ' jh-alert-row--urgent' : ''}`}
      data-testid="admin-alert-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminAlert, { id: a.id }) })}
    >
      <Text className="jh-alert-row__title">
        {a.title}
        {urgent ? <Text className="jh-alert-badge">紧急</Text> : null}
      </Text>
      <Text className="jh-alert-row__line">
        {ALERT_LEVEL_LABELS[a.level]} · 发给{ALERT_TARGET_LABELS[a.targetKind]}：{a.targetName}
      </Text>
      <Text className="jh-alert-row__line" data-testid="admin-alert-read">
        {readShare(a.counts.read, a.counts.recipients)}
        {urgent ? ` · 短信已发 ${a.counts.smsSent}` : ''}
      </Text>
      <Text className="jh-alert-row__line">
        {a.senderName} · <Text className="jh-time">{formatDateTime(a.createdAt)}</Text>
      </Text>
    </View>
  );
}

/** The warnings and bulletins of the officer's scope with how many have read them; 发预警 and 发通报 on top. */
export default function AdminAlertsPage() {
  const [tab, setTab] = useState<Tab>('alerts');
  const alerts = usePagedList(
    useCallback((page: number) => adminAlerts(page, PAGE_SIZE), []),
    'admin-alerts',
  );
  const bulletins = usePagedList(
    useCallback((page: number) => adminBulletins(page, PAGE_SIZE), []),
    'admin-bulletins',
  );
  useDidShow(() => {
    if (alerts.status === 'ready') alerts.reload();
    if (bulletins.status === 'ready') bulletins.reload();
  });
  return (
    <Screen testId="admin-alerts">
      <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.adminAlertNew })} testId="admin-alert-new">
        发预警
      </BigButton>
      <BigButton
        kind="secondary"
        onClick={() => void Taro.navigateTo({ url: PAGES.adminBulletinNew })}
        testId="admin-bulletin-new"
      >
        发治安通报
      </BigButton>
      <AlertTabs tabs={TABS} value={tab} onChange={setTab} />
      {tab === 'alerts' ? (
        <PagedListView
          list={alerts}
          testId="admin-alert-list"
          emptyText="还没有发布过预警。需要提醒辖区义警时，点上方“发预警”。"
          countLabel={(total) => `共 ${total} 条预警`}
          renderItem={(a) => <AlertRow key={a.id} a={a} />}
        />
      ) : (
        <PagedListView
          list={bulletins}
          testId="admin-bulletin-list"
          emptyText="还没有发布过通报。点上方“发治安通报”发布第一份。"
          countLabel={(total) => `共 ${total} 份通报`}
          renderItem={(b) => (
            <View
              key={b.id}
              className="jh-alert-row"
              data-testid="admin-bulletin-row"
              onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminBulletin, { id: b.id }) })}
            >
              <Text className="jh-alert-row__title">{b.title}</Text>
              <Text className="jh-alert-row__line">范围：{b.areaName}</Text>
              <Text className="jh-alert-row__line">{readShare(b.read, b.recipients)}</Text>
              <Text className="jh-alert-row__line">
                {b.senderName} · <Text className="jh-time">{formatDateTime(b.createdAt)}</Text>
              </Text>
            </View>
          )}
        />
      )}
    </Screen>
  );
}
