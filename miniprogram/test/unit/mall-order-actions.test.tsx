import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { HttpError } from '../../src/services/http';

const adminOrder = vi.fn();
const markReady = vi.fn();
vi.mock('../../src/services/mall-admin', () => ({
  adminOrder: (...a: unknown[]) => adminOrder(...a),
  markReady: (...a: unknown[]) => markReady(...a),
  refundOrder: vi.fn(),
}));
const { useOrderActions } = await import('../../src/admin-mall/order/useOrderActions');

const order = (refundStatus: string | null) => ({ id: 9, status: 'paid', refundStatus, payments: [], events: [] });

afterEach(() => {
  adminOrder.mockReset();
  markReady.mockReset();
});

describe('useOrderActions', () => {
  it('备货 refused because a refund started meanwhile: a notice and the order as it is now, never the raw code', async () => {
    adminOrder.mockResolvedValueOnce(order(null)).mockResolvedValueOnce(order('processing'));
    markReady.mockRejectedValueOnce(
      new HttpError(409, { code: 'MALL_ORDER_REFUNDING', message: '这笔订单正在退款，不能备货；退款失败后才能继续' }),
    );
    const hook = renderHook(() => useOrderActions(9));
    await waitFor(() => expect(hook.result.current.order.status).toBe('ready'));
    await act(() => hook.result.current.ready());
    expect(adminOrder).toHaveBeenCalledTimes(2);
    expect(hook.result.current.notice).toContain('订单状态已变化');
    expect(hook.result.current.error).toBeNull();
    expect(hook.result.current.order.data).toMatchObject({ refundStatus: 'processing' });
  });
});
