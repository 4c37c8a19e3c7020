import {
  TIP_CATEGORIES,
  TIP_CATEGORY_LABELS,
  TIP_MAX_PHOTOS,
  TIP_STATUS_LABELS,
  TIP_TRANSITIONS,
  TIP_URGENCY_LABELS,
  type SubmitTipRequest,
  type TipAction,
  type TipCategory,
  type TipPlace,
  type TipStatus,
  type TipUrgency,
} from '@jianghuai/shared';
import type { DraftStorage } from './activity-form';

/**
 * A guard's tip on its way (pages/tips/new): three screens — what and how urgent, what happened (text, time,
 * place, photos), check and send. Pure: the page keeps the draft in storage so nothing is lost if WeChat is closed.
 */
export type TipStep = 1 | 2 | 3;
export const TIP_STEPS: readonly TipStep[] = [1, 2, 3];
export const TIP_STEP_TITLES: Record<TipStep, string> = { 1: '上报什么', 2: '发生了什么', 3: '核对后提交' };
export const TIP_TEXT_MAX = 1000;

export interface TipDraft {
  /** Made once per draft: sending again (a dropped answer) returns the same tip. */
  clientRequestId: string;
  category: TipCategory | null;
  urgency: TipUrgency;
  text: string;
  /** '' = 现在 (when it is sent). */
  date: string;
  time: string;
  place: TipPlace | null;
  /** Uploaded photos (ids and the local path to show them). */
  photos: { id: string; path: string }[];
}

export const CATEGORY_OPTIONS = TIP_CATEGORIES.map((value) => ({ value, label: TIP_CATEGORY_LABELS[value] }));
export const URGENCY_OPTIONS = (['normal', 'urgent'] as const).map((value) => ({
  value,
  label: TIP_URGENCY_LABELS[value],
}));

/** A fresh request id: time and randomness, unique enough per person (the server keys it by submitter). */
export function newClientRequestId(now: Date, random: () => number = Math.random): string {
  const rand = Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  return `tip-${now.getTime().toString(36)}-${rand}`;
}

export function emptyTipDraft(now: Date, random?: () => number): TipDraft {
  return {
    clientRequestId: newClientRequestId(now, random),
    category: null,
    urgency: 'normal',
    text: '',
    date: '',
    time: '',
    place: null,
    photos: [],
  };
}

/** What stops the person leaving a screen, in words; null when they may go on. */
export function tipStepError(step: TipStep, d: TipDraft, photosBusy = false): string | null {
  if (step === 1) return d.category ? null : '请先选择线索类别';
  if (step === 2) {
    const text = d.text.trim();
    if (!text) return '请写下看到的情况（可以用键盘上的话筒说话输入）';
    if (text.length > TIP_TEXT_MAX) return `情况说明最多 ${TIP_TEXT_MAX} 字`;
    if ((d.date && !d.time) || (!d.date && d.time)) return '请把日期和时间都选上，或者用“现在”';
    if (d.photos.length > TIP_MAX_PHOTOS) return `最多 ${TIP_MAX_PHOTOS} 张照片`;
    if (photosBusy) return '照片还在上传，请等上传完成（或删掉上传失败的照片）';
    return null;
  }
  return tipStepError(1, d) ?? tipStepError(2, d, photosBusy);
}

/** The date and time chosen, as an instant (Shanghai is UTC+8 all year); undefined = 现在. */
export function occurredAtOf(d: TipDraft): string | undefined {
  if (!d.date || !d.time) return undefined;
  return new Date(`${d.date}T${d.time}:00+08:00`).toISOString();
}

export function tipRequest(d: TipDraft): SubmitTipRequest {
  if (!d.category) throw new Error('category missing');
  const occurredAt = occurredAtOf(d);
  return {
    clientRequestId: d.clientRequestId,
    category: d.category,
    urgency: d.urgency,
    text: d.text.trim(),
    ...(occurredAt ? { occurredAt } : {}),
    place: d.place,
    photoIds: d.photos.map((p) => p.id),
  };
}

/** When it happened, in words. */
export function whenText(d: TipDraft): string {
  return d.date && d.time ? `${d.date} ${d.time}` : '现在';
}

