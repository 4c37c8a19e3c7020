import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import type { InspectionPage } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { Chips } from '../../components/activity/Chips';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { INSPECTION_FILTER } from '../../logic/supervision';
import { PAGES, pageUrl } from '../../logic/routes';
import { adminInspections } from '../../services/supervision';
import { InspectionRow } from '../parts';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

/** 监督检查: the inspections of companies in the officer's area; 逾期未整改 first among the filters. */
export default function InspectionsPage() {
  const [filter, setFilter] = useState<'all' | 'overdue' | 'open'>('all');
  const [overdueCount, setOverdueCount] = useState<number | null>(null);
  const fetchPage = useCallback(
    async (page: number): Promise<InspectionPage> => {
      const res = await adminInspections({
        page,
        pageSize: PAGE_SIZE,
        ...(filter === 'overdue' ? { overdue: '1' as const } : {}),
        ...(filter === 'open' ? { status: 'open' as const } : {}),
      });
      setOverdueCount(res.overdueCount);
      return res;
    },
    [filter],
  );
  const list = usePagedList(fetchPage, `inspections:${filter}`, { reloadOnShow: true });
  return (
    <Screen testId="admin-inspections">
      <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.inspectionNew })} testId="inspection-new">
        记录一次检查
      </BigButton>
      {overdueCount ? (
        <Text className="jh-block jh-notice" data-testid="inspections-overdue-count">
          有 {overdueCount} 项整改已过期限，请督促整改
        </Text>
      ) : null}
      <Chips options={INSPECTION_FILTER} value={filter} onChange={setFilter} testId="inspections-filter" />
      <PagedListView
        list={list}
        testId="inspection-list"
        emptyText={
          filter === 'all' ? '还没有检查记录。点上面的按钮记录一次检查。' : '没有这类检查。选“全部”可看所有检查。'
        }
        countLabel={(total) => `共 ${total} 次检查`}
        renderItem={(i) => <InspectionRow key={i.id} i={i} url={pageUrl(PAGES.inspection, { id: i.id })} />}
      />
    </Screen>
  );
}
