import { useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { hasPermission, type VolunteerArchiveResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Choice, FieldError } from '../../components/Choice';
import { errorText } from '../../hooks/useResource';
import { useSession } from '../../hooks/useSession';
import { adjustmentDone, adjustmentInput } from '../../logic/points';
import { adjustPoints } from '../../services/points-adjustments';

/** 积分调整: add or take points with a reason (station, branch and city officers; the server checks the area). */
export function PointsAdjust({ archive }: { archive: VolunteerArchiveResponse }) {
  const session = useSession();
  const [direction, setDirection] = useState<'add' | 'take'>('add');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (session.status !== 'signedIn' || !hasPermission(session.me.roles, 'points.adjust')) return null;
  const submit = async () => {
    const input = adjustmentInput(direction, amount, reason);
    if ('problem' in input) return setError(input.problem);
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const entry = await adjustPoints({ volunteerId: archive.id, ...input });
      setResult(adjustmentDone(entry.amount, entry.balanceAfter));
      setAmount('');
      setReason('');
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="points-adjust">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        积分调整
      </Text>
      <Choice
        selected={direction === 'add'}
        onTap={() => setDirection('add')}
        title="增加积分"
        testId="points-adjust-add"
      />
      <Choice
        selected={direction === 'take'}
        onTap={() => setDirection('take')}
        title="扣减积分"
        hint="不能超过该义警现有积分"
        testId="points-adjust-take"
      />
      <Text className="jh-field__label">积分（1–1000 的整数）</Text>
      <Input
        className="jh-input jh-input--full"
        type="number"
        value={amount}
        onInput={(e) => setAmount(e.detail.value)}
        data-testid="points-adjust-amount"
      />
      <Text className="jh-field__label">调整原因（必填，2–100 字）</Text>
      <Input
        className="jh-input jh-input--full"
        value={reason}
        maxlength={100}
        onInput={(e) => setReason(e.detail.value)}
        data-testid="points-adjust-reason"
      />
      <FieldError message={error} testId="points-adjust-error" />
      {result ? (
        <View className="jh-field-ok" data-testid="points-adjust-result">
          <Text>✓ {result}</Text>
        </View>
      ) : null}
      <BigButton
        kind="secondary"
        onClick={() => void submit()}
        loading={busy}
        loadingText="正在提交…"
        testId="points-adjust-submit"
      >
        提交积分调整
      </BigButton>
    </View>
  );
}
