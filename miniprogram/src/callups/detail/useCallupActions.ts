import { useState } from 'react';
import { readArrivalCode } from '../../logic/callups';
import { locationErrorMessage, readPosition } from '../../hooks/useLocation';
import { errorText } from '../../hooks/useResource';
import { askConsent } from '../../services/subscriptions';
import { answerCallup, arriveAtCallup, type MyCallupDetail } from '../../services/callups';
import { scanQrText } from '../../platform/scan';

export type Busy = null | 'accepting' | 'declining' | 'locating' | 'arriving' | 'scanning';

/** The guard's answers on one call-up: accept (asking for the push consent first), decline, arrive. */
export function useCallupActions(id: number, onChanged: (next: MyCallupDetail) => void) {
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState('');
  const [typed, setTyped] = useState('');

  async function run(kind: Busy, call: () => Promise<MyCallupDetail>, doneText: string) {
    setBusy(kind);
    setError(null);
    setDone(null);
    try {
      const next = await call();
      setDone(doneText);
      onChanged(next);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(null);
    }
  }

  const accept = async () => {
    // straight from the tap, before any network wait, or WeChat refuses to show the consent dialog
    await askConsent(['callup']);
    await run(
      'accepting',
      () => answerCallup(id, { answer: 'accept' }),
      '已接受。请尽快前往集合点，到达后点“我已到达”。',
    );
  };
  const decline = () =>
    run(
      'declining',
      () => answerCallup(id, { answer: 'decline', reason: reason.trim() || undefined }),
      '已告诉民警您不能参加。',
    ).then(() => setDeclining(false));

  const byLocation = async () => {
    setError(null);
    setBusy('locating');
    const pos = await readPosition().catch((caught: unknown) => {
      setBusy(null);
      setError(locationErrorMessage(caught, '我已到达'));
      return null;
    });
    if (!pos) return;
    await run('arriving', () => arriveAtCallup(id, { lat: pos.lat, lng: pos.lng }), ARRIVED);
  };
  const byCode = async (raw: string) => {
    const read = readArrivalCode(raw, id);
    if ('problem' in read) return setError(read.problem);
    await run('arriving', () => arriveAtCallup(id, { token: read.token }), ARRIVED);
    setTyped('');
  };
  const scan = async () => {
    setError(null);
    setBusy('scanning');
    const text = await scanQrText();
    setBusy(null);
    if (!text) return setError('没有扫到二维码。请对准民警或队长手机上的二维码再扫一次，或改用“我已到达（定位）”。');
    await byCode(text);
  };

  // prettier-ignore
  return { busy, error, done, declining, setDeclining, reason, setReason, typed, setTyped, accept, decline, byLocation, byCode, scan };
}

const ARRIVED = '已记录到达。请按民警安排开展工作，结束后填写反馈。';

export type CallupActions = ReturnType<typeof useCallupActions>;
