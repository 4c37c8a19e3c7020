import { useRef, useState } from 'react';
import type { MallOrderResponse } from '@jianghuai/shared';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';
import { checkPayment, myOrder, startPayment } from '../services/mall';
import { requestPay } from '../platform/pay';
import { mallErrorText, waitUntilPaid } from '../logic/mall';

export type PayState =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'paying' }
  | { kind: 'confirming' }
  | { kind: 'paid' }
  | { kind: 'failed'; message: string };

const messageOf = (caught: unknown) =>
  caught instanceof HttpError ? mallErrorText(caught.message, caught.code) : NETWORK_ERROR_MESSAGE;

/**
 * Paying an order's cash part: the server's WeChat Pay parameters → WeChat's cashier (the sandbox page in H5) →
 * the server checks with WeChat Pay, and the order is read every 2 s (at most 20 s) until it says paid. The phone
 * never marks an order paid itself; a cancel or a failure says 支付未完成 and offers the retry.
 */
export function useMallPay(onOrder: (order: MallOrderResponse) => void) {
  const [state, setState] = useState<PayState>({ kind: 'idle' });
  const busy = useRef(false);

  async function pay(order: MallOrderResponse) {
    if (busy.current) return;
    busy.current = true;
    try {
      setState({ kind: 'starting' });
      const start = await startPayment(order.id);
      setState({ kind: 'paying' });
      const outcome = await requestPay(start, order.cashFenTotal);
      if (outcome !== 'done') {
        const why = outcome === 'cancelled' ? '您取消了支付' : '支付没有成功';
        setState({ kind: 'failed', message: `支付未完成：${why}。订单会保留 15 分钟，可以点“重新支付”。` });
        return;
      }
      setState({ kind: 'confirming' });
      const result = await waitUntilPaid(
        () => checkPayment(order.id),
        () => myOrder(order.id),
      );
      if (result.order) onOrder(result.order);
      if (result.kind === 'paid') setState({ kind: 'paid' });
      else if (result.kind === 'closed') setState({ kind: 'failed', message: '订单已取消或已退款，不能再支付。' });
      else
        setState({
          kind: 'failed',
          message: '还没有收到微信支付的确认。如果已经扣款，请稍后下拉刷新查看；没有扣款可以点“重新支付”。',
        });
    } catch (caught) {
      setState({ kind: 'failed', message: `支付未完成：${messageOf(caught)}` });
    } finally {
      busy.current = false;
    }
  }

  return { state, pay, busy: ['starting', 'paying', 'confirming'].includes(state.kind) };
}
