import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Picker, Text, View } from '@tarojs/components';
import type { RecordCriminalCheckRequest } from '@jianghuai/shared';
import { BigButton } from './BigButton';
import { Choice, FieldError } from './Choice';
import { errorText } from '../hooks/useResource';
import { buildCriminalCheck, shanghaiNow, type CriminalCheckInput } from '../logic/enrolment-view';

export interface CriminalCheckFormProps {
  title: string;
  hint: string;
  /** The signed-in officer's name: who usually ran the check. */
  defaultChecker: string;
  /** Asked before a “record” result is sent (e.g. a re-check that suspends the volunteer). */
  confirmRecord?: string;
  onSubmit: (body: RecordCriminalCheckRequest) => Promise<void>;
}

/** The form's fields, its one complaint at a time, and saving (with the confirmation a “record” result may need). */
function useCriminalCheckInput(
  defaultChecker: string,
  confirmRecord: string | undefined,
  onSubmit: CriminalCheckFormProps['onSubmit'],
) {
  const now = shanghaiNow();
  const [input, setInput] = useState<CriminalCheckInput>({
    result: null,
    checkedBy: defaultChecker,
    date: now.date,
    time: now.time,
    note: '',
  });
  const [problem, setProblem] = useState<{ field: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** Whether the officer typed a checker themselves: a name arriving later never overwrites it. */
  const typed = useRef(false);
  // After a reload the signed-in officer (or the recorded check) is known only a moment later.
  useEffect(() => {
    if (!typed.current && defaultChecker)
      setInput((prev) => (prev.checkedBy ? prev : { ...prev, checkedBy: defaultChecker }));
  }, [defaultChecker]);
  const set = (patch: Partial<CriminalCheckInput>) => {
    if ('checkedBy' in patch) typed.current = true;
    setInput((prev) => ({ ...prev, ...patch }));
    setProblem(null);
  };
  const save = async () => {
    const built = buildCriminalCheck(input);
    if (!built.ok) return setProblem(built);
    if (built.body.result === 'record' && confirmRecord) {
      const { confirm } = await Taro.showModal({
        title: '请确认',
        content: confirmRecord,
        confirmText: '确定记录',
        confirmColor: '#c62828',
        cancelText: '取消',
      });
      if (!confirm) return;
    }
    setBusy(true);
    try {
      await onSubmit(built.body);
    } catch (e) {
      setProblem({ field: 'form', message: errorText(e) });
    } finally {
      setBusy(false);
    }
  };
  return { input, set, problem, busy, save };
}

/**
 * Recording a criminal-record check run on the police intranet: result, who, when, note. Used for
 * the applicant's first check and for the volunteer's yearly re-check (docs/product.md#applications-and-review, #volunteers-archive).
 */
export function CriminalCheckForm({ title, hint, defaultChecker, confirmRecord, onSubmit }: CriminalCheckFormProps) {
  const { input, set, problem, busy, save } = useCriminalCheckInput(defaultChecker, confirmRecord, onSubmit);
  return (
    <View className="jh-card" data-testid="criminal-check-form">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        {title}
      </Text>
      <Text className="jh-field-hint">{hint}</Text>
      <Choice
        selected={input.result === 'clear'}
        onTap={() => set({ result: 'clear' })}
        title="无违法犯罪记录"
        testId="check-clear"
      />
      <Choice
        selected={input.result === 'record'}
        onTap={() => set({ result: 'record' })}
        title="有违法犯罪记录"
        testId="check-record"
      />
      <FieldError message={problem?.field === 'result' ? problem.message : null} />
      <Text className="jh-field__label">核查人</Text>
      <Input
        className="jh-input jh-input--full"
        value={input.checkedBy}
        maxlength={32}
        onInput={(e) => set({ checkedBy: e.detail.value })}
        data-testid="check-by"
      />
      <FieldError message={problem?.field === 'checkedBy' ? problem.message : null} />
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        核查时间
      </Text>
      <View className="jh-actions">
        <Picker mode="date" value={input.date} onChange={(e) => set({ date: e.detail.value })}>
          <View className="jh-input" style={{ lineHeight: '56px', marginRight: '8px' }} data-testid="check-date">
            {input.date}
          </View>
        </Picker>
        <Picker mode="time" value={input.time} onChange={(e) => set({ time: e.detail.value })}>
          <View className="jh-input" style={{ lineHeight: '56px' }} data-testid="check-time">
            {input.time}
          </View>
        </Picker>
      </View>
      <FieldError message={problem?.field === 'checkedAt' ? problem.message : null} />
      <Text className="jh-field__label" style={{ marginTop: '12px' }}>
        备注（选填）
      </Text>
      <Input
        className="jh-input jh-input--full"
        value={input.note}
        maxlength={200}
        onInput={(e) => set({ note: e.detail.value })}
        data-testid="check-note"
      />
      <FieldError message={problem?.field === 'form' ? problem.message : null} testId="check-error" />
      <BigButton onClick={() => void save()} loading={busy} loadingText="正在记录…" testId="check-save">
        记录核查结果
      </BigButton>
    </View>
  );
}
