import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { STAGE_NAME_MAX, STAGE_NOTE_MAX, hasPermission, isStaffRole, type StageResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { DateTimeField } from '../../components/DateTimeField';
import { Screen } from '../../components/Screen';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../components/States';
import { openPage } from '../../hooks/navigate';
import { useResource } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { stageProblem } from '../../logic/dashboard';
import { PAGES, pageUrl } from '../../logic/routes';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { createStage, stages } from '../../services/reports';
import '../../admin/admin.css';
import '../dashboard.css';

function StageCard({ s }: { s: StageResponse }) {
  return (
    <View
      className="jh-row-card"
      onClick={() => openPage(pageUrl(PAGES.dashboardStage, { id: s.id }))}
      data-testid="stage-row"
      data-name={s.name}
    >
      <Text className="jh-row-card__title">{s.name} ›</Text>
      <Text className="jh-row-card__line">
        截止 {s.dueDate}
        {s.pastDue ? '（已过截止日期）' : ''}
      </Text>
      <Text className="jh-row-card__line" data-testid="stage-row-counts">
        应报 {s.expectedCount} · 已报 {s.submittedCount} · 逾期 {s.lateCount} · 未报 {s.missingCount}
      </Text>
    </View>
  );
}

/** The city's form for a new stage: a name, the due date, what to write about. */
function NewStage({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const problem = stageProblem(name, dueDate);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await createStage({ name: name.trim(), dueDate, note: note.trim() || null });
      setName('');
      setDueDate('');
      setNote('');
      void Taro.showToast({ title: '已新建阶段', icon: 'success' });
      onCreated();
    } catch (e) {
      setError(e instanceof HttpError ? e.message : NETWORK_ERROR_MESSAGE);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="stage-new">
      <Text className="jh-section-title jh-block" style={{ marginTop: 0 }}>
        新建阶段
      </Text>
      <Text className="jh-field__label">阶段名称</Text>
      <Input
        className="jh-input jh-dash-input"
        value={name}
        maxlength={STAGE_NAME_MAX}
        placeholder="如：第一阶段（5月15日）"
        onInput={(e) => setName(e.detail.value)}
        data-testid="stage-new-name"
      />
      <DateTimeField label="截止日期" date={dueDate} onChange={(v) => setDueDate(v.date)} testId="stage-new-due" />
      <Text className="jh-field__label">填报要求（可不填）</Text>
      <Textarea
        className="jh-dash-textarea jh-textarea"
        value={note}
        maxlength={STAGE_NOTE_MAX}
        onInput={(e) => setNote(e.detail.value)}
        data-testid="stage-new-note"
      />
      <InlineError message={error} testId="stage-new-error" />
      <BigButton onClick={() => void submit()} loading={busy} loadingText="正在保存…" testId="stage-new-save">
        新建阶段
      </BigButton>
    </View>
  );
}

/** 阶段报告: the stages, newest due date first, with who has written; the city defines new ones. */
export default function StagesPage() {
  const list = useResource(
    useCallback(() => stages(), []),
    'stages',
  );
  useDidShow(() => {
    if (list.status === 'ready') void list.refresh();
  });
  const session = useSession();
  const roles = session.status === 'signedIn' ? session.me.roles.filter(isStaffRole) : [];
  return (
    <Screen testId="dash-stages">
      {list.status === 'loading' ? <LoadingState /> : null}
      {list.status === 'error' ? <ErrorState message={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.data.length === 0 ? <EmptyState text="市局还没有设定阶段。" /> : null}
      {list.status === 'ready' ? list.data.map((s) => <StageCard key={s.id} s={s} />) : null}
      {hasPermission(roles, 'reports.manage') ? <NewStage onCreated={() => void list.refresh()} /> : null}
    </Screen>
  );
}
