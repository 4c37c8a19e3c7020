import { useCallback, useState } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { businessDate } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { adminInspection, rectifyInspection } from '../../services/supervision';
import { InspectionInfo, NoteForm } from '../parts';
import '../../components/activity/activity.css';

/** One inspection for the officers; while it waits for rectification, 整改完成 with the date and a note. */
export default function InspectionPage() {
  const id = Number(useRouter().params.id);
  const r = useResource(
    useCallback(() => adminInspection(id), [id]),
    `inspection:${id}`,
  );
  const [on, setOn] = useState(() => businessDate(new Date()));
  usePullDownRefresh(() => void r.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (r.status === 'loading')
    return (
      <Screen testId="admin-inspection">
        <LoadingState />
      </Screen>
    );
  if (r.status === 'error')
    return (
      <Screen testId="admin-inspection">
        <ErrorState message={r.error} onRetry={r.reload} />
      </Screen>
    );
  const open = r.data.status === 'open' || r.data.status === 'confirmed';
  return (
    <Screen testId="admin-inspection">
      <InspectionInfo i={r.data} />
      {open ? (
        <View>
          <Text className="jh-field__label jh-block">整改完成日期</Text>
          <Picker mode="date" value={on} onChange={(e) => setOn(e.detail.value)}>
            <View className="jh-input" style={{ lineHeight: '56px' }} data-testid="inspection-rectified-on">
              {on}
            </View>
          </Picker>
          <NoteForm
            title="整改完成"
            placeholder="复查情况，例如：已复查，全部持证上岗"
            button="记录整改完成"
            busyText="正在保存…"
            minChars={2}
            testId="inspection-rectify"
            onSubmit={async (note) => r.replace(await rectifyInspection(id, { rectifiedOn: on, note }))}
          />
        </View>
      ) : null}
    </Screen>
  );
}
