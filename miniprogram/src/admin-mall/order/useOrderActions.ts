import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { errorText, useResource } from '../../hooks/useResource';
import { refundConfirmText, refundReasonProblem } from '../../logic/mall-admin';
import { HttpError } from '../../services/http';
import { adminOrder, markReady, refundOrder } from '../../services/mall-admin';

const STATE_CHANGED = '订单状态已变化（可能已被其他工作人员处理），下面是最新情况。';

/** One order for the operator: 备货完成, and 退款 with a reason and a confirm; a stale screen reloads with a notice. */
export function useOrderActions(id: number) {
  const order = useResource(
    useCallback(() => adminOrder(id), [id]),
    `mall-order:${id}`,
  );
  const [busy, setBusy] = useState<'ready' | 'refund' | null>(null);
  const [refunding, setRefunding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const fail = async (caught: unknown) => {
    // a stale screen: taken by someone else, or a refund started meanwhile (备货 is then refused) — show what is now
    if (caught instanceof HttpError && ['MALL_ORDER_STATE_CHANGED', 'MALL_ORDER_REFUNDING'].includes(caught.code)) {
      setRefunding(false);
      setNotice(STATE_CHANGED);
      await order.refresh();
    } else setError(errorText(caught));
  };

  const ready = async () => {
    setError(null);
    setNotice(null);
    setBusy('ready');
    try {
      await markReady(id);
      await order.refresh();
      void Taro.showToast({ title: '已标记可领取', icon: 'success' });
    } catch (caught) {
      await fail(caught);
    } finally {
      setBusy(null);
    }
  };

  const refund = async () => {
    if (order.status !== 'ready') return;
    setNotice(null);
    const problem = refundReasonProblem(reason);
    if (problem) return setError(problem);
    setError(null);
    const answer = await Taro.showModal({
      title: '确认退款',
      content: refundConfirmText(order.data),
      confirmText: '确定退款',
      cancelText: '先不退',
    });
    if (!answer.confirm) return;
    setBusy('refund');
    try {
      await refundOrder(id, reason.trim());
      setRefunding(false);
      setReason('');
      await order.refresh();
    } catch (caught) {
      await fail(caught);
    } finally {
      setBusy(null);
    }
  };

  return {
    order,
    busy,
    error,
    notice,
    ready,
    refunding,
    startRefund: () => (setError(null), setRefunding(true)),
    cancelRefund: () => (setError(null), setRefunding(false)),
    reason,
    setReason,
    refund,
  };
}
export type OrderActions = ReturnType<typeof useOrderActions>;
