import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import type { AdminTipResponse, TipAction, TipSubmitterReveal } from '@jianghuai/shared';
import { useResource, errorText } from '../../hooks/useResource';
import { HttpError } from '../../services/http';
import { adminTip, revealSubmitter, tipAction, type TipActionBody } from '../../services/tips';
import { TIP_ACTION_LABELS, TIP_STATE_CHANGED_TEXT, actionNeeds } from '../../logic/tips';

/** 查看身份: asks first (it is audited), then shows the submitter in full. */
function useReveal(id: number, setError: (message: string | null) => void) {
  const [revealed, setRevealed] = useState<TipSubmitterReveal | null>(null);
  const [revealing, setRevealing] = useState(false);
  const reveal = async () => {
    const answer = await Taro.showModal({
      title: '查看上报人身份',
      content: '查看会记入操作日志。确实需要联系上报人时才查看。',
      confirmText: '查看',
      cancelText: '不看了',
    });
    if (!answer.confirm) return;
    setRevealing(true);
    setError(null);
    try {
      setRevealed(await revealSubmitter(id));
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setRevealing(false);
    }
  };
  return { revealed, revealing, reveal };
}

/**
 * One tip for an officer: the record, the action being filled in (a result, a reason, a unit, the original),
 * sending it, and the audited reveal of who sent it. Someone else's action first (409) reloads with a notice.
 */
export function useTipTriage(id: number) {
  const tip = useResource(
    useCallback(() => adminTip(id), [id]),
    `admin-tip:${id}`,
  );
  const [open, setOpen] = useState<TipAction | null>(null);
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<number | null>(null);
  const [busy, setBusy] = useState<TipAction | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const start = (action: TipAction) => {
    setError(null);
    setNotice(null);
    if (actionNeeds(action)) {
      setOpen(action);
      setText('');
      setChoice(null);
    } else void run(action, {});
  };

  const bodyFor = (action: TipAction): TipActionBody | string => {
    const need = actionNeeds(action);
    if (need === 'result') return text.trim() ? { result: text.trim() } : '请写下办结结果（会告诉上报的义警）';
    if (need === 'reason') return text.trim() ? { reason: text.trim() } : '请写下不予采纳的原因（会告诉上报的义警）';
    if (need === 'unit') return choice ? { assign: { orgUnitId: choice } } : '请选择指派给哪个单位';
    if (need === 'original') return choice ? { originalId: choice } : '请选择与哪条线索重复';
    return {};
  };

  const run = async (action: TipAction, body: TipActionBody) => {
    setBusy(action);
    try {
      const updated = await tipAction(id, action, body);
      tip.replace(updated);
      setOpen(null);
      void Taro.showToast({ title: `已${TIP_ACTION_LABELS[action]}`, icon: 'success' });
    } catch (caught) {
      if (caught instanceof HttpError && caught.code === 'TIP_STATE_CHANGED') {
        setOpen(null);
        setNotice(TIP_STATE_CHANGED_TEXT);
        await tip.refresh();
      } else setError(errorText(caught));
    } finally {
      setBusy(null);
    }
  };

  const confirm = () => {
    if (!open) return;
    const body = bodyFor(open);
    if (typeof body === 'string') setError(body);
    else void run(open, body);
  };

  return {
    tip,
    open,
    cancel: () => setOpen(null),
    start,
    confirm,
    text,
    setText,
    choice,
    setChoice,
    busy,
    error,
    notice,
    ...useReveal(id, setError),
  };
}
export type TipTriage = ReturnType<typeof useTipTriage>;
export type LoadedTip = AdminTipResponse;
