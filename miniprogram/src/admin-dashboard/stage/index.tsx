import { useCallback, useState } from 'react';
import { useDidShow, useRouter } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { businessDate, hasPermission, isStaffRole, type CompiledStageReport } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Screen } from '../../components/Screen';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { compileStage, myNarrative, stageDetail } from '../../services/reports';
import { Compiled, NarrativeForm, SubmitterList } from './parts';
import '../../admin/admin.css';
import '../dashboard.css';

/** The city compiles the stage's report (figures as of the due date and every narrative) and exports it. */
function Compile({ stageId }: { stageId: number }) {
  const [report, setReport] = useState<CompiledStageReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setReport(await compileStage(stageId));
    } catch (e) {
      setError(e instanceof HttpError ? e.message : NETWORK_ERROR_MESSAGE);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <InlineError message={error} testId="stage-compile-error" />
      <BigButton onClick={() => void run()} loading={busy} loadingText="正在汇总…" testId="stage-compile">
        {report ? '重新汇总' : '汇总阶段报告'}
      </BigButton>
      {report ? <Compiled report={report} /> : null}
    </>
  );
}

/** One stage: its due date, my unit's narrative (branch, station), who is late or missing; the city compiles. */
export default function StagePage() {
  const id = Number(useRouter().params?.id ?? 0);
  const detail = useResource(
    useCallback(() => stageDetail(id), [id]),
    `stage:${id}`,
  );
  const mine = useResource(
    useCallback(() => myNarrative(id), [id]),
    `my-narrative:${id}`,
  );
  useDidShow(() => {
    if (detail.status === 'ready') void detail.refresh();
  });
  const session = useSession();
  const roles = session.status === 'signedIn' ? session.me.roles.filter(isStaffRole) : [];
  const saved = () => {
    void mine.refresh();
    void detail.refresh();
  };
  if (detail.status === 'loading') return <Screen testId="dash-stage">{<LoadingState />}</Screen>;
  if (detail.status === 'error')
    return (
      <Screen testId="dash-stage">
        <ErrorState message={detail.error} onRetry={detail.reload} />
      </Screen>
    );
  const { stage } = detail.data;
  return (
    <Screen testId="dash-stage">
      <Text className="jh-title" data-testid="stage-name">
        {stage.name}
      </Text>
      <Text className="jh-block">
        截止 {stage.dueDate}
        {stage.pastDue ? '（已过截止日期）' : ''}
      </Text>
      {stage.note ? <Text className="jh-block jh-muted">{stage.note}</Text> : null}
      {mine.status === 'ready' && mine.data.canWrite ? (
        <NarrativeForm mine={mine.data} today={businessDate(new Date())} onSaved={saved} />
      ) : null}
      {mine.status === 'error' ? <ErrorState message={mine.error} onRetry={mine.reload} /> : null}
      {hasPermission(roles, 'reports.manage') ? (
        <Compile stageId={id} />
      ) : (
        <>
          <SubmitterList title="逾期提交" rows={detail.data.late} testId="stage-late" />
          <SubmitterList title="未提交" rows={detail.data.missing} testId="stage-missing" />
        </>
      )}
    </Screen>
  );
}
