import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import { addCalendarDays, businessDate, SPEED_LEVELS, type SpeedLevel } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { Chips } from '../../components/activity/Chips';
import { DateTimeField } from '../../components/DateTimeField';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useResource } from '../../hooks/useResource';
import { durationText } from '../../logic/callups';
import { callupSpeed } from '../../services/callups';
import '../../components/activity/activity.css';
import '../../components/callups/callups.css';

const LEVEL_WORDS: Record<SpeedLevel, string> = { station: '按派出所', branch: '按分局' };

/** 响应速度: per station or branch over a period, how fast guards accepted and arrived (half of them, nine in ten). */
export default function CallupSpeedPage() {
  const today = businessDate(new Date());
  const [from, setFrom] = useState(addCalendarDays(today, -29));
  const [to, setTo] = useState(today);
  const [level, setLevel] = useState<SpeedLevel>('station');
  const speed = useResource(
    useCallback(() => callupSpeed(from, to, level), [from, to, level]),
    `speed:${from}:${to}:${level}`,
  );
  return (
    <Screen testId="callup-speed">
      <DateTimeField label="从" date={from} onChange={(v) => v.date && setFrom(v.date)} testId="speed-from" />
      <DateTimeField label="到" date={to} onChange={(v) => v.date && setTo(v.date)} testId="speed-to" />
      <Chips
        options={SPEED_LEVELS.map((l) => ({ value: l, label: LEVEL_WORDS[l] }))}
        value={level}
        onChange={setLevel}
        testId="speed-level"
      />
      {speed.status === 'loading' ? <LoadingState /> : null}
      {speed.status === 'error' ? <ErrorState message={speed.error} onRetry={speed.reload} /> : null}
      {speed.status === 'ready' && !speed.data.rows.length ? <EmptyState text="这段时间没有调度指令。" /> : null}
      {speed.status === 'ready'
        ? speed.data.rows.map((r) => (
            <View key={r.orgId} className="jh-cu-row" data-testid="speed-row">
              <Text className="jh-cu-title">
                {r.orgName}（{r.callups} 条指令）
              </Text>
              <Text className="jh-cu-line">
                接受：中位 {durationText(r.acceptMedianS)} · 九成 {durationText(r.acceptP90S)}
              </Text>
              <Text className="jh-cu-line">
                到达：中位 {durationText(r.arriveMedianS)} · 九成 {durationText(r.arriveP90S)}
              </Text>
            </View>
          ))
        : null}
    </Screen>
  );
}
