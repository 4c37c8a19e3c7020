import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { DISPUTE_TYPE_LABELS, type DisputeListItem, type DisputeStatus } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { Chips } from '../../components/activity/Chips';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { DISPUTE_STATUS_FILTER, disputeStatusText } from '../../logic/casework';
import { PAGES, pageUrl } from '../../logic/routes';
import { adminDisputes } from '../../services/casework';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

function DisputeRow({ d }: { d: DisputeListItem }) {
  return (
    <View
      className="jh-tip-row"
      data-testid="dispute-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminDispute, { id: d.id }) })}
    >
      <Text className="jh-tip-row__title">
        {DISPUTE_TYPE_LABELS[d.type]}纠纷 · {disputeStatusText(d.status)}
      </Text>
      <Text className="jh-tip-row__line">当事人：{d.parties.map((p) => p.name).join('、')}</Text>
      <Text className="jh-tip-row__line">地点：{d.address}</Text>
      <Text className="jh-tip-row__line">
        <Text className="jh-time">{d.openedOn}</Text> 登记 · {d.mediator ? `调解员 ${d.mediator.name}` : '未指定调解员'}{' '}
        ›
      </Text>
    </View>
  );
}

/** The case file of the officer's unit and below, by status; 登记纠纷 opens the form. */
export default function DisputesPage() {
  const [status, setStatus] = useState<string>('all');
  const fetchPage = useCallback(
    (page: number) =>
      adminDisputes({ page, pageSize: PAGE_SIZE, ...(status === 'all' ? {} : { status: status as DisputeStatus }) }),
    [status],
  );
  const list = usePagedList(fetchPage, `disputes:${status}`, { reloadOnShow: true });
  return (
    <Screen testId="admin-disputes">
      <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.adminDisputeNew })} testId="dispute-new">
        登记纠纷
      </BigButton>
      <Text className="jh-filter-label">状态</Text>
      <Chips options={DISPUTE_STATUS_FILTER} value={status} onChange={setStatus} testId="disputes-status" />
      <PagedListView
        list={list}
        testId="dispute-list"
        emptyText={
          status === 'all'
            ? '还没有登记过纠纷。接到纠纷时，点上方“登记纠纷”。'
            : '这个状态下没有纠纷。选“全部”可看所有纠纷。'
        }
        countLabel={(total) => `共 ${total} 件纠纷`}
        renderItem={(d) => <DisputeRow key={d.id} d={d} />}
      />
    </Screen>
  );
}
