import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DISPUTE_TYPE_LABELS, type DisputeListItem } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { disputeStatusText } from '../../logic/casework';
import { PAGES, pageUrl } from '../../logic/routes';
import { myDisputes } from '../../services/casework';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

function Row({ d }: { d: DisputeListItem }) {
  return (
    <View
      className="jh-tip-row"
      data-testid="my-dispute-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.myMediation, { id: d.id }) })}
    >
      <Text className="jh-tip-row__title">
        {DISPUTE_TYPE_LABELS[d.type]}纠纷 · {disputeStatusText(d.status)}
      </Text>
      <Text className="jh-tip-row__line">地点：{d.address}</Text>
      <Text className="jh-tip-row__line">
        {d.stationName} · {d.openedOn} 登记 ›
      </Text>
    </View>
  );
}

/** The cases the volunteer was chosen to mediate. */
export default function MyMediationsPage() {
  const fetchPage = useCallback((page: number) => myDisputes(page, PAGE_SIZE), []);
  const list = usePagedList(fetchPage, 'my-disputes', { reloadOnShow: true });
  return (
    <Screen testId="my-mediations">
      <PagedListView
        list={list}
        testId="my-dispute-list"
        emptyText="派出所还没有请您调解纠纷。"
        countLabel={(total) => `共 ${total} 件纠纷`}
        renderItem={(d) => <Row key={d.id} d={d} />}
      />
    </Screen>
  );
}
