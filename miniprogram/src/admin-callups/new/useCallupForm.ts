import { useCallback, useEffect, useMemo, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import type { CallupPreviewResponse, TeamResponse } from '@jianghuai/shared';
import { errorText, useResource } from '../../hooks/useResource';
import { readPosition, locationErrorMessage } from '../../hooks/useLocation';
import {
  callupDraftProblem,
  callupRequestOf,
  draftFromPlan,
  EMPTY_CALLUP_DRAFT,
  planRequestOf,
  targetOf,
  unitOptions,
  type CallupDraft,
} from '../../logic/callups';
import { PAGES, pageUrl } from '../../logic/routes';
import { newClientRequestId } from '../../logic/tips';
import { fetchOrgTree } from '../../services/enrolment-admin';
import { listTeams } from '../../services/teams-admin';
import { callupPlan, createPlan, launchPlan, previewCallup, sendCallup, updatePlan } from '../../services/callups';

/** send: a new call-up; launch: a plan, changed before sending; plan: a new plan; planEdit: a plan's changes. */
export type FormPurpose = 'send' | 'launch' | 'plan' | 'planEdit';

export type Preview =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | ({ status: 'ready' } & CallupPreviewResponse);

/** How many the target reaches, the mode it would take and any war-time over it, asked again at each change. */
function usePreview(draft: CallupDraft): Preview {
  const [preview, setPreview] = useState<Preview>({ status: 'idle' });
  const target = targetOf(draft);
  const key = JSON.stringify([target, draft.mode]);
  useEffect(() => {
    if (!target) return setPreview({ status: 'idle' });
    let live = true;
    setPreview({ status: 'loading' });
    previewCallup({ target, ...(draft.mode ? { mode: draft.mode } : {}) })
      .then((r) => live && setPreview({ status: 'ready', ...r }))
      .catch((e: unknown) => live && setPreview({ status: 'error', message: errorText(e) }));
    return () => {
      live = false;
    };
    // the target's JSON is its identity
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return preview;
}

/** The station's teams when the target is a station (a team narrows it). */
function useTeams(unitId: number | null, level: string | undefined) {
  const [teams, setTeams] = useState<TeamResponse[]>([]);
  useEffect(() => {
    setTeams([]);
    if (!unitId || level !== 'station') return;
    listTeams({ stationId: unitId, pageSize: 50 })
      .then((p) => setTeams(p.items))
      .catch(() => setTeams([]));
  }, [unitId, level]);
  return teams;
}

function usePurpose() {
  const params = useRouter().params;
  const planId = Number(params.planId) || null;
  const purpose: FormPurpose = params.purpose === 'plan' ? (planId ? 'planEdit' : 'plan') : planId ? 'launch' : 'send';
  return { planId, purpose };
}

/** The 发布指令 form (also a plan's launch with changes, and a plan's own form). */
export function useCallupForm() {
  const { planId, purpose } = usePurpose();
  const [draft, setDraft] = useState<CallupDraft>(EMPTY_CALLUP_DRAFT);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  // one per call-up: a retry after a lost answer returns the call-up already sent instead of calling everyone again
  const [requestId] = useState(() => newClientRequestId(new Date()).replace(/^tip-/, 'cu-'));
  const units = useResource(
    useCallback(async () => {
      const [tree, plan] = await Promise.all([fetchOrgTree(), planId ? callupPlan(planId) : Promise.resolve(null)]);
      if (plan) setDraft(draftFromPlan(plan));
      return unitOptions(tree);
    }, [planId]),
    `callup-units:${planId ?? ''}`,
  );
  const update = (patch: Partial<CallupDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const unitList = useMemo(() => (units.status === 'ready' ? units.data : []), [units.status, units.data]);
  // one unit in scope (a community officer's own community) comes chosen
  const only = unitList.length === 1 ? unitList[0].id : null;
  useEffect(() => {
    if (only !== null && draft.unitId === null) setDraft((d) => ({ ...d, unitId: only }));
  }, [only, draft.unitId]);
  const teams = useTeams(draft.unitId, unitList.find((u) => u.id === draft.unitId)?.level);
  const preview = usePreview(draft);

  const locate = async (which: 'rally' | 'centre') => {
    setError(null);
    try {
      const pos = await readPosition();
      const lat = pos.lat.toFixed(6);
      const lng = pos.lng.toFixed(6);
      update(which === 'rally' ? { rallyLat: lat, rallyLng: lng } : { centreLat: lat, centreLng: lng });
    } catch (e) {
      setError(locationErrorMessage(e, '用我的位置'));
    }
  };

  const submit = async () => {
    const problem =
      callupDraftProblem(draft) ?? (purpose.startsWith('plan') && !draft.planName.trim() ? '请填写预案名称' : null);
    if (problem) return setError(problem);
    if (!purpose.startsWith('plan') && !(await confirmSend(preview))) return;
    setSending(true);
    setError(null);
    try {
      const url = await save(purpose, planId, draft, requestId);
      void Taro.redirectTo({ url });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSending(false);
    }
  };
  return { purpose, draft, update, units, unitList, teams, preview, error, sending, submit, locate };
}

async function confirmSend(preview: Preview): Promise<boolean> {
  const count = preview.status === 'ready' ? `将通知 ${preview.matched} 人。` : '';
  const ok = await Taro.showModal({
    title: '确认发布',
    content: `${count}发出后立即通知，不能撤回。`,
    confirmText: '发布',
  });
  return ok.confirm;
}

/** Sends, launches or saves; the page to go to next. */
async function save(purpose: FormPurpose, planId: number | null, draft: CallupDraft, requestId: string) {
  if (purpose === 'plan') {
    await createPlan(planRequestOf(draft));
    return PAGES.adminCallupPlans;
  }
  if (purpose === 'planEdit') {
    await updatePlan(planId!, planRequestOf(draft));
    return PAGES.adminCallupPlans;
  }
  const body = callupRequestOf(draft, requestId, Date.now());
  const sent =
    purpose === 'launch'
      ? await launchPlan(planId!, {
          requestId,
          overrides: {
            ...(body.mode ? { mode: body.mode } : {}),
            title: body.title,
            task: body.task,
            rally: body.rally,
            deadlineAt: body.deadlineAt,
            target: body.target,
            wanted: body.wanted,
            ...(body.items ? { items: body.items } : {}),
          },
        })
      : await sendCallup(body);
  return pageUrl(PAGES.adminCallupBoard, { id: sent.id });
}

export type CallupForm = ReturnType<typeof useCallupForm>;
