import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { DisputeResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { Choice } from '../../components/Choice';
import { InlineError } from '../../components/States';
import { errorText, useResource } from '../../hooks/useResource';
import { assignMediator, mediatorCandidates } from '../../services/casework';

const distanceText = (m: number | null) =>
  m === null ? '距离不详' : m < 1000 ? `约 ${m} 米` : `约 ${(m / 1000).toFixed(1)} 公里`;

/** 指定调解员: the station's volunteers with the 调解 skill, nearest residence community first. */
export function MediatorPicker({ d, onDone }: { d: DisputeResponse; onDone: (next: DisputeResponse) => void }) {
  const candidates = useResource(
    useCallback(() => mediatorCandidates(d.id), [d.id]),
    `candidates:${d.id}`,
  );
  const [chosen, setChosen] = useState<number | null>(d.mediator?.volunteerId ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!chosen) return setError('请选择一位调解员');
    setBusy(true);
    setError(null);
    try {
      onDone(await assignMediator(d.id, { volunteerId: chosen }));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="jh-card" data-testid="mediator-picker">
      <Text className="jh-section-title jh-block">{d.mediator ? '更换调解员' : '指定调解员'}</Text>
      {candidates.status === 'loading' ? <Text className="jh-muted jh-block">正在查找调解员…</Text> : null}
      {candidates.status === 'error' ? <InlineError message={candidates.error} /> : null}
      {candidates.status === 'ready' && candidates.data.length === 0 ? (
        <Text className="jh-muted jh-block">本所暂无具备调解技能的义警</Text>
      ) : null}
      {candidates.status === 'ready'
        ? candidates.data.map((c) => (
            <Choice
              key={c.volunteerId}
              selected={chosen === c.volunteerId}
              onTap={() => setChosen(c.volunteerId)}
              title={`${c.name}（${c.memberNo}）`}
              hint={`${c.communityName ?? '居住社区不详'} · ${distanceText(c.distanceMeters)}`}
              testId={`mediator-${c.volunteerId}`}
            />
          ))
        : null}
      <InlineError message={error} testId="mediator-error" />
      <BigButton onClick={() => void save()} loading={busy} loadingText="正在指定…" testId="mediator-save">
        指定为调解员
      </BigButton>
    </View>
  );
}
