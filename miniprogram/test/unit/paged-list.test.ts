import { describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { Page } from '@jianghuai/shared';
import { usePagedList } from '../../src/hooks/usePagedList';
import { HttpError } from '../../src/services/http-client';
import { firePageEvent } from '../support/taro-shim';

const page = (items: number[], total: number, n: number): Page<number> => ({ items, total, page: n, pageSize: 2 });

describe('usePagedList', () => {
  it('loads the first page, then appends the next one on request', async () => {
    const fetchPage = vi.fn(async (n: number) => (n === 1 ? page([1, 2], 3, 1) : page([3], 3, 2)));
    const { result } = renderHook(() => usePagedList(fetchPage, 'all'));
    expect(result.current.status).toBe('loading');
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current).toMatchObject({ items: [1, 2], total: 3, hasMore: true });
    act(() => result.current.loadMore());
    await waitFor(() => expect(result.current.items).toEqual([1, 2, 3]));
    expect(result.current.hasMore).toBe(false);
    expect(fetchPage.mock.calls.map(([n]) => n)).toEqual([1, 2]);
  });

  it('shows the server message on failure and recovers on retry', async () => {
    let fail = true;
    const fetchPage = vi.fn(async () => {
      if (fail) throw new HttpError(403, { code: 'FORBIDDEN', message: '没有权限执行此操作' });
      return page([1], 1, 1);
    });
    const { result } = renderHook(() => usePagedList(fetchPage, 'all'));
    await waitFor(() => expect(result.current.status).toBe('error'));
    expect(result.current.error).toBe('没有权限执行此操作');
    fail = false;
    act(() => result.current.reload());
    await waitFor(() => expect(result.current.status).toBe('ready'));
    expect(result.current.items).toEqual([1]);
  });

  it('drops a late answer for an old search', async () => {
    let releaseOld!: () => void;
    const fetchFor = (q: string) => async () => {
      if (q === 'old') await new Promise<void>((r) => (releaseOld = r));
      return page(q === 'old' ? [99] : [1], 1, 1);
    };
    const { result, rerender } = renderHook(({ q }) => usePagedList(fetchFor(q), q), { initialProps: { q: 'old' } });
    rerender({ q: 'new' });
    await waitFor(() => expect(result.current.items).toEqual([1]));
    await act(async () => releaseOld());
    expect(result.current.items).toEqual([1]);
  });

  it('reads the first page again when the page shows again after loading, only with reloadOnShow', async () => {
    const plain = vi.fn(async () => page([1], 1, 1));
    const fresh = vi.fn(async () => page([1], 1, 1));
    const a = renderHook(() => usePagedList(plain, 'all'));
    const b = renderHook(() => usePagedList(fresh, 'all', { reloadOnShow: true }));
    await waitFor(() => expect(b.result.current.status).toBe('ready'));
    await waitFor(() => expect(a.result.current.status).toBe('ready'));
    await act(async () => firePageEvent('show'));
    await waitFor(() => expect(fresh).toHaveBeenCalledTimes(2));
    expect(plain).toHaveBeenCalledTimes(1);
    a.unmount();
    b.unmount();
  });

  it('a pull-down reads the first page once', async () => {
    const fetchPage = vi.fn(async () => page([1], 1, 1));
    const { result, unmount } = renderHook(() => usePagedList(fetchPage, 'all', { reloadOnShow: true }));
    await waitFor(() => expect(result.current.status).toBe('ready'));
    await act(async () => firePageEvent('pull'));
    await waitFor(() => expect(fetchPage).toHaveBeenCalledTimes(2));
    await act(async () => new Promise((r) => setTimeout(r, 20)));
    expect(fetchPage).toHaveBeenCalledTimes(2);
    unmount();
  });
});
