import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { ACTIVITY_MODE_LABELS, type ActivityResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { ActivityMap } from '../../components/activity/ActivityMap';
import { pointsWording } from '../../logic/activities';
import { staffActions, validateReason, type StaffAction } from '../../logic/activity-admin';
import { requirementsSummary } from '../../logic/activity-form';
import { formatDateTime } from '../../logic/format';
import { PAGES, pageUrl, type PagePath } from '../../logic/routes';
import { messageOf } from '../../hooks/useSignup';
import {
  adminGetActivity,
  approveProposal,
  cancelActivity,
  publishActivity,
  rejectProposal,
  settleActivity,
} from '../../services/activities-admin';
import { StaffActivitySummary } from '../shared';
import { InsureActivity } from '../InsureActivity';
import '../../components/activity/activity.css';

type Busy = null | 'publish' | 'cancel' | 'settle' | 'approve' | 'reject';
type ReasonFor = null | 'cancel' | 'reject';

/** The activity, and the staff actions on it: each sends, shows a toast, and shows the activity as it now is. */
function useActivityActions(id: number) {
  const [a, setA] = useState<ActivityResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [reasonFor, setReasonFor] = useState<ReasonFor>(null);
  const [reason, setReason] = useState('');

  const load = useCallback(async () => {
    setLoadError(null);
    try {
      setA(await adminGetActivity(id));
    } catch (caught) {
      setLoadError(messageOf(caught));
    }
  }, [id]);
  useDidShow(() => void load());

  async function run(kind: Exclude<Busy, null>, call: () => Promise<ActivityResponse>, done: string) {
    setBusy(kind);
    setError(null);
    try {
      setA(await call());
      setReasonFor(null);
      setReason('');
      void Taro.showToast({ title: done, icon: 'none', duration: 2500 });
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      setBusy(null);
    }
  }

  function submitReason() {
    const problem = validateReason(reason);
    if (problem) return setError(problem);
    if (reasonFor === 'cancel')
      void run('cancel', () => cancelActivity(id, reason.trim()), '活动已取消，已通知报名的人');
    if (reasonFor === 'reject') void run('reject', () => rejectProposal(id, reason.trim()), '已退回提议');
  }

  return { a, loadError, busy, error, reasonFor, setReasonFor, reason, setReason, load, run, submitReason };
}

type Actions = ReturnType<typeof useActivityActions>;

/** The activity's points, sign-up deadline, and why it was cancelled or its proposal sent back. */
function ActivityFacts({ a }: { a: ActivityResponse }) {
  return (
    <View className="jh-card">
      <StaffActivitySummary a={a} />
      <Text className="jh-act-card__line">
        积分：{pointsWording(a)}（{ACTIVITY_MODE_LABELS[a.mode]}）
      </Text>
      <Text className="jh-act-card__line">报名截止：{formatDateTime(a.signupDeadline)}</Text>
      {requirementsSummary(a, formatDateTime) ? (
        <Text className="jh-act-card__line" data-testid="admin-activity-requirements">
          报名要求：{requirementsSummary(a, formatDateTime)}
        </Text>
      ) : null}
      {a.cancelReason ? <Text className="jh-act-card__line">取消原因：{a.cancelReason}</Text> : null}
      {a.proposal?.rejectReason ? <Text className="jh-act-card__line">退回原因：{a.proposal.rejectReason}</Text> : null}
    </View>
  );
}

/** 退回提议 or 取消活动: the button, then the reason box (the reason reaches the proposer or everyone signed up). */
function ReasonAction({ x, rejecting }: { x: Actions; rejecting: boolean }) {
  const { reasonFor } = x;
  if (!reasonFor)
    return (
      <BigButton
        kind="danger"
        onClick={() => x.setReasonFor(rejecting ? 'reject' : 'cancel')}
        testId={rejecting ? 'admin-reject' : 'admin-cancel'}
      >
        {rejecting ? '退回提议' : '取消活动'}
      </BigButton>
    );
  return (
    <View className="jh-card" style={{ marginTop: '16px' }}>
      <Text className="jh-field__label">
        {reasonFor === 'cancel' ? '取消原因（会通知所有报名的人）' : '退回原因（会告诉提议人）'}
      </Text>
      <Textarea
        className="jh-textarea"
        value={x.reason}
        maxlength={200}
        onInput={(e) => x.setReason(e.detail.value)}
        data-testid="reason-input"
      />
      <BigButton
        kind="danger"
        onClick={x.submitReason}
        loading={x.busy === 'cancel' || x.busy === 'reject'}
        loadingText="正在提交…"
        testId="reason-submit"
      >
        {reasonFor === 'cancel' ? '确定取消活动' : '确定退回'}
      </BigButton>
      <BigButton kind="secondary" onClick={() => x.setReasonFor(null)} testId="reason-back">
        不取消了
      </BigButton>
    </View>
  );
}

/** 发布 and 通过并发布: the actions that make a draft or a proposal public. */
function PublishActions({ x, a, actions }: { x: Actions; a: ActivityResponse; actions: StaffAction[] }) {
  return (
    <>
      {actions.includes('publish') ? (
        <BigButton
          onClick={() => void x.run('publish', () => publishActivity(a.id), '已发布')}
          loading={x.busy === 'publish'}
          loadingText="正在发布…"
          testId="admin-publish"
        >
          发布活动
        </BigButton>
      ) : null}
      {actions.includes('approve') ? (
        <BigButton
          onClick={() => void x.run('approve', () => approveProposal(a.id), '已通过并发布')}
          loading={x.busy === 'approve'}
          loadingText="正在发布…"
          testId="admin-approve"
        >
          通过并发布（积分按提议比例下调）
        </BigButton>
      ) : null}
    </>
  );
}

/** The pages for running the activity: check-in code, attendance and the sign-up list. */
function RunActions({ a, actions }: { a: ActivityResponse; actions: StaffAction[] }) {
  const go = (page: PagePath) => void Taro.navigateTo({ url: pageUrl(page, { id: a.id }) });
  return (
    <>
      {actions.includes('qr') ? (
        <BigButton onClick={() => go(PAGES.adminActivityQr)} testId="admin-open-qr">
          出示签到码
        </BigButton>
      ) : null}
      {actions.includes('attendance') ? (
        <BigButton onClick={() => go(PAGES.adminAttendance)} testId="admin-open-attendance">
          {a.status === 'finished' ? '确认出勤' : '查看签到情况'}
        </BigButton>
      ) : null}
      {a.status !== 'draft' ? (
        <BigButton kind="secondary" onClick={() => go(PAGES.adminActivitySignups)} testId="admin-open-signups">
          报名名单{a.signupMode === 'officer_confirmed' && a.status === 'published' ? '（待确认的在这里审核）' : ''}
        </BigButton>
      ) : null}
    </>
  );
}

/** Where it happens (coordinates, check-in radius, map) and the description. */
function PlaceAndDescription({ a }: { a: ActivityResponse }) {
  return (
    <>
      <Text className="jh-section-title">地点</Text>
      <Text className="jh-block">{a.location.address}</Text>
      <Text className="jh-block jh-muted">
        纬度 {a.location.lat.toFixed(5)}，经度 {a.location.lng.toFixed(5)} · 签到范围 {a.location.radiusM} 米
      </Text>
      <ActivityMap location={a.location} />
      {a.description ? (
        <Text className="jh-block" style={{ whiteSpace: 'pre-wrap' }}>
          {a.description}
        </Text>
      ) : null}
    </>
  );
}

export default function AdminActivityDetailPage() {
  const id = Number(useRouter().params.id);
  const x = useActivityActions(id);
  const { a } = x;

  if (x.loadError && !a)
    return (
      <Screen>
        <ErrorState message={x.loadError} onRetry={() => void x.load()} />
      </Screen>
    );
  if (!a)
    return (
      <Screen>
        <LoadingState />
      </Screen>
    );
  const actions = staffActions(a);

  return (
    <Screen testId="admin-activity-detail">
      <ActivityFacts a={a} />
      <InlineError message={x.error} testId="admin-action-error" />
      <PublishActions x={x} a={a} actions={actions} />
      <RunActions a={a} actions={actions} />
      {a.status === 'published' || a.status === 'ongoing' || a.status === 'finished' ? <InsureActivity a={a} /> : null}
      {actions.includes('settle') ? (
        <BigButton
          kind="secondary"
          onClick={() => void x.run('settle', () => settleActivity(id), '已结算')}
          loading={x.busy === 'settle'}
          loadingText="正在结算…"
          testId="admin-settle"
        >
          结算（出勤全部确认后）
        </BigButton>
      ) : null}
      {actions.includes('edit') ? (
        <BigButton
          kind="secondary"
          onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminActivityEdit, { id: a.id }) })}
          testId="admin-edit"
        >
          修改活动
        </BigButton>
      ) : null}
      {actions.includes('reject') || actions.includes('cancel') ? (
        <ReasonAction x={x} rejecting={actions.includes('reject')} />
      ) : null}
      <PlaceAndDescription a={a} />
    </Screen>
  );
}
