import { useCallback, useState } from 'react';
import { Text } from '@tarojs/components';
import type { InspectionPage } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { PAGES, pageUrl } from '../../logic/routes';
import { myInspections } from '../../services/supervision';
import { InspectionRow } from '../parts';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

/** 检查整改: the findings about the manager's own company, the ones still to put right first. */
export default function CompanyInspectionsPage() {
  const [overdueCount, setOverdueCount] = useState<number | null>(null);
  const fetchPage = useCallback(async (page: number): Promise<InspectionPage> => {
    const res = await myInspections(page, PAGE_SIZE);
    setOverdueCount(res.overdueCount);
    return res;
  }, []);
  const list = usePagedList(fetchPage, 'my-inspections', { reloadOnShow: true });
  return (
    <Screen testId="company-inspections">
      {overdueCount ? (
        <Text className="jh-block jh-notice" data-testid="company-inspections-overdue">
          有 {overdueCount} 项整改已过期限，请尽快整改并确认
        </Text>
      ) : null}
      <PagedListView
        list={list}
        testId="company-inspection-list"
        emptyText="没有需要整改的检查问题。"
        countLabel={(total) => `共 ${total} 次检查发现问题`}
        renderItem={(i) => <InspectionRow key={i.id} i={i} url={pageUrl(PAGES.companyInspection, { id: i.id })} />}
      />
    </Screen>
  );
}
