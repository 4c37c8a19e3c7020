import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { MallOrderResponse } from '@jianghuai/shared';
import { HttpError } from '../../src/services/http';

const placeOrder = vi.fn<(body: { clientRequestId: string; productId: number }) => Promise<MallOrderResponse>>();
vi.mock('../../src/services/mall', () => ({
  placeOrder: (body: Parameters<typeof placeOrder>[0]) => placeOrder(body),
}));
const askConsent = vi.fn(async () => undefined);
vi.mock('../../src/services/subscriptions', () => ({ askConsent: () => askConsent() }));
const { useRedeem } = await import('../../src/hooks/useRedeem');

const placed = { id: 9, status: 'paid' } as MallOrderResponse;
const offline = () => new HttpError(0, { code: 'NETWORK_ERROR', message: '网络不给力，请检查网络后重试' });

afterEach(() => {
  placeOrder.mockReset();
  askConsent.mockClear();
});

describe('useRedeem', () => {
  it('a retry after a lost answer sends the same request id, so the server answers the first order', async () => {
    placeOrder.mockRejectedValueOnce(offline()).mockResolvedValueOnce(placed);
    const onPlaced = vi.fn();
    const hook = renderHook(() => useRedeem(onPlaced));
    act(() => hook.result.current.open());
    await act(() => hook.result.current.confirm(3, 5));
    expect(hook.result.current.error).toEqual({ message: '网络不给力，请检查网络后重试', final: false });
    await act(() => hook.result.current.confirm(3, 5));
    expect(onPlaced).toHaveBeenCalledWith(placed);
    const ids = placeOrder.mock.calls.map(([body]) => body.clientRequestId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(askConsent).toHaveBeenCalledTimes(2);
  });

  it('a confirm box opened again is a new redemption with a new id', async () => {
    placeOrder.mockResolvedValue(placed);
    const hook = renderHook(() => useRedeem(() => undefined));
    act(() => hook.result.current.open());
    await act(() => hook.result.current.confirm(3, undefined));
    act(() => hook.result.current.close());
    act(() => hook.result.current.open());
    await act(() => hook.result.current.confirm(3, undefined));
    const [first, second] = placeOrder.mock.calls.map(([body]) => body.clientRequestId);
    expect(second).not.toBe(first);
  });

  it('a refusal a retry cannot change is final: the page offers other items instead of 重新提交', async () => {
    placeOrder.mockRejectedValueOnce(new HttpError(409, { code: 'MALL_OUT_OF_STOCK', message: '已兑完，库存不足' }));
    const hook = renderHook(() => useRedeem(() => undefined));
    act(() => hook.result.current.open());
    await act(() => hook.result.current.confirm(3, 5));
    expect(hook.result.current.error).toEqual({
      message: '已兑完，库存不足。这件商品已经兑完了，请回到商城看看其他商品。',
      final: true,
    });
  });
});
