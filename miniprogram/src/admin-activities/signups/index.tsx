import { useCallback, useEffect, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { SIGNUP_STATUS_LABELS, type SignupAdminResponse, type SignupStatus } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { reviewSummary } from '../../logic/activity-admin';
import { SIGNUP_TABS, signupTabLabel, signupTabToOpen, type SignupTotals } from '../../logic/signup-tabs';
import { formatDateTime } from '../../logic/format';
import { messageOf } from '../../hooks/useSignup';
import { listSignups, reviewSignups } from '../../services/activities-admin';
import '../../components/activity/activity.css';

/** One tab of sign-ups with its counts, the pending ones picked for review, and the bulk review. */
function useSignupReview(id: number) {
  /** null until the counts say which tab has rows (the list never opens on an empty tab). */
  const [tab, setTab] = useState<SignupStatus | null>(null);
  const [totals, setTotals] = useState<SignupTotals | null>(null);
  const [items, setItems] = useState<SignupAdminResponse[] | null>(null);
  const [total, setTotal] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [busy, setBusy] = useState<null | 'confirm' | 'reject'>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);

  /** How many sign-ups each tab holds (one small request per tab). */
  const countAll = useCallback(async (): Promise<SignupTotals> => {
    const pages = await Promise.all(SIGNUP_TABS.map((t) => listSignups(id, { status: t.value, page: 1, pageSize: 1 })));
    const counted: SignupTotals = Object.fromEntries(SIGNUP_TABS.map((t, i) => [t.value, pages[i].total]));
    setTotals(counted);
    return counted;
  }, [id]);

  const load = useCallback(async () => {
    setLoadError(null);
    setItems(null);
    try {
      const shown = tab ?? signupTabToOpen(await countAll());
      if (!tab) setTab(shown);
      const page = await listSignups(id, { status: shown, page: 1, pageSize: 100 });
      setItems(page.items);
      setTotal(page.total);
      setTotals((prev) => (prev ? { ...prev, [shown]: page.total } : prev));
      setPicked(new Set(shown === 'pending' ? page.items.map((s) => s.id) : []));
    } catch (caught) {
      setLoadError(messageOf(caught));
    }
  }, [id, tab, countAll]);
  useEffect(() => void load(), [load]);

  async function review(decision: 'confirm' | 'reject') {
    if (!picked.size) return setError('请先勾选要处理的人');
    setBusy(decision);
    setError(null);
    try {
      setResult(reviewSummary(await reviewSignups(id, [...picked], decision)));
      await countAll().catch(() => null);
      await load();
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  }

  const toggle = (sid: number) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(sid)) next.delete(sid);
      else next.add(sid);
      return next;
    });

  const pickTab = (t: SignupStatus) => {
    setTab(t);
    setResult(null);
  };
  return { tab, pickTab, totals, items, total, loadError, picked, toggle, busy, error, result, load, review };
}

/** One person: place on the waitlist, name, member number, when they signed up; a tick box on the pending tab. */
function SignupRow({
  s,
  pending,
  on,
  onToggle,
}: {
  s: SignupAdminResponse;
  pending: boolean;
  on: boolean;
  onToggle: () => void;
}) {
  return (
    <View
      className={`jh-check-row${on ? ' jh-check-row--on' : ''}`}
      onClick={pending ? onToggle : undefined}
      data-testid="signup-row"
    >
      {pending ? <View className="jh-check-box">{on ? '✓' : ''}</View> : null}
      <View style={{ flex: 1 }}>
        <Text className="jh-block" style={{ fontWeight: 700 }}>
          {s.waitlistPosition ? `第 ${s.waitlistPosition} 位 · ` : ''}
          {s.volunteer.name} <Text className="jh-muted">{s.volunteer.memberNo}</Text>
        </Text>
        <Text className="jh-block jh-muted">
          报名于 <Text className="jh-time">{formatDateTime(s.createdAt)}</Text>
        </Text>
      </View>
    </View>
  );
}

/** Who signed up; in officer-confirmed mode, pending sign-ups are confirmed or rejected in bulk. */
export default function SignupsPage() {
  const id = Number(useRouter().params.id);
  const { tab, pickTab, totals, items, total, loadError, picked, toggle, busy, error, result, load, review } =
    useSignupReview(id);
  return (
    <Screen testId="signups-page">
      <Chips
        options={SIGNUP_TABS.map((t) => ({ value: t.value, label: signupTabLabel(t.label, totals?.[t.value]) }))}
        value={tab}
        onChange={pickTab}
        testId="signup-tab"
      />
      {result ? (
        <Text className="jh-block jh-status-box jh-status-box--ok" data-testid="review-result">
          {result}
        </Text>
      ) : null}
      <InlineError message={error} testId="review-error" />
      {loadError ? <ErrorState message={loadError} onRetry={() => void load()} /> : null}
      {!loadError && !items ? <LoadingState /> : null}
      {items && !items.length && tab ? <EmptyState text={`没有“${SIGNUP_STATUS_LABELS[tab]}”的报名。`} /> : null}
      {items?.length ? (
        <Text className="jh-block jh-muted">
          共 {total} 人{total > items.length ? `，显示前 ${items.length} 人` : ''}
        </Text>
      ) : null}
      {items?.map((s) => (
        <SignupRow key={s.id} s={s} pending={tab === 'pending'} on={picked.has(s.id)} onToggle={() => toggle(s.id)} />
      ))}
      {tab === 'pending' && items?.length ? (
        <View>
          <BigButton
            onClick={() => void review('confirm')}
            loading={busy === 'confirm'}
            loadingText="正在确认…"
            testId="review-confirm"
          >
            确认勾选的 {picked.size} 人（不超过名额）
          </BigButton>
          <BigButton
            kind="secondary"
            onClick={() => void review('reject')}
            loading={busy === 'reject'}
            loadingText="正在提交…"
            testId="review-reject"
          >
            不通过勾选的人
          </BigButton>
        </View>
      ) : null}
    </Screen>
  );
}
