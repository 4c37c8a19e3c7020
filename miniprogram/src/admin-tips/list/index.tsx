import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  TIP_CATEGORY_LABELS,
  TIP_STATUSES,
  type AdminTipFilters,
  type AdminTipPage,
  type TipCategory,
  type TipStatus,
  type TipUrgency,
} from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { Chips } from '../../components/activity/Chips';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { CATEGORY_OPTIONS, queueOrder, tipStatusText } from '../../logic/tips';
import { TIP_QUEUE_VIEWS, type TipQueueView } from '../../logic/tip-places';
import { PAGES, pageUrl } from '../../logic/routes';
import { adminTips } from '../../services/tips';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';
import { TipPlacesView } from './TipPlacesView';

type Row = AdminTipPage['items'][number];
const ALL = 'all';
const STATUS_OPTIONS = [
  { value: ALL, label: '全部' },
  ...TIP_STATUSES.map((s) => ({ value: s, label: tipStatusText(s) })),
];
const URGENCY_FILTER = [
  { value: ALL, label: '全部' },
  { value: 'urgent', label: '只看紧急' },
  { value: 'normal', label: '普通' },
];
const CATEGORY_FILTER = [{ value: ALL, label: '全部类别' }, ...CATEGORY_OPTIONS];

function TipRow({ t }: { t: Row }) {
  return (
    <View
      className="jh-tip-row"
      data-testid="admin-tip-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminTip, { id: t.id }) })}
    >
      <Text className="jh-tip-row__title">
        {TIP_CATEGORY_LABELS[t.category]}
        {t.urgency === 'urgent' ? <Text className="jh-tip-urgent">紧急</Text> : null}
        {t.escalatedAt ? <Text className="jh-tip-urgent">已超时上报分局</Text> : null}
      </Text>
      <Text className="jh-tip-row__line" data-testid="admin-tip-row-status">
        状态：{tipStatusText(t.status)}
      </Text>
      <Text className="jh-tip-row__line">
        上报：<Text className="jh-time">{formatDateTime(t.createdAt)}</Text>
      </Text>
      <Text className="jh-tip-row__line">地点：{t.address || '未填'}</Text>
      <Text className="jh-tip-row__line">{t.stationName} ›</Text>
    </View>
  );
}

/**
 * The chain's tips: filter by status, urgency and category; urgent ones first on each page. 地图 · 按距离 shows the
 * same tips' places (a map in WeChat) nearest the officer first.
 */
export default function TipQueuePage() {
  const [view, setView] = useState<TipQueueView>('list');
  const [status, setStatus] = useState<string>('submitted');
  const [urgency, setUrgency] = useState<string>(ALL);
  const [category, setCategory] = useState<string>(ALL);
  const fetchPage = useCallback(
    (page: number) => {
      const filters: AdminTipFilters = { page, pageSize: PAGE_SIZE };
      if (status !== ALL) filters.status = status as TipStatus;
      if (urgency !== ALL) filters.urgency = urgency as TipUrgency;
      if (category !== ALL) filters.category = category as TipCategory;
      return adminTips(filters);
    },
    [status, urgency, category],
  );
  const list = usePagedList(fetchPage, `tips:${status}:${urgency}:${category}`, { reloadOnShow: true });
  return (
    <Screen testId="admin-tips">
      <Chips options={TIP_QUEUE_VIEWS} value={view} onChange={setView} testId="tips-view" />
      <Text className="jh-filter-label">状态</Text>
      <Chips options={STATUS_OPTIONS} value={status} onChange={setStatus} testId="tips-status" />
      <Text className="jh-filter-label">紧急程度</Text>
      <Chips options={URGENCY_FILTER} value={urgency} onChange={setUrgency} testId="tips-urgency" />
      <Text className="jh-filter-label">类别</Text>
      <Chips options={CATEGORY_FILTER} value={category} onChange={setCategory} testId="tips-category" />
      {view === 'places' ? (
        <TipPlacesView status={status} urgency={urgency} category={category} />
      ) : (
        <PagedListView
          list={{ ...list, items: queueOrder(list.items) }}
          testId="admin-tip-list"
          emptyText="没有符合条件的线索。换一个状态看看。"
          countLabel={(total) => `共 ${total} 条线索`}
          renderItem={(t) => <TipRow key={t.id} t={t} />}
        />
      )}
    </Screen>
  );
}
