import { useCallback, useState } from 'react';
import Taro, { useRouter, usePullDownRefresh } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import type { IncidentReportResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { ReportInfo } from '../../components/casework/CaseParts';
import { errorText, useResource } from '../../hooks/useResource';
import { acknowledgeIncident, adminIncidentReport, classifyIncident, disposeIncident } from '../../services/casework';
import '../../components/activity/activity.css';

/** 定性分类 and 处置情况 after 受理: each saved on its own, the report reloaded when someone else acted first. */
function Handling({ r, onDone }: { r: IncidentReportResponse; onDone: (next: IncidentReportResponse) => void }) {
  const [classification, setClassification] = useState(r.classification ?? '');
  const [disposal, setDisposal] = useState(r.disposal ?? '');
  const [busy, setBusy] = useState<'classify' | 'dispose' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const run = async (what: 'classify' | 'dispose') => {
    const text = (what === 'classify' ? classification : disposal).trim();
    if (text.length < 2) return setError(what === 'classify' ? '请填写定性分类' : '请填写处置情况');
    setBusy(what);
    setError(null);
    try {
      onDone(await (what === 'classify' ? classifyIncident(r.id, text) : disposeIncident(r.id, text)));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="jh-card" data-testid="incident-handling">
      <Text className="jh-section-title jh-block">定性分类</Text>
      <Input
        className="jh-input"
        value={classification}
        placeholder="例如：消防安全事件"
        onInput={(e) => setClassification(e.detail.value)}
        data-testid="incident-class-input"
      />
      <BigButton
        kind="secondary"
        onClick={() => void run('classify')}
        loading={busy === 'classify'}
        loadingText="正在保存…"
        testId="incident-classify"
      >
        保存分类
      </BigButton>
      <Text className="jh-section-title jh-block">处置情况</Text>
      <Textarea
        className="jh-input jh-textarea"
        style={{ height: '120px', width: '100%', padding: '10px 14px' }}
        value={disposal}
        maxlength={2000}
        placeholder="民警如何处置、结果如何"
        onInput={(e) => setDisposal(e.detail.value)}
        data-testid="incident-disposal-input"
      />
      <InlineError message={error} testId="incident-handling-error" />
      <BigButton
        onClick={() => void run('dispose')}
        loading={busy === 'dispose'}
        loadingText="正在保存…"
        testId="incident-dispose"
      >
        保存处置情况
      </BigButton>
    </View>
  );
}

/** One report for the officers: its facts and flags, 受理, then classification and disposal. */
export default function ReportPage() {
  const id = Number(useRouter().params.id);
  const r = useResource(
    useCallback(() => adminIncidentReport(id), [id]),
    `incident:${id}`,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  usePullDownRefresh(() => void r.refresh().finally(() => Taro.stopPullDownRefresh()));
  if (r.status === 'loading')
    return (
      <Screen testId="admin-incident">
        <LoadingState />
      </Screen>
    );
  if (r.status === 'error')
    return (
      <Screen testId="admin-incident">
        <ErrorState message={r.error} onRetry={r.reload} />
      </Screen>
    );
  const acknowledge = async () => {
    setBusy(true);
    setError(null);
    try {
      r.replace(await acknowledgeIncident(id));
    } catch (caught) {
      setError(errorText(caught));
      void r.refresh();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Screen testId="admin-incident">
      <ReportInfo r={r.data} />
      {r.data.status === 'received' ? (
        <View>
          <InlineError message={error} testId="incident-ack-error" />
          <BigButton onClick={() => void acknowledge()} loading={busy} loadingText="正在受理…" testId="incident-ack">
            受理
          </BigButton>
        </View>
      ) : (
        <Handling key={r.data.version} r={r.data} onDone={r.replace} />
      )}
    </Screen>
  );
}
