import { useCallback, useEffect, useState } from 'react';
import Taro from '@tarojs/taro';
import type { AlertTargetsResponse, RecipientCountResponse } from '@jianghuai/shared';
import { useResource } from '../../hooks/useResource';
import { readPosition, locationErrorMessage } from '../../hooks/useLocation';
import { alertDraftProblem, alertTargetOf, EMPTY_ALERT_DRAFT, onlyUnitOf, type AlertDraft } from '../../logic/alerts';
import { PAGES, pageUrl } from '../../logic/routes';
import { newClientRequestId } from '../../logic/tips';
import { ensurePrivacy } from '../../services/privacy';
import { alertTargets, recipientCount, sendAlert } from '../../services/alerts';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../../services/http';

const messageOf = (e: unknown) => (e instanceof HttpError ? e.message : NETWORK_ERROR_MESSAGE);

/** The recipients a complete target reaches, asked again whenever the target changes. */
function usePreview(draft: AlertDraft) {
  const [preview, setPreview] = useState<
    | { status: 'idle' }
    | { status: 'loading' }
    | { status: 'error'; message: string }
    | ({ status: 'ready' } & RecipientCountResponse)
  >({ status: 'idle' });
  const target = alertTargetOf(draft);
  const key = JSON.stringify(target);
  useEffect(() => {
    if (!target) return setPreview({ status: 'idle' });
    let live = true;
    setPreview({ status: 'loading' });
    recipientCount(target)
      .then((r) => live && setPreview({ status: 'ready', ...r }))
      .catch((e: unknown) => live && setPreview({ status: 'error', message: messageOf(e) }));
    return () => {
      live = false;
    };
    // the target's JSON is its identity
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return preview;
}

/** The 发预警 form: the draft, the choices of the officer's scope, the live recipient count, the point and sending. */
export function useAlertForm() {
  const [draft, setDraft] = useState<AlertDraft>(EMPTY_ALERT_DRAFT);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // one per warning: a retry after a lost answer returns the warning already sent instead of texting everyone again
  const [clientRequestId] = useState(() => newClientRequestId(new Date()));
  const targets = useResource<AlertTargetsResponse>(
    useCallback(() => alertTargets(), []),
    'alert-targets',
  );
  const update = (patch: Partial<AlertDraft>) => setDraft((d) => ({ ...d, ...patch }));
  // A kind with one unit in scope (a station officer's 派出所) comes chosen.
  const only = targets.status === 'ready' ? onlyUnitOf(draft.kind, targets.data) : null;
  useEffect(() => {
    if (only !== null && draft.unitId === null) setDraft((d) => ({ ...d, unitId: only }));
  }, [only, draft.unitId]);
  const preview = usePreview(draft);

  const locateMe = async () => {
    setError(null);
    try {
      const pos = await readPosition();
      update({ lat: pos.lat.toFixed(6), lng: pos.lng.toFixed(6) });
    } catch (e) {
      setError(locationErrorMessage(e, '用我的位置'));
    }
  };
  const pickOnMap = async () => {
    setError(null);
    try {
      await ensurePrivacy('location');
      const res = await Taro.chooseLocation({});
      update({ lat: res.latitude.toFixed(6), lng: res.longitude.toFixed(6) });
    } catch {
      setError('没有选到地点，可以再点一次，或直接填写纬度和经度');
    }
  };

  const submit = async () => {
    const problem = alertDraftProblem(draft);
    if (problem) return setError(problem);
    const count = preview.status === 'ready' ? preview.count : null;
    const ok = await Taro.showModal({
      title: '确认发送',
      content: `${count === null ? '' : `将发给 ${count} 名义警。`}${draft.level === 'urgent' ? '紧急预警会同时发送短信。' : ''}发出后不能撤回。`,
      confirmText: '发送',
    });
    if (!ok.confirm) return;
    setSending(true);
    setError(null);
    try {
      const target = alertTargetOf(draft)!;
      const sent = await sendAlert({
        clientRequestId,
        title: draft.title.trim(),
        text: draft.text.trim(),
        level: draft.level,
        target,
      });
      void Taro.redirectTo({ url: pageUrl(PAGES.adminAlert, { id: sent.id }) });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setSending(false);
    }
  };
  return { draft, update, targets, preview, error, sending, submit, locateMe, pickOnMap };
}
