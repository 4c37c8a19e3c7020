import { useCallback } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { ReportInfo } from '../../components/casework/CaseParts';
import { useResource } from '../../hooks/useResource';
import { myIncidentReport } from '../../services/casework';
import '../../components/activity/activity.css';

/** One of the company's reports: what was sent, its flags, 受理 and the station's disposal. */
export default function MyReportPage() {
  const id = Number(useRouter().params.id);
  const r = useResource(
    useCallback(() => myIncidentReport(id), [id]),
    `my-report:${id}`,
  );
  usePullDownRefresh(() => void r.refresh().finally(() => Taro.stopPullDownRefresh()));
  return (
    <Screen testId="my-report">
      {r.status === 'loading' ? <LoadingState /> : null}
      {r.status === 'error' ? <ErrorState message={r.error} onRetry={r.reload} /> : null}
      {r.status === 'ready' ? <ReportInfo r={r.data} /> : null}
    </Screen>
  );
}
