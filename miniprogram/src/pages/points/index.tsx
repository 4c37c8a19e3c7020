import { useCallback, useEffect, useState } from 'react';
import { usePullDownRefresh } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { LedgerEntryResponse, MyPointsResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { ErrorState, LoadingState } from '../../components/States';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { messageOf } from '../../hooks/useSignup';
import { formatPointsAmount, ledgerLine } from '../../logic/points';
import { myLedger, myPoints } from '../../services/points';
import { withWholeDates } from '../../components/WholeDates';
import '../../components/activity/activity.css';

function LedgerRow({ e }: { e: LedgerEntryResponse }) {
  const line = ledgerLine(e);
  return (
    <View className="jh-ledger-row" data-testid="ledger-item">
      <View>
        <Text className="jh-block" style={{ fontWeight: 600 }}>
          {line.title}
        </Text>
        <Text className="jh-block jh-muted">
          {e.typeLabel} · {withWholeDates(line.meta)}
        </Text>
        {line.note ? <Text className="jh-block jh-muted">{line.note}</Text> : null}
      </View>
      <Text
        className={`jh-ledger-row__amount jh-ledger-row__amount--${e.amount >= 0 ? 'plus' : 'minus'}`}
        data-testid="ledger-amount"
      >
        {formatPointsAmount(e.amount)}
      </Text>
    </View>
  );
}

export default function PointsPage() {
  const [summary, setSummary] = useState<MyPointsResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const loadSummary = useCallback(async () => {
    setError(null);
    try {
      setSummary(await myPoints());
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, []);
  useEffect(() => {
    void loadSummary();
  }, [loadSummary]);
  // The ledger below reloads itself on the pull; the balance follows it.
  usePullDownRefresh(() => void loadSummary());
  const fetchPage = useCallback((page: number) => myLedger({ page, pageSize: PAGE_SIZE }), []);
  const ledger = usePagedList(fetchPage, 'ledger');

  return (
    <Screen testId="points-page">
      {error ? <ErrorState message={error} onRetry={() => void loadSummary()} testId="points-error" /> : null}
      {!error && !summary ? <LoadingState text="正在查询积分…" /> : null}
      {summary ? (
        <View className="jh-card" data-testid="points-summary">
          <Text className="jh-block jh-muted">当前积分</Text>
          <Text className="jh-big-number" data-testid="points-balance">
            {summary.balance}
          </Text>
          <Text className="jh-block jh-muted">
            累计获得 {summary.earned} · 已使用 {summary.spent}
          </Text>
          {summary.debt > 0 ? (
            <Text className="jh-block jh-inline-error" data-testid="points-debt">
              欠分 {summary.debt}：已用掉的积分被冲正，之后到账的积分先冲减欠分
            </Text>
          ) : null}
        </View>
      ) : null}
      <Text className="jh-section-title">积分明细</Text>
      <PagedListView
        list={ledger}
        testId="ledger-list"
        emptyText="还没有积分记录。参加活动并经民警确认出勤后，积分会记到这里。"
        countLabel={(total) => `共 ${total} 条`}
        renderItem={(e) => <LedgerRow key={e.id} e={e} />}
      />
    </Screen>
  );
}
