import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { PAGES, pageUrl } from '../../logic/routes';
import { adminListActivities } from '../../services/activities-admin';
import { StaffActivitySummary } from '../shared';
import '../../components/activity/activity.css';
import '../../admin/admin.css';

/** Activities proposed by companies or volunteers, waiting for the station. */
export default function ProposalsPage() {
  const fetchPage = useCallback(
    (page: number) => adminListActivities({ page, pageSize: PAGE_SIZE, proposal: 'pending' }),
    [],
  );
  const list = usePagedList(fetchPage, 'proposals', { reloadOnShow: true });
  return (
    <Screen testId="admin-proposals">
      <Text className="jh-block jh-muted">通过后即发布，积分按提议活动的比例下调（默认 ×0.8）。</Text>
      <PagedListView
        list={list}
        testId="proposal-list"
        emptyText="没有待审核的活动提议。"
        countLabel={(total) => `${total} 个待审核`}
        renderItem={(a) => (
          <View
            key={a.id}
            className="jh-act-card"
            data-testid="proposal-item"
            onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminActivityDetail, { id: a.id }) })}
          >
            <StaffActivitySummary a={a} />
            <Text className="jh-act-card__line">提议人：{a.proposal?.proposedBy ?? '—'}</Text>
            <Text className="jh-act-card__open">审核 ›</Text>
          </View>
        )}
      />
    </Screen>
  );
}
