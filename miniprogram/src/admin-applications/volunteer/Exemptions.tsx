import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import type { ExemptionResponse, VolunteerArchiveResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import { shanghaiNow } from '../../logic/enrolment-view';
import { addMonths, buildExemption, EXEMPTION_QUICK_MONTHS, quickMonthsLabel } from '../../logic/volunteer-edit';
import { addExemption } from '../../services/enrolment-admin';
import { FilterChip } from '../FilterChip';

type Problem = { field: string; message: string } | null;

/** The new exemption being typed, and its submission. */
function useExemptionForm(archive: VolunteerArchiveResponse, onAdded: (e: ExemptionResponse) => void) {
  const today = shanghaiNow().date;
  const [reason, setReasonValue] = useState('');
  const [endsOn, setEndsOnValue] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Typing or picking again clears the last problem and the last confirmation.
  const touched = () => {
    setProblem(null);
    setAdded(null);
  };
  const setReason = (value: string) => {
    setReasonValue(value);
    touched();
  };
  const setEndsOn = (value: string) => {
    setEndsOnValue(value);
    touched();
  };
  const submit = async () => {
    const built = buildExemption({ reason, endsOn }, today);
    if (!built.ok) return setProblem(built);
    setBusy(true);
    setProblem(null);
    try {
      const e = await addExemption(archive.id, built.body);
      setAdded(`已登记：${e.endsOn} 前不因未履职注销资格，并记入操作日志。`);
      setReasonValue('');
      setEndsOnValue('');
      onAdded(e);
    } catch (e) {
      setProblem({ field: 'form', message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return { today, reason, endsOn, problem, added, busy, setReason, setEndsOn, submit };
}

/** The exemptions on record, each marked 有效 or 已结束. */
function ExemptionList({ archive }: { archive: VolunteerArchiveResponse }) {
  return (
    <>
      {archive.exemptions.length === 0 ? <Text className="jh-muted">没有登记过特殊情况</Text> : null}
      {archive.exemptions.map((e) => (
        <View key={e.id} className="jh-row-card" data-testid="exemption-row">
          <Text className="jh-row-card__title">
            {e.active ? '【有效】' : '【已结束】'}
            {e.reason}
          </Text>
          <Text className="jh-row-card__line">
            截止 {e.endsOn} · {e.createdBy.name}登记
          </Text>
        </View>
      ))}
    </>
  );
}

/** 截止日期: a quick length (1, 3, 6 … months from today) or any date from the picker. */
function EndsOnPicker({ today, endsOn, onChange }: { today: string; endsOn: string; onChange: (d: string) => void }) {
  return (
    <>
      <View className="jh-filter">
        {EXEMPTION_QUICK_MONTHS.map((n) => {
          const date = addMonths(today, n);
          return (
            <FilterChip
              key={n}
              on={endsOn === date}
              label={quickMonthsLabel(n)}
              onTap={() => onChange(date)}
              testId={`exemption-months-${n}`}
            />
          );
        })}
      </View>
      <Picker mode="date" value={endsOn || today} start={today} onChange={(e) => onChange(e.detail.value)}>
        <View className="jh-input" style={{ lineHeight: '56px' }} data-testid="exemption-ends-on">
          {endsOn || '点此选择日期'}
        </View>
      </Picker>
    </>
  );
}

/** 特殊情况: while one runs, the volunteer is not revoked for inactivity (docs/product.md#volunteers-archive). */
export function Exemptions({
  archive,
  onAdded,
}: {
  archive: VolunteerArchiveResponse;
  onAdded: (e: ExemptionResponse) => void;
}) {
  const form = useExemptionForm(archive, onAdded);
  const { problem } = form;
  return (
    <View className="jh-card" data-testid="exemptions">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        特殊情况
      </Text>
      <Text className="jh-field-hint">
        因病、外出务工等暂时不能履职：登记原因和截止日期，期间不因长期未履职注销资格。
      </Text>
      <ExemptionList archive={archive} />
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        原因
      </Text>
      <Input
        className="jh-input jh-input--full"
        value={form.reason}
        maxlength={200}
        placeholder="如：因病住院"
        onInput={(e) => form.setReason(e.detail.value)}
        data-testid="exemption-reason"
      />
      <FieldError message={problem?.field === 'reason' ? problem.message : null} />
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        截止日期（点选时长，或在下方选择日期）
      </Text>
      <EndsOnPicker today={form.today} endsOn={form.endsOn} onChange={form.setEndsOn} />
      <FieldError
        message={problem?.field === 'endsOn' ? problem.message : problem?.field === 'form' ? problem.message : null}
        testId="exemption-error"
      />
      {form.added ? (
        <View className="jh-field-ok" data-testid="exemption-added">
          <Text>✓ {form.added}</Text>
        </View>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void form.submit()}
        loading={form.busy}
        loadingText="正在登记…"
        testId="exemption-submit"
      >
        登记特殊情况
      </BigButton>
    </View>
  );
}
