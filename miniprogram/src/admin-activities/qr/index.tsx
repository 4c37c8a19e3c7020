import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { ErrorState, LoadingState } from '../../components/States';
import {
  countdownPercent,
  groupToken,
  secondsLeft,
  shouldRefresh,
  validForMs,
  type QrTokenState,
} from '../../logic/qr-countdown';
import { messageOf } from '../../hooks/useSignup';
import { getQrToken } from '../../services/activities-admin';
import { getTeamQrToken } from '../../services/activities';
import { qrDataUrl } from '../../logic/qr-image';
import '../../components/activity/activity.css';

/**
 * The current code for activity `id`, fetched again when its slot ends (or every 5 s after a failure), with a
 * clock that ticks every second; keeps the screen on while shown.
 */
function useRotatingToken(id: number, asLeader: boolean) {
  const [token, setToken] = useState<QrTokenState | null>(null);
  const [slot, setSlot] = useState(30);
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<string | null>(null);
  const fetching = useRef(false);

  async function fetchToken() {
    if (fetching.current) return;
    fetching.current = true;
    try {
      const res = await (asLeader ? getTeamQrToken(id) : getQrToken(id));
      const at = Date.now();
      setSlot(res.slotSeconds);
      // The phone's clock stands in for the server's; validForMs clamps it to one slot.
      setToken({ token: res.token, receivedAt: at, validForMs: validForMs(res.refreshAt, res.slotSeconds, at) });
      setError(null);
    } catch (caught) {
      setError(messageOf(caught));
    } finally {
      fetching.current = false;
    }
  }

  useEffect(() => {
    void fetchToken();
    try {
      void Taro.setKeepScreenOn({ keepScreenOn: true });
    } catch {
      // not available in every build
    }
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id]);

  useEffect(() => {
    // A failed fetch is retried every 5 s, a good one when its slot ends.
    if (shouldRefresh(token, now) && (!error || now % 5000 < 1000)) void fetchToken();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [now]);

  return { token, slot, now, error, fetchToken };
}

/**
 * The officer's rotating check-in code. It changes every 30 s and a captured code is useless a
 * minute later. Shown as a QR picture for the volunteer's scan, and as large text that can be
 * read out or pasted where scanning is unavailable (the H5 build).
 */
export default function QrScreenPage() {
  const params = useRouter().params;
  const id = Number(params.id);
  const { token, slot, now, error, fetchToken } = useRotatingToken(id, params.leader === '1');

  if (!token && error)
    return (
      <Screen>
        <ErrorState message={error} onRetry={() => void fetchToken()} />
      </Screen>
    );
  if (!token)
    return (
      <Screen>
        <LoadingState text="正在生成签到码…" />
      </Screen>
    );
  const left = secondsLeft(token, now);

  return (
    <Screen testId="qr-screen">
      <Text className="jh-block" style={{ fontWeight: 700 }}>
        请义警用小程序“签到打卡”扫描下面的二维码（或粘贴签到码）
      </Text>
      <View style={{ display: 'flex', justifyContent: 'center', marginTop: '12px' }}>
        <Image src={qrDataUrl(token.token)} style={{ width: '280px', height: '280px' }} data-testid="qr-image" />
      </View>
      <View style={{ margin: '16px 0' }}>
        <Text className="jh-token" data-testid="qr-token" data-token={token.token}>
          {groupToken(token.token)}
        </Text>
      </View>
      <View className="jh-progress">
        <View className="jh-progress__bar" style={{ width: `${countdownPercent(left, slot)}%` }} />
      </View>
      <Text className="jh-block" data-testid="qr-countdown">
        {left > 0 ? `${left} 秒后自动更换` : '正在更换…'}
      </Text>
      {error ? (
        <Text className="jh-block jh-inline-error" data-testid="qr-error">
          {error}。签到码没能更新，旧码约 1 分钟后失效，请检查网络。
        </Text>
      ) : null}
      <BigButton kind="secondary" onClick={() => void Taro.setClipboardData({ data: token.token })} testId="qr-copy">
        复制签到码
      </BigButton>
      <Text className="jh-block jh-muted" style={{ marginTop: '12px' }}>
        签到码每 {slot} 秒更换一次，拍照转发的旧码约 1 分钟后失效。
      </Text>
    </Screen>
  );
}
