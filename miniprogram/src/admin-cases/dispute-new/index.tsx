import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Input, Text, Textarea, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { errorText } from '../../hooks/useResource';
import {
  DISPUTE_TYPE_OPTIONS,
  disputeDraftError,
  disputeRequest,
  emptyDisputeDraft,
  type DisputeDraft,
} from '../../logic/casework';
import { PAGES, pageUrl } from '../../logic/routes';
import { createDispute, createDisputeFromTip } from '../../services/casework';
import '../../components/activity/activity.css';
import '../../components/casework/casework.css';

function Parties({ d, update }: { d: DisputeDraft; update: (p: Partial<DisputeDraft>) => void }) {
  const set = (i: number, patch: Partial<DisputeDraft['parties'][number]>) =>
    update({ parties: d.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <View className="jh-field">
      <Text className="jh-field__label jh-block">当事人（手机号可不填）</Text>
      {d.parties.map((p, i) => (
        <View key={i} className="jh-case-party">
          <Input
            className="jh-input"
            value={p.name}
            placeholder={`当事人 ${i + 1} 姓名`}
            onInput={(e) => set(i, { name: e.detail.value })}
            data-testid={`dispute-party-name-${i}`}
          />
          <Input
            className="jh-input"
            type="number"
            value={p.phone}
            placeholder="手机号"
            onInput={(e) => set(i, { phone: e.detail.value })}
            data-testid={`dispute-party-phone-${i}`}
          />
        </View>
      ))}
      {d.parties.length < 10 ? (
        <BigButton
          kind="secondary"
          onClick={() => update({ parties: [...d.parties, { name: '', phone: '' }] })}
          testId="dispute-party-add"
        >
          再加一位当事人
        </BigButton>
      ) : null}
    </View>
  );
}

/** 登记纠纷, or 转为纠纷 from a 矛盾纠纷 tip (`?tipId=`: the place and description come from the tip). */
export default function NewDisputePage() {
  const tipId = Number(useRouter().params.tipId) || null;
  const [d, setD] = useState<DisputeDraft>(() =>
    tipId ? { ...emptyDisputeDraft(), address: '（取自线索）', description: '（取自线索）' } : emptyDisputeDraft(),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const update = (patch: Partial<DisputeDraft>) => setD((old) => ({ ...old, ...patch }));
  const send = async () => {
    const problem = disputeDraftError(d);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const body = disputeRequest(d);
      const made = tipId
        ? await createDisputeFromTip({ tipId, type: body.type, parties: body.parties })
        : await createDispute(body);
      await Taro.redirectTo({ url: pageUrl(PAGES.adminDispute, { id: made.id }) });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Screen testId="dispute-new-form">
      {tipId ? <Text className="jh-block jh-notice">由线索 #{tipId} 转为纠纷，地点和情况取自线索。</Text> : null}
      <Text className="jh-field__label jh-block">纠纷类型</Text>
      <Chips
        options={DISPUTE_TYPE_OPTIONS}
        value={d.type}
        onChange={(type) => update({ type })}
        testId="dispute-type"
      />
      <Parties d={d} update={update} />
      {tipId ? null : (
        <View className="jh-field">
          <Text className="jh-field__label jh-block">地点</Text>
          <Input
            className="jh-input"
            value={d.address}
            placeholder="例如：平湖小区 3 栋 2 单元"
            onInput={(e) => update({ address: e.detail.value })}
            data-testid="dispute-address"
          />
          <Text className="jh-field__label jh-block">纠纷情况</Text>
          <Textarea
            className="jh-input jh-textarea"
            style={{ height: '120px', width: '100%', padding: '10px 14px' }}
            value={d.description}
            maxlength={2000}
            placeholder="因为什么事、闹到什么程度"
            onInput={(e) => update({ description: e.detail.value })}
            data-testid="dispute-description"
          />
        </View>
      )}
      <InlineError message={error} testId="dispute-new-error" />
      <BigButton onClick={() => void send()} loading={busy} loadingText="正在登记…" testId="dispute-new-save">
        登记
      </BigButton>
    </Screen>
  );
}
