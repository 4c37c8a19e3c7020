import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import {
  VOLUNTEER_TIER_LABELS,
  VOLUNTEER_TIERS,
  type InsuranceCandidate,
  type InsuranceCandidateFilters,
  type PolicyResponse,
  type UninsuredFilter,
  type VolunteerTier,
} from '@jianghuai/shared';
import { Screen } from '../../../components/Screen';
import { BigButton } from '../../../components/BigButton';
import { Chips } from '../../../components/activity/Chips';
import { ErrorState, InlineError, LoadingState } from '../../../components/States';
import { PagedListView } from '../../../components/PagedListView';
import { PAGE_SIZE, usePagedList, type PagedList } from '../../../hooks/usePagedList';
import { messageOf } from '../../../hooks/useSignup';
import { policyPeriod } from '../../../logic/insurance-form';
import { candidateCover, enrolResultLine, toggleAllShown, toggleId } from '../../../logic/insurance';
import { candidateFilters, enrolVolunteers, getPolicy, listCandidates } from '../../../services/insurance';
import '../../../components/activity/activity.css';
import '../../../admin/admin.css';

interface Filter {
  q: string;
  stationId: number | 0;
  teamId: number | 0;
  tier: VolunteerTier | '';
  uninsured: UninsuredFilter | '';
}
const NO_FILTER: Filter = { q: '', stationId: 0, teamId: 0, tier: '', uninsured: 'policy' };

const UNINSURED_CHOICES: { value: UninsuredFilter | ''; label: string }[] = [
  { value: 'policy', label: '只看未投保（本保单）' },
  { value: 'any', label: '只看没有任何有效保险' },
  { value: '', label: '全部义警' },
];

