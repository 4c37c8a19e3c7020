import { useCallback, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import type { AssignmentResponse } from '@jianghuai/shared';
import { BigButton } from '../components/BigButton';
import { FieldError } from '../components/Choice';
import { errorText, useResource } from '../hooks/useResource';
import { formatDateTime } from '../logic/format';
import { acceptTransfer, declineTransfer, listIncomingTransfers } from '../services/enrolment-admin';

function Transfer({ t, onDone }: { t: AssignmentResponse; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const act = async (accept: boolean) => {
    if (!accept && reason.trim().length < 2) return setError('拒绝须填写原因');
    setBusy(true);
    setError(null);
    try {
      if (accept) await acceptTransfer(t.id);
      else await declineTransfer(t.id, reason.trim());
      onDone();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-row-card" data-testid="transfer-item">
      <Text className="jh-row-card__title">
        {t.fromStation?.name ?? '—'} → {t.toStation.name}
      </Text>
      <Text className="jh-row-card__line">
        原因：{t.reason ?? '—'}（{t.requestedBy?.name ?? ''}，{formatDateTime(t.createdAt)}）
      </Text>
      <Input
        className="jh-input jh-input--full"
        style={{ marginTop: '10px' }}
        value={reason}
        placeholder="拒绝时填写原因"
        onInput={(e) => setReason(e.detail.value)}
      />
      <FieldError message={error} />
      <View className="jh-actions">
        <BigButton kind="secondary" onClick={() => void act(false)} loading={busy} loadingText="请稍候…">
          拒绝
        </BigButton>
        <BigButton onClick={() => void act(true)} loading={busy} loadingText="请稍候…" testId="transfer-accept">
          接收
        </BigButton>
      </View>
    </View>
  );
}

/** Reassignments from another branch waiting for this branch to accept (docs/product.md#station-assignment). */
export function IncomingTransfers() {
  const [version, setVersion] = useState(0);
  const fetcher = useCallback(() => listIncomingTransfers(1, 20), []);
  const res = useResource(fetcher, String(version));
  if (res.status !== 'ready' || res.data.items.length === 0) return null;
  return (
    <View data-testid="incoming-transfers">
      <Text className="jh-section-title">待本分局接收的调整（{res.data.total}）</Text>
      {res.data.items.map((t) => (
        <Transfer key={t.id} t={t} onDone={() => setVersion((v) => v + 1)} />
      ))}
    </View>
  );
}
