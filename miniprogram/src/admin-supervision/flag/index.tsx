import { useCallback } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { dismissHonestyFlag, honestyFlag } from '../../services/supervision';
import { FlagInfo, NoteForm } from '../parts';
import '../../components/activity/activity.css';

/** One flag with the records behind it; after checking them, 排除 with the reason. */
export default function FlagPage() {
  const id = Number(useRouter().params.id);
  const r = useResource(
    useCallback(() => honestyFlag(id), [id]),
    `flag:${id}`,
  );
  usePullDownRefresh(() => void r.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (r.status === 'loading')
    return (
      <Screen testId="honesty-flag">
        <LoadingState />
      </Screen>
    );
  if (r.status === 'error')
    return (
      <Screen testId="honesty-flag">
        <ErrorState message={r.error} onRetry={r.reload} />
      </Screen>
    );
  return (
    <Screen testId="honesty-flag">
      <FlagInfo f={r.data} />
      {r.data.status === 'open' ? (
        <NoteForm
          title="核实后排除"
          placeholder="核实的情况，例如：活动延长到深夜，已核对签到表"
          button="排除这条记录"
          busyText="正在提交…"
          minChars={4}
          testId="flag-dismiss"
          onSubmit={async (reason) => r.replace(await dismissHonestyFlag(id, { reason }))}
        />
      ) : null}
    </Screen>
  );
}
