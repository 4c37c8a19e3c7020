import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { MallOrderResponse } from '@jianghuai/shared';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';
import { cancelMyOrder } from '../services/mall';
import { mallErrorText } from '../logic/mall';

/** 取消 with a confirm dialog first; the outcome (or why not) stays on screen. */
export function useCancelOrder(onDone: (order: MallOrderResponse) => void) {
  const [busyId, setBusyId] = useState<number | null>(null);
  const [error, setError] = useState<{ id: number; message: string } | null>(null);
  async function cancel(order: MallOrderResponse) {
    if (busyId !== null) return;
    const { confirm } = await Taro.showModal({
      title: '取消这个订单？',
      content: `取消后 ${order.pointsTotal} 积分退回您的账户，商品放回库存。`,
      confirmText: '确认取消',
      cancelText: '不取消',
    });
    if (!confirm) return;
    setBusyId(order.id);
    setError(null);
    try {
      onDone(await cancelMyOrder(order.id));
    } catch (caught) {
      const message = caught instanceof HttpError ? mallErrorText(caught.message, caught.code) : NETWORK_ERROR_MESSAGE;
      setError({ id: order.id, message });
    } finally {
      setBusyId(null);
    }
  }
  return { busyId, error, cancel };
}
