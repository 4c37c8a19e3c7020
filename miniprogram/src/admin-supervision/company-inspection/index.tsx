import { useCallback } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { confirmInspection, myInspection } from '../../services/supervision';
import { InspectionInfo, NoteForm } from '../parts';
import '../../components/activity/activity.css';

/** A finding about the manager's company: read it, put it right, confirm with a note. */
export default function CompanyInspectionPage() {
  const id = Number(useRouter().params.id);
  const r = useResource(
    useCallback(() => myInspection(id), [id]),
    `my-inspection:${id}`,
  );
  usePullDownRefresh(() => void r.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (r.status === 'loading')
    return (
      <Screen testId="company-inspection">
        <LoadingState />
      </Screen>
    );
  if (r.status === 'error')
    return (
      <Screen testId="company-inspection">
        <ErrorState message={r.error} onRetry={r.reload} />
      </Screen>
    );
  return (
    <Screen testId="company-inspection">
      <InspectionInfo i={r.data} />
      {r.data.companyConfirmedAt ? (
        <Text className="jh-block jh-notice" data-testid="company-inspection-confirmed">
          已确认整改，派出所复查后记为整改完成。
        </Text>
      ) : (
        <NoteForm
          title="确认整改"
          placeholder="说明如何整改的，例如：已补办保安员证并随身携带"
          button="确认已整改"
          busyText="正在提交…"
          minChars={2}
          testId="company-inspection-confirm"
          onSubmit={async (note) => r.replace(await confirmInspection(id, note))}
        />
      )}
    </Screen>
  );
}
