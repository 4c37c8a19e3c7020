import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { WartimeStateResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { Choice } from '../../components/Choice';
import { Chips } from '../../components/activity/Chips';
import { DateTimeField } from '../../components/DateTimeField';
import { PagedListView } from '../../components/PagedListView';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { errorText, useResource } from '../../hooks/useResource';
import { hoursLabel, unitOptions, WARTIME_HOURS, wartimePeriod } from '../../logic/callups';
import { formatDateTime } from '../../logic/format';
import { fetchOrgTree } from '../../services/enrolment-admin';
import { declareWartime, endWartime, wartimeStates } from '../../services/callups';
import { Field } from '../new/Parts';
import '../../components/enrolment.css';
import '../../components/activity/activity.css';
import '../../components/callups/callups.css';

function StateCard({ w, onEnded }: { w: WartimeStateResponse; onEnded: () => void }) {
  const [ending, setEnding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const end = async () => {
    if (!reason.trim()) return setError('请写明提前结束的原因');
    try {
      await endWartime(w.id, { reason: reason.trim() });
      onEnded();
    } catch (caught) {
      setError(errorText(caught));
    }
  };
  return (
    <View className={`jh-cu-row${w.active ? ' jh-cu-row--war' : ''}`} data-testid="wartime-row">
      <Text className="jh-cu-title">
        {w.areaName}
        <Text className={`jh-cu-badge${w.active ? ' jh-cu-badge--war' : ''}`}>{w.active ? '战时中' : '已结束'}</Text>
      </Text>
      <Text className="jh-cu-line">原因：{w.reason}</Text>
      <Text className="jh-cu-line">
        <Text className="jh-time">{formatDateTime(w.startsAt)}</Text> 至{' '}
        <Text className="jh-time">{formatDateTime(w.endsAt)}</Text> · {w.leadUnitName}统一调度
      </Text>
      {w.endedAt ? (
        <Text className="jh-cu-line">
          {w.endedByName} 于 <Text className="jh-time">{formatDateTime(w.endedAt)}</Text> 提前结束：{w.endReason}
        </Text>
      ) : null}
      <InlineError message={error} />
      {w.active && !ending ? (
        <BigButton kind="secondary" onClick={() => setEnding(true)} testId="wartime-end">
          提前结束
        </BigButton>
      ) : null}
      {ending ? (
        <View>
          <Field label="提前结束的原因" value={reason} onInput={setReason} testId="wartime-end-reason" />
          <BigButton kind="danger" onClick={() => void end()} testId="wartime-end-confirm">
            确认结束战时状态
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}

function DeclareForm({ onDone }: { onDone: () => void }) {
  const units = useResource(
    useCallback(async () => unitOptions(await fetchOrgTree()), []),
    'wartime-units',
  );
  const [areaId, setAreaId] = useState<number | null>(null);
  const [start, setStart] = useState({ date: '', time: '' });
  const [hours, setHours] = useState<number>(24);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const declare = async () => {
    const period = wartimePeriod(start, hours, Date.now());
    if (!areaId) return setError('请选择战时区域');
    if (!period) return setError('开始时间请同时选日期和时间，或都不选（立即开始）');
    if (reason.trim().length < 2) return setError('请写明原因');
    setBusy(true);
    setError(null);
    try {
      await declareWartime({ areaId, ...period, reason: reason.trim() });
      onDone();
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  if (units.status === 'loading') return <LoadingState />;
  if (units.status === 'error') return <ErrorState message={units.error} onRetry={units.reload} />;
  return (
    <View className="jh-card" data-testid="wartime-form">
      <Text className="jh-section-title jh-block">战时区域</Text>
      {units.data
        .filter((u) => u.level !== 'city')
        .map((u) => (
          <Choice
            key={u.id}
            selected={areaId === u.id}
            onTap={() => setAreaId(u.id)}
            title={u.name}
            hint={u.hint}
            testId={`wartime-area-${u.name}`}
          />
        ))}
      <DateTimeField
        label="开始时间"
        date={start.date}
        time={start.time}
        optional="立即开始"
        onChange={setStart}
        testId="wartime-start"
      />
      <Text className="jh-field__label jh-block">持续</Text>
      <Chips
        options={WARTIME_HOURS.map((h) => ({ value: h, label: hoursLabel(h) }))}
        value={hours}
        onChange={setHours}
        testId="wartime-hours"
      />
      <Field label="原因" value={reason} max={200} onInput={setReason} testId="wartime-reason" />
      <InlineError message={error} testId="wartime-error" />
      <BigButton
        kind="danger"
        onClick={() => void declare()}
        loading={busy}
        loadingText="正在宣布…"
        testId="wartime-declare"
      >
        宣布战时状态
      </BigButton>
    </View>
  );
}

/** 战时状态: the states of the officer's area, declared (area, period, reason) or ended early with a reason. */
export default function WartimePage() {
  const [declaring, setDeclaring] = useState(false);
  const list = usePagedList(
    useCallback((page: number) => wartimeStates(page, PAGE_SIZE), []),
    'wartime-states',
    { reloadOnShow: true },
  );
  return (
    <Screen testId="wartime-page">
      {declaring ? (
        <DeclareForm
          onDone={() => {
            setDeclaring(false);
            list.reload();
          }}
        />
      ) : (
        <BigButton kind="danger" onClick={() => setDeclaring(true)} testId="wartime-new">
          宣布战时状态
        </BigButton>
      )}
      <PagedListView
        list={list}
        testId="wartime-list"
        emptyText="没有战时状态记录。"
        countLabel={(total) => `共 ${total} 条`}
        renderItem={(w) => <StateCard key={w.id} w={w} onEnded={list.reload} />}
      />
    </Screen>
  );
}
