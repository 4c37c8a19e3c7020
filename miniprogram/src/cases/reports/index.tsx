import { useCallback } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { INCIDENT_CATEGORY_LABELS, type IncidentReportResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { IncidentFlags } from '../../components/casework/CaseParts';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { formatDateTime } from '../../logic/format';
import { incidentStatusText } from '../../logic/casework';
import { PAGES, pageUrl } from '../../logic/routes';
import { myIncidentReports } from '../../services/casework';
import '../../components/activity/activity.css';
import '../../components/tips/tips.css';

function Row({ r }: { r: IncidentReportResponse }) {
  return (
    <View
      className="jh-tip-row"
      data-testid="my-report-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.myReport, { id: r.id }) })}
    >
      <Text className="jh-tip-row__title">
        {INCIDENT_CATEGORY_LABELS[r.category]} · {r.subcategory}
        <IncidentFlags r={r} />
      </Text>
      <Text className="jh-tip-row__line" data-testid="my-report-status">
        状态：{incidentStatusText(r)}
      </Text>
      <Text className="jh-tip-row__line">
        报送：<Text className="jh-time">{formatDateTime(r.filedAt)}</Text> ›
      </Text>
    </View>
  );
}

/** The company's reports, newest first, with 受理 and disposal as the station records them. */
export default function MyReportsPage() {
  const fetchPage = useCallback((page: number) => myIncidentReports(page, PAGE_SIZE), []);
  const list = usePagedList(fetchPage, 'my-reports', { reloadOnShow: true });
  return (
    <Screen testId="my-reports">
      <BigButton
        kind="secondary"
        onClick={() => void Taro.navigateTo({ url: PAGES.reportNew })}
        testId="my-reports-new"
      >
        报送新事项
      </BigButton>
      <PagedListView
        list={list}
        testId="my-report-list"
        emptyText="本单位还没有报送过重大事项。发生紧急、重大事项时，点上方“报送新事项”。"
        countLabel={(total) => `共 ${total} 份报送`}
        renderItem={(r) => <Row key={r.id} r={r} />}
      />
    </Screen>
  );
}
