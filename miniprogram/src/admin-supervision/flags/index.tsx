import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { HonestyFlagKind, HonestyFlagResponse, HonestyFlagStatus } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { Chips } from '../../components/activity/Chips';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { FLAG_KIND_FILTER, FLAG_STATUS_FILTER, flagTitle } from '../../logic/supervision';
import { PAGES, pageUrl } from '../../logic/routes';
import { honestyFlags } from '../../services/supervision';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

function FlagRow({ f }: { f: HonestyFlagResponse }) {
  return (
    <View
      className="jh-tip-row"
      data-testid="flag-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.honestyFlag, { id: f.id }) })}
    >
      <Text className="jh-tip-row__title">{flagTitle(f)}</Text>
      <Text className="jh-tip-row__line">{f.summary}</Text>
      <Text className="jh-tip-row__line">
        {f.orgUnitName} · <Text className="jh-time">{formatDateTime(f.occurredAt)}</Text> ›
      </Text>
    </View>
  );
}

/** 数据核查: implausible records of the area found by the hourly check, 待核查 first. */
export default function FlagsPage() {
  const [status, setStatus] = useState<HonestyFlagStatus>('open');
  const [kind, setKind] = useState<HonestyFlagKind | 'all'>('all');
  const fetchPage = useCallback(
    (page: number) => honestyFlags({ page, pageSize: PAGE_SIZE, status, ...(kind === 'all' ? {} : { kind }) }),
    [status, kind],
  );
  const list = usePagedList(fetchPage, `flags:${status}:${kind}`, { reloadOnShow: true });
  return (
    <Screen testId="honesty-flags">
      <Chips options={FLAG_STATUS_FILTER} value={status} onChange={setStatus} testId="flags-status" />
      <Chips options={FLAG_KIND_FILTER} value={kind} onChange={setKind} testId="flags-kind" />
      <PagedListView
        list={list}
        testId="flag-list"
        emptyText={status === 'open' ? '没有待核查的记录。系统每小时检查一次新的记录。' : '还没有排除过的记录。'}
        countLabel={(total) => `共 ${total} 条`}
        renderItem={(f) => <FlagRow key={f.id} f={f} />}
      />
    </Screen>
  );
}
