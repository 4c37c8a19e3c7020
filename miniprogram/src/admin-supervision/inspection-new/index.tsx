import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import { businessDate, INSPECTION_ITEM_RESULT_LABELS, type InspectionItemResult } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { errorText, useResource } from '../../hooks/useResource';
import {
  emptyInspectionDraft,
  hasProblem,
  inspectionDraftError,
  inspectionRequest,
  type InspectionDraft,
} from '../../logic/supervision';
import { PAGES, pageUrl } from '../../logic/routes';
import { listCompanies } from '../../services/enrolment-admin';
import { recordInspection } from '../../services/supervision';
import '../../components/activity/activity.css';

const RESULT_OPTIONS = (['ok', 'problem'] as const).map((value) => ({
  value,
  label: INSPECTION_ITEM_RESULT_LABELS[value],
}));

function DateField({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
}) {
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">{label}</Text>
      <Picker mode="date" value={value} onChange={(e) => onChange(e.detail.value)}>
        <View className="jh-input" style={{ lineHeight: '56px' }} data-testid={testId}>
          {value || '点此选择日期'}
        </View>
      </Picker>
    </View>
  );
}

function Items({ d, update }: { d: InspectionDraft; update: (p: Partial<InspectionDraft>) => void }) {
  const set = (n: number, result: InspectionItemResult) =>
    update({ items: d.items.map((it, j) => (j === n ? { ...it, result } : it)) });
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">检查项目</Text>
      {d.items.map((it, n) => (
        <View key={it.item} data-testid={`inspection-item-${n}`}>
          <Text className="jh-block">{it.item}</Text>
          <Chips
            options={RESULT_OPTIONS}
            value={it.result}
            onChange={(r) => set(n, r)}
            testId={`inspection-item-result-${n}`}
          />
        </View>
      ))}
    </View>
  );
}

function InspectionForm({
  d,
  update,
  companies,
  error,
  busy,
  onSend,
}: {
  d: InspectionDraft;
  update: (p: Partial<InspectionDraft>) => void;
  companies: { value: number; label: string }[];
  error: string | null;
  busy: boolean;
  onSend: () => void;
}) {
  return (
    <Screen testId="inspection-new-form">
      <Text className="jh-field__label jh-block">被检查单位</Text>
      {companies.length ? (
        <Chips
          options={companies}
          value={d.companyId}
          onChange={(companyId) => update({ companyId })}
          testId="inspection-company"
        />
      ) : (
        <Text className="jh-block jh-notice">辖区内还没有登记的单位。</Text>
      )}
      <DateField
        label="检查日期"
        value={d.inspectedOn}
        onChange={(inspectedOn) => update({ inspectedOn })}
        testId="inspection-date"
      />
      <View className="jh-field">
        <Text className="jh-field__label jh-block">检查人员（多人用空格或顿号隔开）</Text>
        <Input
          className="jh-input"
          value={d.inspectors}
          placeholder="例如：王所长、李警官"
          onInput={(e) => update({ inspectors: e.detail.value })}
          data-testid="inspection-inspectors"
        />
      </View>
      <Items d={d} update={update} />
      <View className="jh-field">
        <Text className="jh-field__label jh-block">发现的问题（没有可不填）</Text>
        <Textarea
          className="jh-input jh-textarea"
          style={{ height: '120px', width: '100%', padding: '10px 14px' }}
          value={d.findings}
          maxlength={2000}
          placeholder="例如：两名保安员上岗未携带保安员证"
          onInput={(e) => update({ findings: e.detail.value })}
          data-testid="inspection-findings-input"
        />
      </View>
      {hasProblem(d) ? (
        <DateField
          label="整改期限"
          value={d.rectifyBy}
          onChange={(rectifyBy) => update({ rectifyBy })}
          testId="inspection-rectify-by"
        />
      ) : null}
      <InlineError message={error} testId="inspection-new-error" />
      <BigButton onClick={onSend} loading={busy} loadingText="正在保存…" testId="inspection-new-save">
        保存检查记录
      </BigButton>
    </Screen>
  );
}

/** 记录一次检查: company, date, inspectors, the checklist, findings and, with a problem, the deadline. */
export default function NewInspectionPage() {
  const today = businessDate(new Date());
  const companies = useResource(
    useCallback(() => listCompanies({ page: 1, pageSize: 100 }), []),
    'inspection-companies',
  );
  const [d, setD] = useState<InspectionDraft>(() => emptyInspectionDraft(today));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = (patch: Partial<InspectionDraft>) => setD((old) => ({ ...old, ...patch }));
  if (companies.status === 'loading')
    return (
      <Screen testId="inspection-new-form">
        <LoadingState />
      </Screen>
    );
  if (companies.status === 'error')
    return (
      <Screen testId="inspection-new-form">
        <ErrorState message={companies.error} onRetry={companies.reload} />
      </Screen>
    );
  const send = async () => {
    const problem = inspectionDraftError(d, today);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const made = await recordInspection(inspectionRequest(d));
      await Taro.redirectTo({ url: pageUrl(PAGES.inspection, { id: made.id }) });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <InspectionForm
      d={d}
      update={update}
      companies={companies.data.items.map((c) => ({ value: c.id, label: c.name }))}
      error={error}
      busy={busy}
      onSend={() => void send()}
    />
  );
}
