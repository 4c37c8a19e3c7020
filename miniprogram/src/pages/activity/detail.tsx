import { useCallback, useEffect, useState, type ReactNode } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ACTIVITY_MODE_LABELS, ACTIVITY_STATUS_LABELS, businessDate, type ActivityResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { ActivityMap } from '../../components/activity/ActivityMap';
import { SignupStatus } from '../../components/activity/SignupStatus';
import {
  geofenceView,
  placesWording,
  pointsWording,
  volunteerActions,
  type VolunteerAction,
} from '../../logic/activities';
import { momentLabel } from '../../logic/activity-days';
import { PAGES, pageUrl } from '../../logic/routes';
import { useLocation } from '../../hooks/useLocation';
import { messageOf, useSignup } from '../../hooks/useSignup';
import { getActivity } from '../../services/activities';
import { checkinHint } from '../../logic/activity-hints';
import { LocationNote } from '../../components/activity/LocationNote';
import { LeaderQrButton } from '../../components/activity/LeaderQrButton';
import { NavigateButton } from '../../components/activity/NavigateButton';
import { When } from '../../components/activity/When';
import '../../components/activity/activity.css';

function Row({ k, v, testId }: { k: string; v: ReactNode; testId?: string }) {
  return (
    <View className="jh-kv">
      <Text className="jh-kv__k">{k}</Text>
      <Text className="jh-kv__v" data-testid={testId}>
        {v}
      </Text>
    </View>
  );
}

/** One thing the volunteer can do now (sign up, cancel, go to check-in or -out), or why nothing. */
function ActionButton({
  act,
  id,
  signup,
  onCancel,
}: {
  act: VolunteerAction;
  id: number;
  signup: ReturnType<typeof useSignup>;
  onCancel: () => void;
}) {
  if (act.kind === 'signup')
    return (
      <BigButton
        onClick={() => void signup.signUp(id)}
        loading={signup.busyId === id}
        loadingText="正在报名…"
        testId="signup"
      >
        {act.label}
      </BigButton>
    );
  if (act.kind === 'cancel')
    return (
      <BigButton
        kind="secondary"
        onClick={onCancel}
        loading={signup.busyId === id}
        loadingText="正在取消…"
        testId="cancel-signup"
      >
        {act.label}
      </BigButton>
    );
  if (act.kind === 'checkin' || act.kind === 'checkout')
    return (
      <BigButton
        onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.checkin, { id }) })}
        testId={`go-${act.kind}`}
      >
        {act.kind === 'checkin' ? '去签到' : '去签退'}
      </BigButton>
    );
  return (
    <Text className="jh-block jh-notice" data-testid="no-action">
      {act.reason}
    </Text>
  );
}

/** When, how many, how many points, who publishes, how to sign up and who may. */
function Facts({ a }: { a: ActivityResponse }) {
  const req = a.requirements;
  const today = businessDate(new Date());
  return (
    <View className="jh-card">
      <Row k="时间" v={<When startAt={a.startAt} endAt={a.endAt} today={today} />} testId="activity-time" />
      <Row k="报名截止" v={<Text className="jh-time">{momentLabel(a.signupDeadline, today)}</Text>} />
      <Row k="取消截止" v={<Text className="jh-time">{momentLabel(a.cancelDeadline, today)}</Text>} />
      <Row k="名额" v={placesWording(a)} testId="activity-places" />
      <Row k="积分" v={pointsWording(a)} />
      <Row k="发布单位" v={a.orgUnit.name} />
      <Row k="报名方式" v={a.signupMode === 'instant' ? '报名即成功（有名额时）' : '民警确认后成功'} />
      {req.requiresInsurance || a.riskLevel === 'high' ? <Row k="要求" v="需要有效的意外保险" /> : null}
      {req.minAge !== null || req.maxAge !== null ? (
        <Row k="年龄" v={`${req.minAge ?? '不限'} – ${req.maxAge ?? '不限'} 岁`} />
      ) : null}
    </View>
  );
}

/**
 * The address, 导航 into the phone's map and the map picture, with how far the phone is from the
 * check-in range. Never the coordinates: nobody reads them.
 */
