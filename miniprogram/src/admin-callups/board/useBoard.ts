import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import type { BoardResponse } from '@jianghuai/shared';
import { errorText } from '../../hooks/useResource';
import { BOARD_POLL_MS } from '../../logic/callups';
import { callupBoard } from '../../services/callups';

/**
 * The live board of call-up `id`, read again every 3 s while the page is shown (the figures come from the database, so
 * any server instance answers the same). A failed reading keeps the last figures and says so.
 */
export function useBoard(id: number) {
  const [board, setBoard] = useState<BoardResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [visible, setVisible] = useState(true);
  const busy = useRef(false);
  const load = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    try {
      setBoard(await callupBoard(id));
      setError(null);
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      busy.current = false;
    }
  }, [id]);
  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));
  useEffect(() => {
    if (!visible) return;
    void load();
    const timer = setInterval(() => void load(), BOARD_POLL_MS);
    return () => clearInterval(timer);
  }, [visible, load]);
  return { board, error, reload: load };
}
