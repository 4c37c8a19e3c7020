import { useCallback, useEffect, useRef, useState } from 'react';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';

export type Resource<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'error'; data: null; error: string }
  | { status: 'ready'; data: T; error: null };

/** One record loaded by a page: loading, a Chinese error with retry, or the data (replaceable after an action). */
export function useResource<T>(
  fetcher: () => Promise<T>,
  key: string,
): Resource<T> & { reload: () => void; replace: (data: T) => void; refresh: () => Promise<void> } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading', data: null, error: null });
  const fetchRef = useRef(fetcher);
  fetchRef.current = fetcher;
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setState({ status: 'loading', data: null, error: null });
    try {
      const data = await fetchRef.current();
      if (mine === generation.current) setState({ status: 'ready', data, error: null });
    } catch (error) {
      if (mine === generation.current)
        setState({
          status: 'error',
          data: null,
          error: error instanceof HttpError ? error.message : NETWORK_ERROR_MESSAGE,
        });
    }
  }, []);

  /** Loads again while the page keeps showing what it has (and whatever notice it shows beside it). */
  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    try {
      const data = await fetchRef.current();
      if (mine === generation.current) setState({ status: 'ready', data, error: null });
    } catch (error) {
      if (mine === generation.current)
        setState({
          status: 'error',
          data: null,
          error: error instanceof HttpError ? error.message : NETWORK_ERROR_MESSAGE,
        });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [key, load]);

  return {
    ...state,
    reload: () => void load(),
    refresh,
    replace: (data: T) => setState({ status: 'ready', data, error: null }),
  };
}

export function errorText(error: unknown): string {
  return error instanceof HttpError ? error.message : NETWORK_ERROR_MESSAGE;
}