function Place({ a, location }: { a: ActivityResponse; location: ReturnType<typeof useLocation> }) {
  const { state: loc, locate, position } = location;
  const fence = position ? geofenceView(position, a.location) : null;
  const hint = fence ? checkinHint(a, fence, new Date()) : null;
  return (
    <>
      <Text className="jh-section-title">地点</Text>
      <Text className="jh-address" data-testid="activity-address">
        {a.location.address}
      </Text>
      <NavigateButton title={a.title} location={a.location} />
      <Text className="jh-block jh-muted" data-testid="checkin-range">
        到了活动地点周围 {a.location.radiusM} 米以内就可以签到。
      </Text>
      <ActivityMap location={a.location} me={position} />
      {hint ? (
        <Text className={`jh-block ${hint.canCheckIn ? '' : 'jh-muted'}`} data-testid="geofence">
          {hint.text}
        </Text>
      ) : (
        <LocationNote state={loc} onRetry={() => void locate()} waitingText="正在获取您的位置…" />
      )}
    </>
  );
}

/** The activity (reloaded after signing up or cancelling), the phone's position, and the sign-up actions. */
function useActivityDetail(id: number) {
  const [activity, setActivity] = useState<ActivityResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const location = useLocation();
  const { locate } = location;

  const load = useCallback(async () => {
    setError(null);
    try {
      setActivity(await getActivity(id));
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [id]);

  useEffect(() => {
    void load();
    void locate();
  }, [load, locate]);

  const signup = useSignup((_id, s) => {
    setActivity((a) => (a ? { ...a, mySignup: s } : a));
    void load();
  });

  const confirmCancel = async () => {
    const { confirm } = await Taro.showModal({
      title: '取消报名',
      content: '确定不参加这个活动了吗？名额会让给候补的人。',
      confirmText: '确定取消',
      confirmColor: '#b42318',
      cancelText: '再想想',
      cancelColor: '#344054',
    });
    if (confirm) void signup.cancel(id);
  };

  return { activity, error, load, location, signup, confirmCancel };
}

/** The title with the activity's status, type, mode and risk. */
function Heading({ a }: { a: ActivityResponse }) {
  return (
    <>
      <Text className="jh-title" data-testid="activity-title">
        {a.title}
      </Text>
      <Text className={`jh-badge${a.status === 'cancelled' ? ' jh-badge--off' : ''}`} data-testid="activity-status">
        {ACTIVITY_STATUS_LABELS[a.status]}
      </Text>
      <Text className="jh-badge">{a.typeLabel}</Text>
      {a.mode !== 'daily' ? <Text className="jh-badge jh-badge--wait">{ACTIVITY_MODE_LABELS[a.mode]}</Text> : null}
      {a.riskLevel === 'high' ? <Text className="jh-badge jh-badge--off">高风险 · 需意外保险和服务协议</Text> : null}
    </>
  );
}

export default function ActivityDetailPage() {
  const id = Number(useRouter().params.id);
  const { activity, error, load, location, signup, confirmCancel } = useActivityDetail(id);

  if (!Number.isInteger(id) || id <= 0)
    return (
      <Screen>
        <ErrorState message="没有找到这个活动，请从活动列表重新进入。" />
      </Screen>
    );
  if (error && !activity)
    return (
      <Screen>
        <ErrorState message={error} onRetry={() => void load()} />
      </Screen>
    );
  if (!activity)
    return (
      <Screen>
        <LoadingState text="正在加载活动…" />
      </Screen>
    );

  const a = activity;
  const actions = volunteerActions(a, new Date());

  return (
    <Screen testId="activity-detail">
      <Heading a={a} />

      {a.mySignup ? <SignupStatus signup={a.mySignup} /> : null}
      <InlineError message={signup.error?.message ?? null} testId="signup-error" />

      {actions.map((act) => (
        <ActionButton key={act.kind} act={act} id={id} signup={signup} onCancel={() => void confirmCancel()} />
      ))}
      <LeaderQrButton a={a} />

      <Facts a={a} />

      <Place a={a} location={location} />

      {a.description ? (
        <View>
          <Text className="jh-section-title">活动说明</Text>
          <Text className="jh-block" style={{ whiteSpace: 'pre-wrap' }}>
            {a.description}
          </Text>
        </View>
      ) : null}
    </Screen>
  );
}
