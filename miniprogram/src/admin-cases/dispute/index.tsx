import { useCallback, useState } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { DisputeInfo, DisputeSteps, OutcomeForm, StepForm } from '../../components/casework/CaseParts';
import { useResource } from '../../hooks/useResource';
import { HttpError } from '../../services/http';
import { addDisputeStep, adminDispute, closeDispute } from '../../services/casework';
import { MediatorPicker } from './MediatorPicker';
import '../../components/activity/activity.css';
import '../../components/enrolment.css';

/**
 * One case for the officers: its facts and steps; while open, the mediator, a step and the close (化解 / 上交, the
 * mediator's proposal preselected). A change someone else made first reloads the case.
 */
export default function DisputePage() {
  const id = Number(useRouter().params.id);
  const c = useResource(
    useCallback(() => adminDispute(id), [id]),
    `dispute:${id}`,
  );
  const [notice, setNotice] = useState<string | null>(null);
  usePullDownRefresh(() => void c.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (c.status === 'loading')
    return (
      <Screen testId="admin-dispute">
        <LoadingState />
      </Screen>
    );
  if (c.status === 'error')
    return (
      <Screen testId="admin-dispute">
        <ErrorState message={c.error} onRetry={c.reload} />
      </Screen>
    );
  const d = c.data;
  const open = d.status === 'open' || d.status === 'proposed';
  // someone else changed the case first: show it as it is now, and say so
  const reloadOnConflict = (p: Promise<unknown>) =>
    p.then(
      () => setNotice(null),
      (e: unknown) => {
        if (e instanceof HttpError && e.code === 'DISPUTE_STATE_CHANGED') {
          setNotice('已被其他民警处理，已刷新');
          void c.refresh();
        }
        throw e;
      },
    );
  return (
    <Screen testId="admin-dispute">
      {notice ? (
        <Text className="jh-notice jh-block" data-testid="dispute-state-changed">
          {notice}
        </Text>
      ) : null}
      <DisputeInfo d={d} />
      {d.status === 'open' ? <MediatorPicker d={d} onDone={c.replace} /> : null}
      <DisputeSteps d={d} />
      {open ? <StepForm onSubmit={(body) => reloadOnConflict(addDisputeStep(d.id, body).then(c.replace))} /> : null}
      {open ? (
        <OutcomeForm
          key={`${d.version}`}
          title={d.status === 'proposed' ? '确认调解结果' : '结案'}
          button={d.status === 'proposed' ? '确认并结案' : '结案'}
          initial={d.proposedOutcome}
          onSubmit={(body) => reloadOnConflict(closeDispute(d.id, body).then(c.replace))}
        />
      ) : null}
    </Screen>
  );
}
