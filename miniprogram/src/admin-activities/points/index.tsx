import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import type { AdminLedgerEntryResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { useResource } from '../../hooks/useResource';
import { messageOf } from '../../hooks/useSignup';
import { formatDateTime } from '../../logic/format';
import { formatPointsAmount } from '../../logic/points';
import {
  canReverse,
  issuedQuery,
  ledgerEntryState,
  reversalConfirmText,
  validateReversalReason,
  type IssuedPeriod,
} from '../../logic/points-admin';
import { adminLedger, pointsIssued, reverseEntry } from '../../services/points-admin';
import '../../components/activity/activity.css';
import '../../admin/admin.css';

const PERIODS: { value: IssuedPeriod; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'month', label: '本月' },
];

function IssuedSummary({ period }: { period: IssuedPeriod }) {
  const issued = useResource(() => pointsIssued(issuedQuery(period, new Date())), period);
  if (issued.status === 'loading') return <LoadingState text="正在统计发放的积分…" />;
  if (issued.status === 'error')
    return <ErrorState message={issued.error} onRetry={issued.reload} testId="issued-error" />;
  const { total, byOrg } = issued.data;
  return (
    <View data-testid="points-issued">
      <View className="jh-card">
        <Text className="jh-block jh-muted">净发放积分</Text>
        <Text className="jh-big-number" data-testid="issued-net">
          {total.net}
        </Text>
        <Text className="jh-block jh-muted">
          发放 {total.credited} · 冲正 {total.reversed}
        </Text>
      </View>
      {byOrg.length === 0 ? <Text className="jh-block jh-muted">这段时间还没有发放积分。</Text> : null}
      {byOrg.map((o) => (
        <View key={o.orgUnitId} className="jh-row-card" data-testid="issued-org">
          <Text className="jh-row-card__title">{o.name}</Text>
          <Text className="jh-row-card__line">
            净发放 {o.net} 分（发放 {o.credited}，冲正 {o.reversed}），共 {o.entries} 笔
          </Text>
        </View>
      ))}
    </View>
  );
}

/** Who, what, when, which station, whether it was reversed, and the amount. */
function LedgerEntry({ e }: { e: AdminLedgerEntryResponse }) {
  const state = ledgerEntryState(e);
  return (
    <View className="jh-ledger-row" style={{ padding: 0, border: 'none' }}>
      <View>
        <Text className="jh-block" style={{ fontWeight: 600 }}>
          {e.volunteer.name}
          {e.volunteer.memberNo ? `（${e.volunteer.memberNo}）` : ''}
        </Text>
        <Text className="jh-block jh-muted">
          {e.typeLabel} · {e.description || '—'}
        </Text>
        <Text className="jh-block jh-muted">
          <Text className="jh-time">{formatDateTime(e.createdAt)}</Text>
          {e.awardingOrg ? ` · ${e.awardingOrg.name}` : ''}
        </Text>
        {state ? (
          <Text className="jh-block jh-muted" data-testid="ledger-state">
            {state}
          </Text>
        ) : null}
        {e.reason ? <Text className="jh-block jh-muted">原因：{e.reason}</Text> : null}
      </View>
      <Text className={`jh-ledger-row__amount jh-ledger-row__amount--${e.amount >= 0 ? 'plus' : 'minus'}`}>
        {formatPointsAmount(e.amount)}
      </Text>
    </View>
  );
}

/** One entry, with 冲正 (a reason, then a confirmation) when it may still be reversed. */
function LedgerRow({ e, onReversed }: { e: AdminLedgerEntryResponse; onReversed: () => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send() {
    const problem = validateReversalReason(reason);
    if (problem) return setError(problem);
    setError(null);
    const answer = await Taro.showModal({
      title: '确认冲正',
      content: reversalConfirmText(e),
      confirmText: '确定冲正',
      cancelText: '不冲正了',
    });
    if (!answer.confirm) return;
    setBusy(true);
    try {
      await reverseEntry(e.id, reason.trim());
      void Taro.showToast({ title: '已冲正，已记入操作日志', icon: 'none', duration: 3000 });
      setOpen(false);
      onReversed();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="jh-row-card" data-testid="admin-ledger-item" data-entry-id={e.id}>
      <LedgerEntry e={e} />
      {canReverse(e) && !open ? (
        <BigButton kind="secondary" onClick={() => setOpen(true)} testId={`reverse-${e.id}`}>
          冲正
        </BigButton>
      ) : null}
      {open ? (
        <View style={{ marginTop: '12px' }}>
          <Text className="jh-field__label">冲正原因（记入操作日志，义警能看到）</Text>
          <Textarea
            className="jh-textarea"
            value={reason}
            maxlength={200}
            placeholder="例如：经核实未实际到岗"
            onInput={(ev) => setReason(ev.detail.value)}
            data-testid="reverse-reason"
          />
          <InlineError message={error} testId="reverse-error" />
          <BigButton
            kind="danger"
            onClick={() => void send()}
            loading={busy}
            loadingText="正在冲正…"
            testId="reverse-submit"
          >
            确认冲正 {e.amount} 分
          </BigButton>
          <BigButton kind="secondary" onClick={() => setOpen(false)} disabled={busy} testId="reverse-back">
            不冲正了
          </BigButton>
        </View>
      ) : null}
    </View>
  );
}

/** Points issued by each station in the viewer's scope, and the ledger with reversal. */
export default function AdminPointsPage() {
  const [period, setPeriod] = useState<IssuedPeriod>('all');
  const [round, setRound] = useState(0);
  const fetchPage = useCallback((page: number) => adminLedger({ page, pageSize: PAGE_SIZE }), []);
  const list = usePagedList(fetchPage, `ledger-${round}`);
  const refresh = () => setRound((r) => r + 1);

  return (
    <Screen testId="admin-points">
      <Text className="jh-title">积分发放</Text>
      <Chips options={PERIODS} value={period} onChange={setPeriod} testId="issued-period" />
      <IssuedSummary key={`${period}-${round}`} period={period} />
      <Text className="jh-section-title">积分流水</Text>
      <Text className="jh-block jh-muted">记错的积分不能修改或删除，只能“冲正”：新增一笔相反的记录。</Text>
      <PagedListView
        list={list}
        testId="admin-ledger-list"
        emptyText="还没有积分流水。确认活动出勤后，发放的积分会出现在这里。"
        countLabel={(total) => `共 ${total} 笔`}
        renderItem={(e) => <LedgerRow key={e.id} e={e} onReversed={refresh} />}
      />
    </Screen>
  );
}
