import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ActivityResponse, PolicyResponse } from '@jianghuai/shared';
import { BigButton } from '../components/BigButton';
import { InlineError, LoadingState } from '../components/States';
import { Chips } from '../components/activity/Chips';
import { messageOf } from '../hooks/useSignup';
import { enrolSummary, policyCovers, policyPeriod } from '../logic/insurance-form';
import { PAGES, pageUrl } from '../logic/routes';
import { enrolActivity, listPolicies } from '../services/insurance';

/** The policies that cover the activity, the one chosen, and enrolling the confirmed sign-ups in it. */
function useInsureActivity(a: ActivityResponse) {
  const [open, setOpen] = useState(false);
  const [policies, setPolicies] = useState<PolicyResponse[] | null>(null);
  const [chosen, setChosen] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function start() {
    setOpen(true);
    setError(null);
    setResult(null);
    setPolicies(null);
    try {
      const page = await listPolicies({ page: 1, pageSize: 50 });
      const covering = page.items.filter((p) => policyCovers(p, a));
      setPolicies(covering);
      setChosen(covering[0]?.id ?? null);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }

  async function enrol() {
    const policy = policies?.find((p) => p.id === chosen);
    if (!policy) return setError('请先选择一份保单');
    const answer = await Taro.showModal({
      title: '确认投保',
      content: `将把本活动全部报名成功的义警（${a.confirmedCount} 人）加入保单“${policy.insurer} ${policy.policyNo}”。已在保单中的不会重复加入。`,
      confirmText: '确定投保',
      cancelText: '再看看',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setError(null);
    try {
      setResult(enrolSummary(await enrolActivity(policy.id, a.id)));
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return { open, setOpen, policies, chosen, setChosen, error, result, busy, start, enrol };
}

/** Nothing covers the activity: say so and offer the page where policies are registered. */
function NoCoveringPolicy() {
  return (
    <View>
      <Text className="jh-block" data-testid="insure-no-policy">
        没有覆盖这个活动时间的保单。请先登记保单。
      </Text>
      <BigButton
        kind="secondary"
        onClick={() => void Taro.navigateTo({ url: PAGES.adminInsurance })}
        testId="insure-open-policies"
      >
        去登记保单
      </BigButton>
    </View>
  );
}

/** "为已报名义警批量投保": pick a policy that covers the activity, confirm, enrol every confirmed sign-up. */
export function InsureActivity({ a }: { a: ActivityResponse }) {
  const { open, setOpen, policies, chosen, setChosen, error, result, busy, start, enrol } = useInsureActivity(a);
  if (!open) {
    return (
      <BigButton kind="secondary" onClick={() => void start()} testId="admin-insure">
        为已报名义警批量投保
      </BigButton>
    );
  }
  return (
    <View className="jh-card" style={{ marginTop: '16px' }} data-testid="insure-panel">
      <Text className="jh-field__label">选择保单（只列出保障期覆盖整个活动的）</Text>
      {!policies && !error ? <LoadingState text="正在查询保单…" /> : null}
      {policies && policies.length === 0 ? <NoCoveringPolicy /> : null}
      {policies && policies.length > 0 ? (
        <Chips
          options={policies.map((p) => ({ value: p.id, label: `${p.insurer} ${p.policyNo}（${policyPeriod(p)}）` }))}
          value={chosen}
          onChange={setChosen}
          testId="insure-policy"
        />
      ) : null}
      <InlineError message={error} testId="insure-error" />
      {result ? (
        <Text className="jh-block jh-status-box jh-status-box--ok" data-testid="insure-result">
          {result}
        </Text>
      ) : null}
      {policies && policies.length > 0 && !result && a.confirmedCount > 0 ? (
        <BigButton onClick={() => void enrol()} loading={busy} loadingText="正在投保…" testId="insure-submit">
          为 {a.confirmedCount} 名已报名义警投保
        </BigButton>
      ) : null}
      {/* nobody can sign up for a high-risk activity before being insured: choose them on the policy's page */}
      {chosen !== null && !result ? (
        <BigButton
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminInsurancePolicy, { id: chosen }) })}
          testId="insure-choose-volunteers"
        >
          先为义警投保（选择义警）
        </BigButton>
      ) : null}
      <BigButton kind="secondary" onClick={() => setOpen(false)} disabled={busy || undefined} testId="insure-close">
        {result ? '完成' : '不投保了'}
      </BigButton>
    </View>
  );
}
