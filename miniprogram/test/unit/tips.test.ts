import { describe, expect, it } from 'vitest';
import { TIP_STATUSES, TIP_TRANSITIONS } from '@jianghuai/shared';
import {
  actionNeeds,
  allowedTipActions,
  clearTipDraft,
  draftHasContent,
  emptyTipDraft,
  loadTipDraft,
  newClientRequestId,
  occurredAtOf,
  queueOrder,
  saveTipDraft,
  TIP_DRAFT_KEY,
  tipRequest,
  tipStatusHint,
  tipStatusText,
  tipStepError,
  whenText,
  type TipDraft,
} from '../../src/logic/tips';
import type { DraftStorage } from '../../src/logic/activity-form';

const now = new Date('2026-11-30T08:00:00Z');

function memory(): DraftStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (k) => data.get(k),
    set: (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))),
    remove: (k) => void data.delete(k),
  };
}

function filled(over: Partial<TipDraft> = {}): TipDraft {
  return {
    ...emptyTipDraft(now, () => 0.5),
    category: 'suspicious_person',
    text: '  有人在小区门口撬电动车  ',
    place: { address: '湖东路菜市场北门', lat: 31.7, lng: 118.5 },
    photos: [{ id: 'f1', path: 'blob:1' }],
    ...over,
  };
}

describe('tip draft', () => {
  it('makes one request id per draft, different between drafts', () => {
    const a = newClientRequestId(now, () => 0.1);
    const b = newClientRequestId(now, () => 0.2);
    expect(a).toMatch(/^tip-[0-9a-z]+-[0-9a-z]{8}$/);
    expect(a).not.toBe(b);
    expect(emptyTipDraft(now).clientRequestId).toMatch(/^tip-/);
  });

  it('survives a restart: saved and restored with the same request id, category, text, place and photo ids', () => {
    const store = memory();
    const d = filled({ urgency: 'urgent' });
    saveTipDraft(store, d);
    expect(loadTipDraft(store)).toEqual({ ...d, place: { address: '湖东路菜市场北门', lat: 31.7, lng: 118.5 } });
    clearTipDraft(store);
    expect(loadTipDraft(store)).toBeNull();
  });

  it('offers nothing back for an empty, damaged or older draft', () => {
    const store = memory();
    saveTipDraft(store, emptyTipDraft(now));
    expect(loadTipDraft(store)).toBeNull();
    store.set(TIP_DRAFT_KEY, { v: 0, draft: filled() });
    expect(loadTipDraft(store)).toBeNull();
    store.set(TIP_DRAFT_KEY, 'garbage');
    expect(loadTipDraft(store)).toBeNull();
    store.set(TIP_DRAFT_KEY, { v: 1, draft: { ...filled(), category: 'nonsense', photos: [{ x: 1 }, { id: 'f2' }] } });
    const back = loadTipDraft(store);
    expect(back?.category).toBeNull();
    expect(back?.photos).toEqual([{ id: 'f2', path: '' }]);
  });

  it('counts anything the person put in as content', () => {
    expect(draftHasContent(emptyTipDraft(now))).toBe(false);
    expect(draftHasContent({ ...emptyTipDraft(now), text: '有' })).toBe(true);
    expect(draftHasContent({ ...emptyTipDraft(now), urgency: 'urgent' })).toBe(true);
  });
});

describe('tip steps', () => {
  it('screen 1 needs a category; screen 2 the text, a whole date and time, and photos settled', () => {
    const empty = emptyTipDraft(now);
    expect(tipStepError(1, empty)).toBe('请先选择线索类别');
    expect(tipStepError(1, filled())).toBeNull();
    expect(tipStepError(2, filled({ text: '   ' }))).toMatch(/请写下/);
    expect(tipStepError(2, filled({ text: '字'.repeat(1001) }))).toMatch(/最多 1000 字/);
    expect(tipStepError(2, filled({ date: '2026-11-30', time: '' }))).toMatch(/日期和时间/);
    expect(tipStepError(2, filled(), true)).toMatch(/照片还在上传/);
    expect(tipStepError(2, filled())).toBeNull();
    expect(tipStepError(3, filled({ category: null }))).toBe('请先选择线索类别');
    expect(tipStepError(3, filled())).toBeNull();
  });

  it('builds the request: trimmed text, photo ids, 现在 left out, a chosen time in Shanghai', () => {
    const d = filled();
    expect(tipRequest(d)).toEqual({
      clientRequestId: d.clientRequestId,
      category: 'suspicious_person',
      urgency: 'normal',
      text: '有人在小区门口撬电动车',
      place: d.place,
      photoIds: ['f1'],
    });
    expect(whenText(d)).toBe('现在');
    const at = filled({ date: '2026-11-30', time: '07:30' });
    expect(occurredAtOf(at)).toBe('2026-11-29T23:30:00.000Z');
    expect(tipRequest(at).occurredAt).toBe('2026-11-29T23:30:00.000Z');
    expect(whenText(at)).toBe('2026-11-30 07:30');
  });
});

describe('tip status and staff actions', () => {
  it('says every status in words, with what it means to the guard', () => {
    for (const s of TIP_STATUSES) {
      expect(tipStatusText(s)).toMatch(/[\u4e00-\u9fa5]/);
      expect(tipStatusHint(s)).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(tipStatusText('closed')).toBe('已办结');
  });

  it('offers exactly the actions the transition table allows from each status', () => {
    for (const s of TIP_STATUSES) {
      const expected = Object.entries(TIP_TRANSITIONS)
        .filter(([, t]) => (t.from as readonly string[]).includes(s))
        .map(([a]) => a)
        .sort();
      expect([...allowedTipActions(s)].sort()).toEqual(expected);
    }
    expect(allowedTipActions('submitted')).toEqual(['accept', 'reject', 'duplicate']);
    expect(allowedTipActions('closed')).toEqual([]);
  });

  it('asks for a result, a reason, a unit or the original where the action needs one', () => {
    expect(actionNeeds('accept')).toBeNull();
    expect(actionNeeds('start')).toBeNull();
    expect(actionNeeds('close')).toBe('result');
    expect(actionNeeds('reject')).toBe('reason');
    expect(actionNeeds('assign')).toBe('unit');
    expect(actionNeeds('duplicate')).toBe('original');
  });

  it('puts urgent tips first, newest first within each', () => {
    const rows = [
      { id: 1, urgency: 'normal' as const, createdAt: '2026-11-30T01:00:00Z' },
      { id: 2, urgency: 'urgent' as const, createdAt: '2026-11-30T00:00:00Z' },
      { id: 3, urgency: 'normal' as const, createdAt: '2026-11-30T02:00:00Z' },
      { id: 4, urgency: 'urgent' as const, createdAt: '2026-11-30T03:00:00Z' },
    ];
    expect(queueOrder(rows).map((r) => r.id)).toEqual([4, 2, 3, 1]);
  });
});
