import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatTimeRange } from '../../logic/activities';
import { proposalStatusText } from '../../logic/proposal-form';
import { PAGES } from '../../logic/routes';
import { myProposals } from '../../services/proposals';
import '../../components/activity/activity.css';

/** The proposer's own proposals and where each stands. */
export default function MyProposalsPage() {
  const fetchPage = useCallback((page: number) => myProposals({ page, pageSize: PAGE_SIZE }), []);
  const list = usePagedList(fetchPage, 'my-proposals', { reloadOnShow: true });
  return (
    <Screen testId="my-proposals">
      <BigButton onClick={() => void Taro.redirectTo({ url: PAGES.proposalNew })} testId="new-proposal">
        ＋ 再提议一个活动
      </BigButton>
      <View style={{ height: '12px' }} />
      <PagedListView
        list={list}
        testId="my-proposal-list"
        emptyText="您还没有提议过活动。"
        countLabel={(total) => `共 ${total} 个提议`}
        renderItem={(a) => {
          const s = proposalStatusText(a);
          return (
            <View key={a.id} className="jh-act-card" data-testid="my-proposal-item" data-activity-id={a.id}>
              <Text className="jh-act-card__title">{a.title}</Text>
              <Text className={`jh-badge jh-badge--${s.tone}`} data-testid="proposal-status">
                {s.label}
              </Text>
              <Text className="jh-act-card__line">
                {a.typeLabel} · {a.orgUnit.name}
              </Text>
              <Text className="jh-act-card__line">
                时间：<Text className="jh-time">{formatTimeRange(a.startAt, a.endAt)}</Text>
              </Text>
              <Text className="jh-act-card__line">地点：{a.location.address}</Text>
            </View>
          );
        }}
      />
    </Screen>
  );
}
