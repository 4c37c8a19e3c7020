import { useRef, useState } from 'react';
import type { MallOrderResponse } from '@jianghuai/shared';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';
import { placeOrder } from '../services/mall';
import { askConsent } from '../services/subscriptions';
import { MALL_ORDER_TEMPLATES } from '../logic/subscribe';
import { FINAL_REFUSALS, mallErrorText, newClientRequestId } from '../logic/mall';

/**
 * The confirm step of one redemption: one request id per confirm screen, kept across retries (the server answers a
 * repeat with the same order, so a retry after a lost answer never makes two), a new one when the screen opens again.
 */
export function useRedeem(onPlaced: (order: MallOrderResponse) => void) {
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<{ message: string; final: boolean } | null>(null);
  const requestId = useRef<string | null>(null);

  function open() {
    requestId.current = newClientRequestId();
    setError(null);
    setConfirming(true);
  }
  function close() {
    requestId.current = null;
    setError(null);
    setConfirming(false);
  }
  async function confirm(productId: number, pickupStationId: number | undefined) {
    if (sending || !requestId.current) return;
    // asked straight from the tap, before any network wait (see askConsent)
    await askConsent(MALL_ORDER_TEMPLATES);
    setSending(true);
    setError(null);
    try {
      const order = await placeOrder({ productId, quantity: 1, pickupStationId, clientRequestId: requestId.current });
      onPlaced(order);
    } catch (caught) {
      setError(
        caught instanceof HttpError
          ? { message: mallErrorText(caught.message, caught.code), final: FINAL_REFUSALS.includes(caught.code) }
          : { message: NETWORK_ERROR_MESSAGE, final: false },
      );
    } finally {
      setSending(false);
    }
  }
  return { confirming, sending, error, open, close, confirm };
}