/** True when the person has put anything in (worth keeping and offering back). */
export function draftHasContent(d: TipDraft): boolean {
  return !!(d.category || d.text.trim() || d.place || d.photos.length || d.urgency !== 'normal' || d.date);
}

// ── the draft in storage ──

export const TIP_DRAFT_KEY = 'jh:tip-draft';
const TIP_DRAFT_VERSION = 1;

export function saveTipDraft(store: DraftStorage, d: TipDraft): void {
  store.set(TIP_DRAFT_KEY, { v: TIP_DRAFT_VERSION, draft: d });
}

export function clearTipDraft(store: DraftStorage): void {
  store.remove(TIP_DRAFT_KEY);
}

/** The saved draft, or null when there is none, it is of an older version, damaged, or empty. */
export function loadTipDraft(store: DraftStorage): TipDraft | null {
  const raw = store.get(TIP_DRAFT_KEY) as { v?: number; draft?: Partial<TipDraft> } | null | undefined;
  const s = raw && typeof raw === 'object' && raw.v === TIP_DRAFT_VERSION ? raw.draft : null;
  if (!s || typeof s !== 'object' || typeof s.clientRequestId !== 'string' || !s.clientRequestId) return null;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  const place =
    s.place && typeof s.place === 'object' && typeof s.place.address === 'string'
      ? { address: s.place.address, lat: s.place.lat ?? null, lng: s.place.lng ?? null }
      : null;
  const draft: TipDraft = {
    clientRequestId: s.clientRequestId,
    category: (TIP_CATEGORIES as readonly string[]).includes(str(s.category)) ? (s.category as TipCategory) : null,
    urgency: s.urgency === 'urgent' ? 'urgent' : 'normal',
    text: str(s.text),
    date: str(s.date),
    time: str(s.time),
    place,
    photos: Array.isArray(s.photos)
      ? s.photos
          .filter((p) => p && typeof p.id === 'string')
          .slice(0, TIP_MAX_PHOTOS)
          .map((p) => ({ id: p.id, path: str(p.path) }))
      : [],
  };
  return draftHasContent(draft) ? draft : null;
}

// ── status and staff actions ──

export function tipStatusText(status: TipStatus): string {
  return TIP_STATUS_LABELS[status] ?? status;
}

/** What the status means to the guard who sent it. */
export function tipStatusHint(status: TipStatus): string {
  switch (status) {
    case 'submitted':
      return '已送到派出所，等待民警受理';
    case 'accepted':
    case 'assigned':
      return '民警已受理，正在安排处理';
    case 'in_progress':
      return '民警正在处理';
    case 'closed':
      return '已处理完毕，下面是处理结果';
    case 'rejected':
      return '民警看过后没有采纳，原因见下方';
    case 'duplicate':
      return '别人已经报过同一件事，民警会一并处理';
  }
}

export const TIP_ACTION_LABELS: Record<TipAction, string> = {
  accept: '受理',
  assign: '指派',
  start: '开始处理',
  close: '办结',
  reject: '不予采纳',
  duplicate: '重复线索',
};
const ACTION_ORDER: readonly TipAction[] = ['accept', 'start', 'assign', 'close', 'reject', 'duplicate'];

/** The actions a tip in `status` allows, from the shared transition table, in the order the buttons show. */
export function allowedTipActions(status: TipStatus): TipAction[] {
  return ACTION_ORDER.filter((a) => (TIP_TRANSITIONS[a].from as readonly TipStatus[]).includes(status));
}

/** Whether an action needs words first (a result, a reason) or a choice (a unit, the original tip). */
export function actionNeeds(action: TipAction): 'result' | 'reason' | 'unit' | 'original' | null {
  if (action === 'close') return 'result';
  if (action === 'reject') return 'reason';
  if (action === 'assign') return 'unit';
  if (action === 'duplicate') return 'original';
  return null;
}

/** Urgent first, then newest first (the queue's order whatever the page of the server). */
export function queueOrder<T extends { urgency: TipUrgency; createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort(
    (a, b) =>
      (a.urgency === 'urgent' ? 0 : 1) - (b.urgency === 'urgent' ? 0 : 1) || (a.createdAt < b.createdAt ? 1 : -1),
  );
}

export const TIP_STATE_CHANGED_TEXT = '已被其他民警处理，已刷新';