function FilterChips({
  filter,
  options,
  set,
}: {
  filter: Filter;
  options: InsuranceCandidateFilters | null;
  set: (patch: Partial<Filter>) => void;
}) {
  const stations = options?.stations ?? [];
  const teams = (options?.teams ?? []).filter((t) => !filter.stationId || t.stationId === filter.stationId);
  return (
    <View>
      <Chips
        options={UNINSURED_CHOICES}
        value={filter.uninsured}
        onChange={(v) => set({ uninsured: v })}
        testId="uninsured"
      />
      {stations.length > 1 ? (
        <Chips
          options={[{ value: 0, label: '全部派出所' }, ...stations.map((s) => ({ value: s.id, label: s.name }))]}
          value={filter.stationId}
          onChange={(v) => set({ stationId: v, teamId: 0 })}
          testId="station"
        />
      ) : null}
      {teams.length ? (
        <Chips
          options={[{ value: 0, label: '全部队伍' }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
          value={filter.teamId}
          onChange={(v) => set({ teamId: v })}
          testId="team"
        />
      ) : null}
      <Chips
        options={[
          { value: '' as const, label: '全部等级' },
          ...VOLUNTEER_TIERS.map((t) => ({ value: t, label: VOLUNTEER_TIER_LABELS[t] })),
        ]}
        value={filter.tier}
        onChange={(v) => set({ tier: v })}
        testId="tier"
      />
    </View>
  );
}

function SearchBox({ onSearch }: { onSearch: (q: string) => void }) {
  const [draft, setDraft] = useState('');
  return (
    <View className="jh-search">
      <Input
        className="jh-input"
        value={draft}
        placeholder="姓名、义警编号或手机尾号 4 位"
        confirmType="search"
        onInput={(e) => setDraft(e.detail.value)}
        onConfirm={() => onSearch(draft.trim())}
        data-testid="candidate-search-input"
      />
      <Button className="jh-btn jh-btn--primary" onClick={() => onSearch(draft.trim())} data-testid="candidate-search">
        搜索
      </Button>
    </View>
  );
}

function CandidateRow({ c, on, onToggle }: { c: InsuranceCandidate; on: boolean; onToggle: () => void }) {
  return (
    <View
      className={`jh-check-row${on ? ' jh-check-row--on' : ''}`}
      onClick={onToggle}
      aria-checked={on}
      data-testid="candidate-row"
      data-volunteer-id={c.id}
    >
      <View className="jh-check-box">{on ? '✓' : ''}</View>
      <View style={{ flex: 1 }}>
        <Text className="jh-block" style={{ fontWeight: 700 }}>
          {c.name} <Text className="jh-muted">{c.memberNo}</Text>
        </Text>
        <Text className="jh-block jh-muted">
          {[c.station?.name, VOLUNTEER_TIER_LABELS[c.tier], c.phoneMasked].filter(Boolean).join(' · ')}
        </Text>
        <Text className="jh-block" data-testid="candidate-cover">
          {candidateCover(c)}
        </Text>
      </View>
      {on ? <Text className="jh-choice__on">已选</Text> : null}
    </View>
  );
}

function SelectBar({
  list,
  picked,
  setPicked,
}: {
  list: PagedList<InsuranceCandidate>;
  picked: Set<number>;
  setPicked: (s: Set<number>) => void;
}) {
  const shown = list.items.map((c) => c.id);
  const allOn = shown.length > 0 && shown.every((id) => picked.has(id));
  return (
    <View className="jh-card">
      <Text className="jh-block" style={{ fontWeight: 700 }} data-testid="picked-count">
        已选 {picked.size} 人
      </Text>
      {shown.length ? (
        <BigButton kind="secondary" onClick={() => setPicked(toggleAllShown(picked, shown))} testId="pick-all">
          {allOn ? `取消全选（列表中 ${shown.length} 人）` : `全选列表中 ${shown.length} 人`}
        </BigButton>
      ) : null}
    </View>
  );
}

function usePolicy(id: number) {
  const [policy, setPolicy] = useState<PolicyResponse | null>(null);
  const [options, setOptions] = useState<InsuranceCandidateFilters | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      const [p, o] = await Promise.all([getPolicy(id), candidateFilters(id)]);
      setPolicy(p);
      setOptions(o);
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [id]);
  useEffect(() => void load(), [load]);
  return { policy, options, error, load };
}

function useCandidates(id: number) {
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [round, setRound] = useState(0);
  const fetchPage = useCallback(
    (page: number) =>
      listCandidates(id, {
        page,
        pageSize: PAGE_SIZE,
        q: filter.q || undefined,
        stationId: filter.stationId || undefined,
        teamId: filter.teamId || undefined,
        tier: filter.tier || undefined,
        uninsured: filter.uninsured || undefined,
      }),
    [id, filter],
  );
  const list = usePagedList(fetchPage, `${JSON.stringify(filter)}-${round}`);
  const set = (patch: Partial<Filter>) => setFilter((f) => ({ ...f, ...patch }));
  return { filter, set, list, reload: () => setRound((r) => r + 1) };
}

/** Ticked volunteers and the enrolment of them: a confirmation, then the result line. */
function useEnrol(id: number, onDone: () => void) {
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  async function enrol() {
    const ids = [...picked];
    const ok = await Taro.showModal({ title: '确认投保', content: `为已选的 ${ids.length} 名义警投保到本保单？` });
    if (!ok.confirm) return;
    setBusy(true);
    setError(null);
    try {
      setResult(enrolResultLine(await enrolVolunteers(id, ids)));
      setPicked(new Set());
      onDone();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }
  return { picked, setPicked, busy, error, result, enrol };
}

/** One policy: choose volunteers in scope (search and filters, tick boxes) and enrol them in one step. */
export default function PolicyEnrolPage() {
  const id = Number(useRouter().params.id);
  const { policy, options, error: loadError, load } = usePolicy(id);
  const { filter, set, list, reload } = useCandidates(id);
  const { picked, setPicked, busy, error, result, enrol } = useEnrol(id, () => {
    reload();
    void load();
  });

  if (loadError || !policy)
    return (
      <Screen testId="policy-enrol">
        {loadError ? (
          <ErrorState message={loadError} onRetry={() => void load()} />
        ) : (
          <LoadingState text="正在加载保单…" />
        )}
      </Screen>
    );
  return (
    <Screen testId="policy-enrol">
      <View className="jh-card">
        <Text className="jh-row-card__title">{policy.insurer}</Text>
        <Text className="jh-block">保单号：{policy.policyNo}</Text>
        <Text className="jh-block">保障期：{policyPeriod(policy)}</Text>
        <Text className="jh-block" data-testid="policy-insured-count">
          {policy.orgUnit.name} · 已投保 {policy.insuredCount} 人
        </Text>
      </View>
      <Text className="jh-section-title">选择义警投保</Text>
      <SearchBox onSearch={(q) => set({ q })} />
      <FilterChips filter={filter} options={options} set={set} />
      {result ? (
        <Text className="jh-block jh-status-box jh-status-box--ok" data-testid="enrol-result">
          {result}
        </Text>
      ) : null}
      <SelectBar list={list} picked={picked} setPicked={setPicked} />
      <PagedListView
        list={list}
        testId="candidate-list"
        emptyText={
          filter.uninsured ? '没有符合条件的未投保义警。点“全部义警”可以看到已投保的人。' : '没有符合条件的义警。'
        }
        countLabel={(total) => `共 ${total} 名义警`}
        renderItem={(c) => (
          <CandidateRow key={c.id} c={c} on={picked.has(c.id)} onToggle={() => setPicked(toggleId(picked, c.id))} />
        )}
      />
      <InlineError message={error} testId="enrol-error" />
      <BigButton
        onClick={() => void enrol()}
        // undefined rather than false: Taro's H5 button renders disabled="false" as dimmed text
        disabled={picked.size ? undefined : true}
        loading={busy}
        loadingText="正在投保…"
        testId="enrol-picked"
      >
        {picked.size ? `为已选的 ${picked.size} 人投保` : '请先勾选义警'}
      </BigButton>
    </Screen>
  );
}
