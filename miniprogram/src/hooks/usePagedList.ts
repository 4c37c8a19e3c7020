import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { Page } from '@jianghuai/shared';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';

export type ListStatus = 'loading' | 'ready' | 'error' | 'loadingMore' | 'moreError';

export interface PagedList<T> {
  items: T[];
  total: number;
  status: ListStatus;
  error: string | null;
  hasMore: boolean;
  reload: () => void;
  loadMore: () => void;
}

export const PAGE_SIZE = 20;

/**
 * One paginated list: first page on mount, whenever `key` changes (e.g. a new search) and when the page is pulled
 * down, more pages on request. A late answer for an old key is dropped. With `reloadOnShow`, the first page is read
 * again each time the page shows after it has loaded (coming back from a detail page that changed a row).
 */
export function usePagedList<T>(
  fetchPage: (page: number) => Promise<Page<T>>,
  key: string,
  options: { reloadOnShow?: boolean } = {},
): PagedList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [total, setTotal] = useState(0);
  const [page, setPage] = useState(0);
  const [status, setStatus] = useState<ListStatus>('loading');
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;

  const load = useCallback(async (nextPage: number) => {
    const mine = ++generation.current;
    setStatus(nextPage === 1 ? 'loading' : 'loadingMore');
    setError(null);
    try {
      const result = await fetchRef.current(nextPage);
      if (mine !== generation.current) return;
      setItems((prev) => (nextPage === 1 ? result.items : [...prev, ...result.items]));
      setTotal(result.total);
      setPage(nextPage);
      setStatus('ready');
    } catch (caught) {
      if (mine !== generation.current) return;
      setError(caught instanceof HttpError ? caught.message : NETWORK_ERROR_MESSAGE);
      setStatus(nextPage === 1 ? 'error' : 'moreError');
    }
  }, []);

  useEffect(() => {
    void load(1);
  }, [key, load]);

  // Pulling the page down loads the first page again (pages enable it with enablePullDownRefresh).
  usePullDownRefresh(() => {
    void load(1).finally(() => Taro.stopPullDownRefresh());
  });

  const statusRef = useRef(status);
  statusRef.current = status;
  const reloadOnShow = options.reloadOnShow ?? false;
  useDidShow(() => {
    if (reloadOnShow && statusRef.current === 'ready') void load(1);
  });

  return {
    items,
    total,
    status,
    error,
    hasMore: items.length < total,
    reload: () => void load(1),
    loadMore: () => void load(page + 1),
  };
}
