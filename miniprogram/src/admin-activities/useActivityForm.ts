import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActivityResponse } from '@jianghuai/shared';
import {
  clearDraft,
  emptyForm,
  firstError,
  formChanged,
  formFromActivity,
  loadDraft,
  saveDraft,
  toActivityInput,
  toUpdateInput,
  validateActivityForm,
  type ActivityForm,
  type DraftStorage,
  type FormErrors,
} from '../logic/activity-form';
import { formatDateTime } from '../logic/format';
import { messageOf } from '../hooks/useSignup';
import { adminGetActivity, createActivity, publishActivity, updateActivity } from '../services/activities-admin';

export const taroDraftStorage: DraftStorage = {
  get: (key) => {
    try {
      return Taro.getStorageSync(key) || null;
    } catch {
      return null;
    }
  },
  set: (key, value) => {
    try {
      Taro.setStorageSync(key, value);
    } catch {
      // Storage full: the form still works, only the safety net is gone.
    }
  },
  remove: (key) => {
    try {
      Taro.removeStorageSync(key);
    } catch {
      // nothing to do
    }
  },
};

type Phase = { kind: 'loading' } | { kind: 'loadFailed'; message: string } | { kind: 'editing' };

interface Start {
  activity: ActivityResponse | null;
  /** What the form holds when nothing is typed: the activity as saved, or the defaults. */
  base: ActivityForm;
  form: ActivityForm;
  /** When the restored draft was kept ('' when unknown); null when nothing was restored. */
  restoredAt: string | null;
}

/** Where the form starts: the activity (or defaults), or an unsent draft over it. Throws when loading fails. */
async function startingForm(activityId: number | null): Promise<Start> {
  const activity = activityId ? await adminGetActivity(activityId) : null;
  const base = activity ? formFromActivity(activity) : emptyForm(new Date());
  const draft = loadDraft(taroDraftStorage, activityId);
  if (draft && formChanged(draft.form, base))
    return { activity, base, form: draft.form, restoredAt: draft.savedAt ? formatDateTime(draft.savedAt) : '' };
  return { activity, base, form: base, restoredAt: null };
}

/** Creates or updates the activity, drops the local copy the server now holds, and publishes when asked. */
async function saveActivity(
  activityId: number | null,
  activity: ActivityResponse | null,
  form: ActivityForm,
  publish: boolean,
): Promise<ActivityResponse> {
  let saved =
    activityId && activity
      ? await updateActivity(activityId, toUpdateInput(form, activity.status))
      : await createActivity(toActivityInput(form));
  // The server has it now: the local copy is no longer needed (a new draft is keyed by its id from here on).
  clearDraft(taroDraftStorage, activityId);
  if (publish && saved.status === 'draft') saved = await publishActivity(saved.id);
  return saved;
}

/**
 * The staff activity form: starts from the activity (or defaults), restores an unsent draft,
 * keeps every keystroke in storage until the server has it, and saves / publishes.
 */
export function useActivityForm(activityId: number | null) {
  const [phase, setPhase] = useState<Phase>({ kind: activityId ? 'loading' : 'editing' });
  const [activity, setActivity] = useState<ActivityResponse | null>(null);
  const [form, setForm] = useState<ActivityForm>(() => emptyForm(new Date()));
  const [errors, setErrors] = useState<FormErrors>({});
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [saving, setSaving] = useState<null | 'draft' | 'publish'>(null);
  const baseline = useRef<ActivityForm>(form);

  async function start() {
    if (activityId) setPhase({ kind: 'loading' });
    let begin: Start;
    try {
      begin = await startingForm(activityId);
    } catch (caught) {
      setPhase({ kind: 'loadFailed', message: messageOf(caught) });
      return;
    }
    if (begin.activity) setActivity(begin.activity);
    baseline.current = begin.base;
    setForm(begin.form);
    if (begin.restoredAt !== null) setRestoredAt(begin.restoredAt);
    setPhase({ kind: 'editing' });
  }

  useEffect(() => {
    void start();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [activityId]);

  function update<K extends keyof ActivityForm>(key: K, value: ActivityForm[K]) {
    setForm((prev) => {
      const next = { ...prev, [key]: value };
      saveDraft(taroDraftStorage, activityId, next, new Date());
      return next;
    });
    setErrors((prev) => (prev[key] ? { ...prev, [key]: undefined } : prev));
  }

  function discardDraft() {
    clearDraft(taroDraftStorage, activityId);
    setForm(baseline.current);
    setRestoredAt(null);
    setErrors({});
  }

  /** Saves (and publishes when asked); returns the saved activity or null on failure. */
  async function submit(publish: boolean): Promise<ActivityResponse | null> {
    const isNew = !activityId;
    const found = validateActivityForm(form, new Date(), isNew);
    setErrors(found);
    const problem = firstError(found);
    if (problem) {
      setSubmitError(problem);
      return null;
    }
    setSubmitError(null);
    setSaving(publish ? 'publish' : 'draft');
    try {
      const saved = await saveActivity(activityId, activity, form, publish);
      setActivity(saved);
      return saved;
    } catch (caught) {
      setSubmitError(`${messageOf(caught)}。已填写的内容保存在本机，不会丢失，可以稍后再点保存。`);
      return null;
    } finally {
      setSaving(null);
    }
  }

  return { phase, activity, form, errors, submitError, restoredAt, saving, update, submit, discardDraft, retry: start };
}

export type ActivityFormState = ReturnType<typeof useActivityForm>;
