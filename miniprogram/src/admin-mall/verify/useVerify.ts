import { useState } from 'react';
import type { MallPickupLookup } from '@jianghuai/shared';
import { errorText } from '../../hooks/useResource';
import { formatDateTime } from '../../logic/format';
import { parsePickupCode, usedText } from '../../logic/mall-admin';
import { scanQrText } from '../../platform/scan';
import { HttpError } from '../../services/http';
import { confirmPickup, lookupPickup } from '../../services/mall-admin';

export type VerifyState =
  | { step: 'enter' }
  | { step: 'found'; code: string; lookup: MallPickupLookup }
  | { step: 'done'; lookup: MallPickupLookup };

/** Details of MALL_PICKUP_USED: when and by whom, when the server sends them. */
function usedFromError(caught: HttpError): string {
  const d = (caught.details ?? {}) as { usedAt?: unknown; usedByName?: unknown };
  return typeof d.usedAt === 'string'
    ? usedText(d.usedAt, typeof d.usedByName === 'string' ? d.usedByName : null, formatDateTime)
    : caught.message;
}

/**
 * 核销: a code scanned or typed → what it is for (or when and by whom it was used) → 确认核销 once → done.
 * An error is a refusal in words; `warning` is a code already used.
 */
export function useVerify(onDone: () => void) {
  const [typed, setTyped] = useState('');
  const [state, setState] = useState<VerifyState>({ step: 'enter' });
  const [busy, setBusy] = useState<'scan' | 'lookup' | 'confirm' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);

  const lookup = async (raw: string) => {
    setError(null);
    setWarning(null);
    const parsed = parsePickupCode(raw);
    if ('problem' in parsed) return setError(parsed.problem);
    setBusy('lookup');
    try {
      const found = await lookupPickup(parsed.code);
      if (found.usedAt) {
        setWarning(usedText(found.usedAt, found.usedByName, formatDateTime));
        setState({ step: 'enter' });
      } else setState({ step: 'found', code: parsed.code, lookup: found });
    } catch (caught) {
      setState({ step: 'enter' });
      setError(errorText(caught));
    } finally {
      setBusy(null);
    }
  };

  const scan = async () => {
    setError(null);
    setBusy('scan');
    const text = await scanQrText();
    setBusy(null);
    if (text === null) return setError('没有扫到领取码。请对准义警手机上的二维码再扫一次，或输入 8 位数字。');
    await lookup(text);
  };

  const confirm = async () => {
    if (state.step !== 'found') return;
    setError(null);
    setBusy('confirm');
    try {
      await confirmPickup(state.code);
      setState({ step: 'done', lookup: state.lookup });
      setTyped('');
      onDone();
    } catch (caught) {
      if (caught instanceof HttpError && caught.code === 'MALL_PICKUP_USED') {
        setWarning(usedFromError(caught));
        setState({ step: 'enter' });
      } else setError(errorText(caught));
    } finally {
      setBusy(null);
    }
  };

  const again = () => {
    setState({ step: 'enter' });
    setError(null);
    setWarning(null);
    setTyped('');
  };

  return { typed, setTyped, state, busy, error, warning, lookup, scan, confirm, again };
}
export type Verify = ReturnType<typeof useVerify>;
