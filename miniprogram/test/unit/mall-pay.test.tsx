import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { MallOrderResponse } from '@jianghuai/shared';

const startPayment = vi.fn(async (id: number) => ({ orderId: id, outTradeNo: 'JH00000002-01', payment: {} }));
const checkPayment = vi.fn<(id: number) => Promise<MallOrderResponse>>();
const myOrder = vi.fn<(id: number) => Promise<MallOrderResponse>>();
vi.mock('../../src/services/mall', () => ({
  startPayment: (id: number) => startPayment(id),
  checkPayment: (id: number) => checkPayment(id),
  myOrder: (id: number) => myOrder(id),
}));
const requestPay = vi.fn<() => Promise<'done' | 'cancelled' | 'failed'>>();
vi.mock('../../src/platform/pay', () => ({ requestPay: () => requestPay() }));
const { useMallPay } = await import('../../src/hooks/useMallPay');

const order = (status: MallOrderResponse['status']) =>
  ({ id: 2, status, cashFenTotal: 1990, createdAt: '2026-11-30T10:00:00Z' }) as MallOrderResponse;

afterEach(() => {
  vi.clearAllMocks();
});

describe('useMallPay', () => {
  it('after the cashier, the server checks and answers paid: the order is replaced, never marked paid by the phone', async () => {
    requestPay.mockResolvedValue('done');
    checkPayment.mockResolvedValue(order('paid'));
    const onOrder = vi.fn();
    const hook = renderHook(() => useMallPay(onOrder));
    await act(() => hook.result.current.pay(order('pending_payment')));
    expect(startPayment).toHaveBeenCalledWith(2);
    expect(checkPayment).toHaveBeenCalledWith(2);
    expect(onOrder).toHaveBeenCalledWith(order('paid'));
    expect(hook.result.current.state).toEqual({ kind: 'paid' });
  });

  it('a cancelled cashier says 支付未完成 and offers the retry; nothing is asked of the server', async () => {
    requestPay.mockResolvedValue('cancelled');
    const hook = renderHook(() => useMallPay(() => undefined));
    await act(() => hook.result.current.pay(order('pending_payment')));
    expect(hook.result.current.state.kind).toBe('failed');
    expect(JSON.stringify(hook.result.current.state)).toContain('支付未完成：您取消了支付');
    expect(checkPayment).not.toHaveBeenCalled();
    expect(hook.result.current.busy).toBe(false);
  });
});
