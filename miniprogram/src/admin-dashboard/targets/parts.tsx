import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { TARGET_NOTE_MAX, type TargetResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { DateTimeField } from '../../components/DateTimeField';
import { InlineError, LoadingState } from '../../components/States';
import { withWholeDates } from '../../components/WholeDates';
import { useResource } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';
import { targetInput, targetValueText } from '../../logic/dashboard';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';
import { setTarget, targetHistory } from '../../services/reports';

const message = (e: unknown) => (e instanceof HttpError ? e.message : NETWORK_ERROR_MESSAGE);

/** The city changes one target: the value, the due date (none for a standing rule) and why. */
function EditTarget({ t, onSaved }: { t: TargetResponse; onSaved: () => void }) {
  const [value, setValue] = useState(String(t.value));
  const [dueDate, setDueDate] = useState(t.dueDate ?? '');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const parsed = targetInput(t.unit, value);
    if ('problem' in parsed) return setError(parsed.problem);
    setBusy(true);
    setError(null);
    try {
      await setTarget({ key: t.key, value: parsed.value, dueDate: dueDate || null, note: note.trim() || null });
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid="target-edit">
      <Text className="jh-field__label">目标值（{t.unitLabel}）</Text>
      <Input
        className="jh-input jh-dash-input"
        type="digit"
        value={value}
        onInput={(e) => setValue(e.detail.value)}
        data-testid="target-edit-value"
      />
      <DateTimeField
        label="完成期限"
        date={dueDate}
        onChange={(v) => setDueDate(v.date)}
        optional="不设期限（长期要求）"
        testId="target-edit-due"
      />
      <Text className="jh-field__label">调整依据（可不填）</Text>
      <Input
        className="jh-input jh-dash-input"
        value={note}
        maxlength={TARGET_NOTE_MAX}
        onInput={(e) => setNote(e.detail.value)}
        data-testid="target-edit-note"
      />
      <InlineError message={error} testId="target-edit-error" />
      <BigButton onClick={() => void save()} loading={busy} loadingText="正在保存…" testId="target-edit-save">
        保存
      </BigButton>
    </View>
  );
}

function History({ t }: { t: TargetResponse }) {
  const rows = useResource(
    useCallback(() => targetHistory(t.key), [t.key]),
    `target-history:${t.key}`,
  );
  if (rows.status === 'error') return <InlineError message={rows.error} />;
  if (rows.status === 'loading') return <LoadingState />;
  if (rows.data.length === 0) return <Text className="jh-block jh-muted">市局还没有调整过，执行默认目标。</Text>;
  return (
    <View data-testid="target-history">
      {rows.data.map((h) => (
        <Text key={h.id} className="jh-row-card__line" data-testid="target-history-row">
          <Text className="jh-time">{formatDateTime(h.setAt)}</Text> {h.setByName}：
          {targetValueText(t.unit, h.value, t.unitLabel)}
          {h.dueDate ? `，期限 ${h.dueDate}` : '，长期'}
          {h.note ? `（${h.note}）` : ''}
        </Text>
      ))}
    </View>
  );
}

/** One target: what is in force, who set it and when; the city may change it and read every earlier value. */
export function TargetCard({ t, canEdit, onSaved }: { t: TargetResponse; canEdit: boolean; onSaved: () => void }) {
  const [open, setOpen] = useState<'edit' | 'history' | null>(null);
  const saved = () => {
    setOpen(null);
    onSaved();
  };
  return (
    <View className="jh-row-card" data-testid="target-row" data-key={t.key}>
      <Text className="jh-row-card__title">{t.label}</Text>
      <Text className="jh-dash-figure__value" data-testid="target-value">
        {targetValueText(t.unit, t.value, t.unitLabel)}
      </Text>
      <Text className="jh-row-card__line">{t.dueDate ? `期限 ${t.dueDate}` : '长期要求'}</Text>
      <Text className="jh-row-card__line">
        {withWholeDates(
          t.isDefault
            ? '默认目标（市局未调整）'
            : `${t.setByName ?? ''} 于 ${t.setAt ? formatDateTime(t.setAt) : ''} 设定${t.note ? `：${t.note}` : ''}`,
        )}
      </Text>
      {canEdit ? (
        <BigButton
          kind="secondary"
          onClick={() => setOpen(open === 'edit' ? null : 'edit')}
          testId={`target-open-edit-${t.key}`}
        >
          {open === 'edit' ? '取消修改' : '修改'}
        </BigButton>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => setOpen(open === 'history' ? null : 'history')}
        testId={`target-open-history-${t.key}`}
      >
        {open === 'history' ? '收起历史' : '调整历史'}
      </BigButton>
      {open === 'edit' ? <EditTarget t={t} onSaved={saved} /> : null}
      {open === 'history' ? <History t={t} /> : null}
    </View>
  );
}
