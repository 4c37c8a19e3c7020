import { useCallback, useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { AdminTipResponse } from '@jianghuai/shared';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { errorText, useResource } from '../../hooks/useResource';
import { gradeTip, tipGrades } from '../../services/tips';

/**
 * 评级奖励 of a closed tip: the grade buttons from the deployment's table (A · 50 积分 …), the reward through the
 * points ledger within the monthly cap, and the server's words about what was credited (or cut by the cap).
 */
export function GradePanel({ t, onGraded }: { t: AdminTipResponse; onGraded: () => void }) {
  const table = useResource(tipGrades, 'tip-grades');
  const [choice, setChoice] = useState<string | null>(t.grade ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [said, setSaid] = useState<string | null>(null);
  const submit = useCallback(
    async (grade: string | null) => {
      setBusy(true);
      setError(null);
      try {
        const r = await gradeTip(t.id, grade);
        setSaid(r.message);
        onGraded();
      } catch (err) {
        setError(errorText(err));
      } finally {
        setBusy(false);
      }
    },
    [t.id, onGraded],
  );
  if (t.status !== 'closed') return null;
  if (table.status === 'loading') return <Text className="jh-muted jh-block">正在加载评级表…</Text>;
  if (table.status === 'error')
    return (
      <View className="jh-card" data-testid="tip-grade">
        <InlineError message={`评级表没能加载：${table.error}`} testId="tip-grade-table-error" />
        <BigButton kind="secondary" onClick={table.reload} testId="tip-grade-table-retry">
          重新加载评级表
        </BigButton>
      </View>
    );
  const current = t.grade ? `当前评级 ${t.grade}（奖励 ${t.gradePoints ?? 0} 积分）` : '尚未评级';
  return (
    <View className="jh-card" data-testid="tip-grade">
      <Text className="jh-section-title jh-block">评级奖励</Text>
      <Text className="jh-block" data-testid="tip-grade-current">
        {current}
      </Text>
      <Text className="jh-muted jh-block">每人每月线索积分上限 {table.data.monthlyCap} 分</Text>
      <Chips
        options={table.data.grades.map((g) => ({ value: g.grade, label: `${g.grade} 级 · ${g.points} 积分` }))}
        value={choice}
        onChange={setChoice}
        testId="tip-grade-choice"
      />
      {said ? (
        <Text className="jh-notice jh-block" data-testid="tip-grade-said">
          {said}
        </Text>
      ) : null}
      <InlineError message={error} testId="tip-grade-error" />
      <BigButton
        onClick={() => void submit(choice)}
        disabled={!choice || choice === t.grade || undefined}
        loading={busy}
        loadingText="正在评级…"
        testId="tip-grade-submit"
      >
        评级并奖励
      </BigButton>
      {t.grade ? (
        <BigButton kind="secondary" onClick={() => void submit(null)} loading={busy} testId="tip-grade-revoke">
          撤销评级
        </BigButton>
      ) : null}
    </View>
  );
}
