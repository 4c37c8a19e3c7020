import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import { HttpError } from '../../src/services/http';

const adminTip = vi.fn();
const tipAction = vi.fn();
vi.mock('../../src/services/tips', () => ({
  adminTip: (...a: unknown[]) => adminTip(...a),
  tipAction: (...a: unknown[]) => tipAction(...a),
  revealSubmitter: vi.fn(),
}));
const { useTipTriage } = await import('../../src/admin-tips/detail/useTipTriage');

const tip = (status: string, version: number) => ({ id: 7, status, version, events: [], photos: [] });

afterEach(() => {
  adminTip.mockReset();
  tipAction.mockReset();
});

describe('useTipTriage', () => {
  it('when another officer acted first (TIP_STATE_CHANGED) says so and shows the tip as it is now', async () => {
    adminTip.mockResolvedValueOnce(tip('submitted', 1)).mockResolvedValueOnce(tip('accepted', 2));
    tipAction.mockRejectedValueOnce(new HttpError(409, { code: 'TIP_STATE_CHANGED', message: '线索状态已变化' }));
    const hook = renderHook(() => useTipTriage(7));
    await waitFor(() => expect(hook.result.current.tip.status).toBe('ready'));
    act(() => hook.result.current.start('accept'));
    await waitFor(() => expect(hook.result.current.notice).toBe('已被其他民警处理，已刷新'));
    await waitFor(() => expect(hook.result.current.tip.data?.status).toBe('accepted'));
    expect(tipAction).toHaveBeenCalledWith(7, 'accept', {});
    expect(hook.result.current.error).toBeNull();
  });

  it('asks for the result before 办结 and sends it trimmed', async () => {
    adminTip.mockResolvedValueOnce(tip('accepted', 2));
    tipAction.mockResolvedValueOnce(tip('closed', 3));
    const hook = renderHook(() => useTipTriage(7));
    await waitFor(() => expect(hook.result.current.tip.status).toBe('ready'));
    act(() => hook.result.current.start('close'));
    expect(hook.result.current.open).toBe('close');
    act(() => hook.result.current.confirm());
    expect(hook.result.current.error).toMatch(/办结结果/);
    expect(tipAction).not.toHaveBeenCalled();
    act(() => hook.result.current.setText('  已处置  '));
    act(() => hook.result.current.confirm());
    await waitFor(() => expect(hook.result.current.tip.data?.status).toBe('closed'));
    expect(tipAction).toHaveBeenCalledWith(7, 'close', { result: '已处置' });
    expect(hook.result.current.open).toBeNull();
  });
});
