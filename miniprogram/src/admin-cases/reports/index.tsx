import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { INCIDENT_CATEGORY_LABELS, type IncidentFlag, type IncidentReportResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { PagedListView } from '../../components/PagedListView';
import { Chips } from '../../components/activity/Chips';
import { IncidentFlags } from '../../components/casework/CaseParts';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { INCIDENT_FLAG_FILTER, incidentStatusText } from '../../logic/casework';
import { PAGES, pageUrl } from '../../logic/routes';
import { adminIncidentReports } from '../../services/casework';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

function ReportRow({ r }: { r: IncidentReportResponse }) {
  return (
    <View
      className="jh-tip-row"
      data-testid="incident-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminReport, { id: r.id }) })}
    >
      <Text className="jh-tip-row__title">
        {INCIDENT_CATEGORY_LABELS[r.category]} · {r.subcategory}
        <IncidentFlags r={r} />
      </Text>
      <Text className="jh-tip-row__line" data-testid="incident-row-status">
        状态：{incidentStatusText(r)}
      </Text>
      <Text className="jh-tip-row__line">
        {r.companyName} · {r.stationName}
      </Text>
      <Text className="jh-tip-row__line">
        事发：<Text className="jh-time">{formatDateTime(r.occurredAt)}</Text> ›
      </Text>
    </View>
  );
}

/** Reports to the officer's unit and below; 需关注 / 超时报送 / 超时未受理 narrow the list. */
export default function ReportsPage() {
  const [flag, setFlag] = useState<IncidentFlag | 'all'>('all');
  const fetchPage = useCallback(
    (page: number) => adminIncidentReports({ page, pageSize: PAGE_SIZE, ...(flag === 'all' ? {} : { flag }) }),
    [flag],
  );
  const list = usePagedList(fetchPage, `incidents:${flag}`, { reloadOnShow: true });
  return (
    <Screen testId="admin-incidents">
      <Chips options={INCIDENT_FLAG_FILTER} value={flag} onChange={setFlag} testId="incidents-flag" />
      <PagedListView
        list={list}
        testId="incident-list"
        emptyText={
          flag === 'all'
            ? '还没有单位报送重大事项。企业报送后会出现在这里，并有消息提醒。'
            : '没有需要关注的这类报送。选“全部”可看所有报送。'
        }
        countLabel={(total) => `共 ${total} 份报送`}
        renderItem={(r) => <ReportRow key={r.id} r={r} />}
      />
    </Screen>
  );
}
