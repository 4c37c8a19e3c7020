import { useCallback, useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { DateTimeField } from '../../components/DateTimeField';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { messageOf } from '../../hooks/useSignup';
import {
  emptyPolicyForm,
  policyPeriod,
  toPolicyRequest,
  validatePolicyForm,
  type PolicyForm,
  type PolicyFormErrors,
} from '../../logic/insurance-form';
import { createPolicy, listPolicies } from '../../services/insurance';
import { openPage } from '../../hooks/navigate';
import { PAGES, pageUrl } from '../../logic/routes';
import '../../components/activity/activity.css';
import '../../admin/admin.css';

type Key = keyof PolicyForm;

function NewPolicyForm({ onCreated, onClose }: { onCreated: () => void; onClose: () => void }) {
  const [form, setForm] = useState<PolicyForm>(() => emptyPolicyForm(new Date()));
  const [errors, setErrors] = useState<PolicyFormErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (key: Key, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((prev) => ({ ...prev, [key]: undefined }));
    // the summary above the button spoke of the form as it was
    setError(null);
  };

  const field = (key: Key, label: string, placeholder: string) => (
    <View className="jh-field">
      <Text className="jh-field__label">{label}</Text>
      <Input
        className="jh-input"
        value={form[key]}
        placeholder={placeholder}
        onInput={(e) => change(key, e.detail.value)}
        data-testid={`policy-${key}`}
      />
      {errors[key] ? (
        <Text className="jh-field__error" data-testid={`policy-${key}-error`}>
          {errors[key]}
        </Text>
      ) : null}
    </View>
  );

  // a Shanghai date from the picker: never typed
  const day = (key: 'validFrom' | 'validTo', label: string) => (
    <DateTimeField
      label={label}
      date={form[key]}
      onChange={(next) => change(key, next.date)}
      error={errors[key]}
      testId={`policy-${key}`}
    />
  );

  async function save() {
    const found = validatePolicyForm(form);
    setErrors(found);
    const problems = Object.values(found).filter(Boolean);
    if (problems.length) return setError(`还有 ${problems.length} 处需要修改：${problems[0]}`);
    setError(null);
    setBusy(true);
    try {
      await createPolicy(toPolicyRequest(form));
      void Taro.showToast({ title: '保单已登记', icon: 'none', duration: 2500 });
      onCreated();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="jh-card" data-testid="policy-form">
      <Text className="jh-section-title" style={{ marginTop: 0 }}>
        登记新保单
      </Text>
      {field('insurer', '保险公司', '例如：中国人寿马鞍山分公司')}
      {field('policyNo', '保单号', '例如：PICC-2026-0001')}
      {day('validFrom', '保障起始日期')}
      {day('validTo', '保障截止日期')}
      <Text className="jh-block jh-muted">起始日 0 点开始保障，截止日 24 点结束。</Text>
      <InlineError message={error} testId="policy-error" />
      <BigButton onClick={() => void save()} loading={busy} loadingText="正在登记…" testId="policy-submit">
        登记保单
      </BigButton>
      <BigButton kind="secondary" onClick={onClose} disabled={busy || undefined} testId="policy-cancel">
        不登记了
      </BigButton>
    </View>
  );
}

/** Accident insurance policies held in the viewer's scope; a policy opens its page to choose volunteers to enrol. */
export default function InsurancePoliciesPage() {
  const [showForm, setShowForm] = useState(false);
  const [round, setRound] = useState(0);
  const fetchPage = useCallback((page: number) => listPolicies({ page, pageSize: PAGE_SIZE }), []);
  const list = usePagedList(fetchPage, `policies-${round}`);
  // back from a policy's page: its insured count may have changed
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) setRound((r) => r + 1);
    shown.current = true;
  });

  return (
    <Screen testId="admin-insurance">
      <Text className="jh-title">保险保单</Text>
      <Text className="jh-block jh-muted">
        高风险活动和要求保险的活动，只有在保单内的义警才能报名。点一份保单，选择义警投保；在活动详情页也可以为已报名的义警批量投保。
      </Text>
      {showForm ? (
        <NewPolicyForm
          onCreated={() => {
            setShowForm(false);
            setRound((r) => r + 1);
          }}
          onClose={() => setShowForm(false)}
        />
      ) : (
        <BigButton onClick={() => setShowForm(true)} testId="new-policy">
          ＋ 登记新保单
        </BigButton>
      )}
      <Text className="jh-section-title">已登记的保单</Text>
      <PagedListView
        list={list}
        testId="policy-list"
        emptyText="还没有登记保单。点上面“登记新保单”添加。"
        countLabel={(total) => `共 ${total} 份保单`}
        renderItem={(p) => (
          <View
            key={p.id}
            className="jh-row-card"
            onClick={() => openPage(pageUrl(PAGES.adminInsurancePolicy, { id: p.id }))}
            data-testid="policy-item"
            data-policy-id={p.id}
          >
            <Text className="jh-row-card__title">{p.insurer}</Text>
            <Text className="jh-row-card__line">保单号：{p.policyNo}</Text>
            <Text className="jh-row-card__line">保障期：{policyPeriod(p)}</Text>
            <Text className="jh-row-card__line">
              {p.orgUnit.name} · 已投保 {p.insuredCount} 人
            </Text>
            <Text className="jh-row-card__line jh-link">选择义警投保 ›</Text>
          </View>
        )}
      />
    </Screen>
  );
}
