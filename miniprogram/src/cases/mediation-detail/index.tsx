import { useCallback } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { DisputeInfo, DisputeSteps, OutcomeForm, StepForm } from '../../components/casework/CaseParts';
import { useResource } from '../../hooks/useResource';
import { addMyDisputeStep, myDispute, proposeDisputeOutcome } from '../../services/casework';
import '../../components/activity/activity.css';

/** A case the volunteer mediates: the facts, the steps, a new step, and the outcome they propose to the officers. */
export default function MyMediationPage() {
  const id = Number(useRouter().params.id);
  const c = useResource(
    useCallback(() => myDispute(id), [id]),
    `my-dispute:${id}`,
  );
  usePullDownRefresh(() => void c.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (c.status === 'loading')
    return (
      <Screen testId="my-mediation">
        <LoadingState />
      </Screen>
    );
  if (c.status === 'error')
    return (
      <Screen testId="my-mediation">
        <ErrorState message={c.error} onRetry={c.reload} />
      </Screen>
    );
  const d = c.data;
  const open = d.status === 'open' || d.status === 'proposed';
  return (
    <Screen testId="my-mediation">
      <DisputeInfo d={d} />
      <DisputeSteps d={d} />
      {open ? <StepForm onSubmit={(body) => addMyDisputeStep(d.id, body).then(c.replace)} /> : null}
      {d.status === 'proposed' ? (
        <Text className="jh-block jh-notice">您的提议已交给民警确认，确认前仍可修改。</Text>
      ) : null}
      {open ? (
        <OutcomeForm
          title="调解结果"
          button="提交给民警确认"
          initial={d.proposedOutcome}
          onSubmit={(body) => proposeDisputeOutcome(d.id, body).then(c.replace)}
        />
      ) : null}
    </Screen>
  );
}
