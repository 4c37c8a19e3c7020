import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { businessDate, type MySignupResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { EmptyState, ErrorState, InlineError, LoadingState } from '../../components/States';
import { SignupStatus } from '../../components/activity/SignupStatus';
import { checkinCandidates, checkinErrorMessage, formatMinutes, readCheckinToken } from '../../logic/activities';
import { PAGES } from '../../logic/routes';
import { checkoutPrompt, type CheckoutPrompt } from '../../logic/service-time';
import { locationErrorMessage, readPosition } from '../../hooks/useLocation';
import { messageOf } from '../../hooks/useSignup';
import { checkIn, checkOut, getActivity, myActivities } from '../../services/activities';
import { HttpError } from '../../services/http';
import { When } from '../../components/activity/When';
import '../../components/activity/activity.css';

const isWeapp = process.env.TARO_ENV === 'weapp';

interface Item {
  activityId: number;
  title: string;
  address: string;
  startAt: string;
  endAt: string;
  signup: MySignupResponse;
}

type Busy = null | 'locating' | 'sending' | 'scanning';

function failureText(caught: unknown): string {
  return caught instanceof HttpError ? checkinErrorMessage(caught) : messageOf(caught);
}

const checkedOutText = (next: MySignupResponse) =>
  `签退成功，本次服务时长 ${formatMinutes(next.checkedMinutes)}。民警确认后发放积分。`;

const CHECKED_IN = '签到成功！活动结束离开前请回来点“签退”。';

/** The card's check-in and check-out actions with what they are doing, their success line and their complaint. */
function useCheckin(item: Item, onChanged: (s: MySignupResponse) => void) {
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [done, setDone] = useState<string | null>(null);
  /** The confirmation step before 签退 (what it counts, and that it cannot be undone). */
  const [confirming, setConfirming] = useState<CheckoutPrompt | null>(null);
  const id = item.activityId;

  async function send(
    call: () => Promise<MySignupResponse>,
    doneText: string | ((next: MySignupResponse) => string),
    after?: () => void,
  ) {
    setBusy('sending');
    try {
      const next = await call();
      setDone(typeof doneText === 'string' ? doneText : doneText(next));
      after?.();
      onChanged(next);
    } catch (caught) {
      setError(failureText(caught));
    } finally {
      setBusy(null);
    }
  }

  async function byLocation() {
    setError(null);
    setDone(null);
    setBusy('locating');
    const pos = await readPosition().catch((caught: unknown) => {
      setBusy(null);
      setError(locationErrorMessage(caught, '定位签到'));
      return null;
    });
    if (!pos) return;
    await send(() => checkIn(id, { method: 'location', ...pos }), CHECKED_IN);
  }

  async function byToken(raw: string) {
    setError(null);
    setDone(null);
    const read = readCheckinToken(raw, id);
    if ('problem' in read) return setError(read.problem);
    await send(
      () => checkIn(id, { method: 'qr', token: read.token }),
      CHECKED_IN,
      () => setTyped(''),
    );
  }

  async function scan() {
    setError(null);
    setBusy('scanning');
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      setBusy(null);
      await byToken(res.result);
    } catch {
      setBusy(null);
      setError('没有扫到签到码。请对准民警手机上的二维码再扫一次，或改用“定位签到”。');
    }
  }

  function askLeave() {
    setError(null);
    setConfirming(checkoutPrompt(item, item.signup.checkinAt, new Date()));
  }

  async function leave() {
    setConfirming(null);
    setError(null);
    await send(() => checkOut(id, {}), checkedOutText);
  }

  return { busy, error, typed, setTyped, done, confirming, setConfirming, byLocation, byToken, scan, askLeave, leave };
}

type Checkin = ReturnType<typeof useCheckin>;

