import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import type { CallupQrResponse } from '@jianghuai/shared';
import { BigButton } from '../BigButton';
import { ErrorState, LoadingState } from '../States';
import { errorText } from '../../hooks/useResource';
import { countdownPercent, secondsLeft, shouldRefresh, validForMs, type QrTokenState } from '../../logic/qr-countdown';
import { qrDataUrl } from '../../logic/qr-image';
import './callups.css';

/** The current arrival code, fetched again when its slot ends (every 5 s after a failure); keeps the screen on. */
function useRotating(fetchQr: () => Promise<CallupQrResponse>) {
  const [token, setToken] = useState<QrTokenState | null>(null);
  const [slot, setSlot] = useState(30);
  const [now, setNow] = useState(Date.now());
  const [error, setError] = useState<string | null>(null);
  const fetching = useRef(false);
  const fetchRef = useRef(fetchQr);
  fetchRef.current = fetchQr;

  async function load() {
    if (fetching.current) return;
    fetching.current = true;
    try {
      const res = await fetchRef.current();
      const at = Date.now();
      setSlot(res.slotSeconds);
      setToken({ token: res.token, receivedAt: at, validForMs: validForMs(res.refreshAt, res.slotSeconds, at) });
      setError(null);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      fetching.current = false;
    }
  }

  useEffect(() => {
    void load();
    try {
      void Taro.setKeepScreenOn({ keepScreenOn: true });
    } catch {
      // not available in every build
    }
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (shouldRefresh(token, now) && (!error || now % 5000 < 1000)) void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [now]);
  return { token, slot, now, error, load };
}

/**
 * A call-up's rotating arrival code at the rally point, shown by the sending officer or a targeted team's leader:
 * the QR picture for the guards' scan and the text to paste where scanning is unavailable.
 */
export function CallupQrScreen({ fetchQr }: { fetchQr: () => Promise<CallupQrResponse> }) {
  const { token, slot, now, error, load } = useRotating(fetchQr);
  if (!token && error) return <ErrorState message={error} onRetry={() => void load()} />;
  if (!token) return <LoadingState text="正在生成到达码…" />;
  const left = secondsLeft(token, now);
  return (
    <View data-testid="callup-qr">
      <Text className="jh-block" style={{ fontWeight: 700 }}>
        请到达的义警打开这条调度指令，点“扫码签到”扫描下面的二维码
      </Text>
      <View style={{ display: 'flex', justifyContent: 'center', marginTop: '12px' }}>
        <Image src={qrDataUrl(token.token)} style={{ width: '280px', height: '280px' }} data-testid="callup-qr-image" />
      </View>
      <Text className="jh-block" data-testid="callup-qr-token" data-token={token.token}>
        到达码：{token.token}
      </Text>
      <View className="jh-progress">
        <View className="jh-progress__bar" style={{ width: `${countdownPercent(left, slot)}%` }} />
      </View>
      <Text className="jh-block" data-testid="callup-qr-countdown">
        {left > 0 ? `${left} 秒后自动更换` : '正在更换…'}
      </Text>
      {error ? (
        <Text className="jh-block jh-inline-error">{error}。到达码没能更新，旧码约 1 分钟后失效，请检查网络。</Text>
      ) : null}
      <BigButton kind="secondary" onClick={() => void Taro.setClipboardData({ data: token.token })} testId="qr-copy">
        复制到达码
      </BigButton>
    </View>
  );
}
