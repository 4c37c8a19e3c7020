import { useCallback, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { ACTIVITY_MODE_LABELS, type ActivityResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { ActivityMap } from '../../components/activity/ActivityMap';
import { pointsWording } from '../../logic/activities';
import { staffActions, validateReason } from '../../logic/activity-admin';
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

export default function AdminActivityDetailPage() {
  const id = Number(useRouter().params.id);
  const [a, setA] = useState<ActivityResponse | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [reasonFor, setReasonFor] = useState<null | 'cancel' | 'reject'>(null);
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

  if (loadError && !a)
    return (
      <Screen>
        <ErrorState message={loadError} onRetry={() => void load()} />
      </Screen>
    );
  if (!a)
    return (
      <Screen>
        <LoadingState />
      </Screen>
    );
  const actions = staffActions(a);
  const go = (page: PagePath) => void Taro.navigateTo({ url: pageUrl(page, { id: a.id }) });

  return (
    <Screen testId="admin-activity-detail">
      <View className="jh-card">
        <StaffActivitySummary a={a} />
        <Text className="jh-act-card__line">
          积分：{pointsWording(a)}（{ACTIVITY_MODE_LABELS[a.mode]}）
        </Text>
        <Text className="jh-act-card__line">报名截止：{formatDateTime(a.signupDeadline)}</Text>
        {a.cancelReason ? <Text className="jh-act-card__line">取消原因：{a.cancelReason}</Text> : null}
        {a.proposal?.rejectReason ? (
          <Text className="jh-act-card__line">退回原因：{a.proposal.rejectReason}</Text>
        ) : null}
      </View>
      <InlineError message={error} testId="admin-action-error" />

      {actions.includes('publish') ? (
        <BigButton
          onClick={() => void run('publish', () => publishActivity(id), '已发布')}
          loading={busy === 'publish'}
          loadingText="正在发布…"
          testId="admin-publish"
        >
          发布活动
        </BigButton>
      ) : null}
      {actions.includes('approve') ? (
        <BigButton
          onClick={() => void run('approve', () => approveProposal(id), '已通过并发布')}
          loading={busy === 'approve'}
          loadingText="正在发布…"
          testId="admin-approve"
        >
          通过并发布（积分按提议比例下调）
        </BigButton>
      ) : null}
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
      {a.status === 'published' || a.status === 'ongoing' || a.status === 'finished' ? <InsureActivity a={a} /> : null}
      {actions.includes('settle') ? (
        <BigButton
          kind="secondary"
          onClick={() => void run('settle', () => settleActivity(id), '已结算')}
          loading={busy === 'settle'}
          loadingText="正在结算…"
          testId="admin-settle"
        >
          结算（出勤全部确认后）
        </BigButton>
      ) : null}
      {actions.includes('edit') ? (
        <BigButton kind="secondary" onClick={() => go(PAGES.adminActivityEdit)} testId="admin-edit">
          修改活动
        </BigButton>
      ) : null}
      {actions.includes('reject') || actions.includes('cancel') ? (
        reasonFor ? (
          <View className="jh-card" style={{ marginTop: '16px' }}>
            <Text className="jh-field__label">
              {reasonFor === 'cancel' ? '取消原因（会通知所有报名的人）' : '退回原因（会告诉提议人）'}
            </Text>
            <Textarea
              className="jh-textarea"
              value={reason}
              maxlength={200}
              onInput={(e) => setReason(e.detail.value)}
              data-testid="reason-input"
            />
            <BigButton
              kind="danger"
              onClick={submitReason}
              loading={busy === 'cancel' || busy === 'reject'}
              loadingText="正在提交…"
              testId="reason-submit"
            >
              {reasonFor === 'cancel' ? '确定取消活动' : '确定退回'}
            </BigButton>
            <BigButton kind="secondary" onClick={() => setReasonFor(null)} testId="reason-back">
              不取消了
            </BigButton>
          </View>
        ) : (
          <BigButton
            kind="danger"
            onClick={() => setReasonFor(actions.includes('reject') ? 'reject' : 'cancel')}
            testId={actions.includes('reject') ? 'admin-reject' : 'admin-cancel'}
          >
            {actions.includes('reject') ? '退回提议' : '取消活动'}
          </BigButton>
        )
      ) : null}

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
    </Screen>
  );
}