/** Before check-in: by location, and by the officer's code (scanned in WeChat, pasted in a browser). */
function CheckinButtons({ c }: { c: Checkin }) {
  const { busy } = c;
  return (
    <View>
      <BigButton
        onClick={() => void c.byLocation()}
        loading={busy === 'locating' || busy === 'sending'}
        loadingText={busy === 'locating' ? '正在定位…' : '正在签到…'}
        testId="checkin-location"
      >
        定位签到
      </BigButton>
      {isWeapp ? (
        <BigButton
          kind="secondary"
          onClick={() => void c.scan()}
          loading={busy === 'scanning'}
          loadingText="正在打开相机…"
          testId="checkin-scan"
        >
          扫民警的签到码
        </BigButton>
      ) : (
        <View className="jh-field" style={{ marginTop: '20px' }}>
          <Text className="jh-field__label">或粘贴民警手机上的签到码</Text>
          <View className="jh-search">
            <Input
              className="jh-input"
              value={c.typed}
              placeholder="粘贴签到码"
              onInput={(e) => c.setTyped(e.detail.value)}
              data-testid="checkin-token-input"
            />
            <Button
              className="jh-btn jh-btn--secondary"
              onClick={() => void c.byToken(c.typed)}
              data-testid="checkin-token-submit"
            >
              签到
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

/** What 签退 will count, with 确认签退 when it is allowed now. */
function CheckoutConfirm({ c, confirming }: { c: Checkin; confirming: CheckoutPrompt }) {
  return (
    <View className="jh-status-box" data-testid="checkout-confirm-box">
      <Text className="jh-block" style={{ fontWeight: 700 }} data-testid="checkout-confirm-text">
        {confirming.text}
      </Text>
      {confirming.allowed ? (
        <BigButton
          onClick={() => void c.leave()}
          loading={c.busy === 'sending'}
          loadingText="正在签退…"
          testId="checkout-confirm"
        >
          确认签退
        </BigButton>
      ) : null}
      <BigButton kind="secondary" onClick={() => c.setConfirming(null)} testId="checkout-cancel">
        {confirming.allowed ? '先不签退' : '知道了'}
      </BigButton>
    </View>
  );
}

function CheckinCard({ item, onChanged }: { item: Item; onChanged: (s: MySignupResponse) => void }) {
  const c = useCheckin(item, onChanged);
  const { busy, done, confirming } = c;
  const s = item.signup;
  return (
    <View className="jh-act-card" data-testid="checkin-item" data-activity-id={item.activityId}>
      <Text className="jh-act-card__title">{item.title}</Text>
      <Text className="jh-act-card__line" data-testid="activity-when">
        时间：
        <When startAt={item.startAt} endAt={item.endAt} today={businessDate(new Date())} />
      </Text>
      <Text className="jh-act-card__line">地点：{item.address}</Text>
      <SignupStatus signup={s} />
      {done ? (
        <Text className="jh-block jh-status-box jh-status-box--ok" data-testid="checkin-done">
          {done}
        </Text>
      ) : null}
      <InlineError message={c.error} testId="checkin-error" />
      {busy === 'locating' ? <Text className="jh-block">正在获取您的位置，请稍候（在室外更快）…</Text> : null}
      {!s.checkinAt ? (
        <CheckinButtons c={c} />
      ) : !s.checkoutAt && confirming ? (
        <CheckoutConfirm c={c} confirming={confirming} />
      ) : !s.checkoutAt ? (
        <BigButton onClick={c.askLeave} loading={busy === 'sending'} loadingText="正在签退…" testId="checkout">
          签退
        </BigButton>
      ) : null}
    </View>
  );
}

/** 签到打卡: today's activities the person may check in or out of, each with one big button. */
export default function CheckinPage() {
  const onlyId = Number(useRouter().params.id) || null;
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      if (onlyId) {
        const a = await getActivity(onlyId);
        setItems(
          a.mySignup
            ? [
                {
                  activityId: a.id,
                  title: a.title,
                  address: a.location.address,
                  startAt: a.startAt,
                  endAt: a.endAt,
                  signup: a.mySignup,
                },
              ]
            : [],
        );
        return;
      }
      const page = await myActivities({ page: 1, pageSize: 50 });
      setItems(
        checkinCandidates(page.items, new Date()).map((m) => ({
          activityId: m.activity.id,
          title: m.activity.title,
          address: m.activity.address,
          startAt: m.activity.startAt,
          endAt: m.activity.endAt,
          signup: m,
        })),
      );
    } catch (caught) {
      setError(messageOf(caught));
    }
  }, [onlyId]);

  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    if (items) void load();
  });

  const changed = (activityId: number, s: MySignupResponse) =>
    setItems((prev) =>
      (prev ?? []).map((it) => (it.activityId === activityId ? { ...it, signup: { ...it.signup, ...s } } : it)),
    );

  return (
    <Screen testId="checkin-page">
      {error ? <ErrorState message={error} onRetry={() => void load()} /> : null}
      {!error && !items ? <LoadingState text="正在查找可以签到的活动…" /> : null}
      {items && items.length === 0 ? (
        <View>
          <EmptyState text="现在没有可以签到的活动。活动开始前 30 分钟到结束前可以签到；请先报名并确认报名成功。" />
          <BigButton
            kind="secondary"
            onClick={() => void Taro.navigateTo({ url: PAGES.myActivities })}
            testId="open-my-activities"
          >
            查看我的活动
          </BigButton>
        </View>
      ) : null}
      {items?.map((it) => (
        <CheckinCard key={it.activityId} item={it} onChanged={(s) => changed(it.activityId, s)} />
      ))}
    </Screen>
  );
}
