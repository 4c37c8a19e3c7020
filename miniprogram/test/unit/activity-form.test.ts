import { describe, expect, it } from 'vitest';
import {
  clearDraft,
  draftKey,
  emptyForm,
  firstError,
  formChanged,
  loadDraft,
  saveDraft,
  shanghaiInstant,
  shanghaiParts,
  toActivityInput,
  toUpdateInput,
  validateActivityForm,
  type ActivityForm,
  type DraftStorage,
} from '../../src/logic/activity-form';

const NOW = new Date('2026-11-29T01:00:00Z'); // 09:00 Shanghai

function filled(over: Partial<ActivityForm> = {}): ActivityForm {
  return {
    ...emptyForm(NOW),
    title: '平湖小区夜间巡逻',
    address: '平湖小区北门',
    lat: '31.6705',
    lng: '118.5065',
    ...over,
  };
}

function memoryStorage(): DraftStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: (k) => data.get(k) ?? null,
    set: (k, v) => void data.set(k, JSON.parse(JSON.stringify(v))),
    remove: (k) => void data.delete(k),
  };
}

describe('Shanghai date and time entry', () => {
  it('turns a Shanghai date and time into the instant, whatever the phone zone', () => {
    expect(shanghaiInstant('2026-12-01', '09:30')!.toISOString()).toBe('2026-12-01T01:30:00.000Z');
    expect(shanghaiInstant('2026-12-01', '00:15')!.toISOString()).toBe('2026-11-30T16:15:00.000Z');
    expect(shanghaiInstant('2026-12-01', '9：05')!.toISOString()).toBe('2026-12-01T01:05:00.000Z');
  });
  it('refuses impossible dates and times instead of rolling over', () => {
    expect(shanghaiInstant('2026-02-31', '09:00')).toBeNull();
    expect(shanghaiInstant('2026-12-01', '24:00')).toBeNull();
    expect(shanghaiInstant('12/01/2026', '09:00')).toBeNull();
  });
  it('shanghaiParts is the inverse', () => {
    expect(shanghaiParts(new Date('2026-11-30T16:15:00Z'))).toEqual({ date: '2026-12-01', time: '00:15' });
  });
});

describe('validateActivityForm', () => {
  it('a complete form has no problems', () => {
    expect(validateActivityForm(filled(), NOW, true)).toEqual({});
  });
  it('names each missing or wrong field in words', () => {
    const e = validateActivityForm(
      filled({ title: 'a', address: ' ', lat: '91', lng: 'abc', radiusM: '5', capacity: '0', pointsAmount: '-1' }),
      NOW,
      true,
    );
    expect(Object.keys(e).sort()).toEqual(['address', 'capacity', 'lat', 'lng', 'pointsAmount', 'radiusM', 'title']);
    expect(e.lat).toContain('纬度');
    expect(firstError(e)).toMatch(/^还有 7 处需要修改：/);
  });
  it('end must follow start; a new activity cannot start in the past', () => {
    expect(validateActivityForm(filled({ endTime: '08:00' }), NOW, true).endTime).toBe('结束时间要晚于开始时间');
    const today = shanghaiParts(NOW).date;
    expect(
      validateActivityForm(
        filled({ startDate: today, startTime: '08:00', endDate: today, endTime: '10:00' }),
        NOW,
        true,
      ).startTime,
    ).toContain('已经过去');
    // Editing an activity that already started is the server's call, not the form's.
    expect(
      validateActivityForm(
        filled({ startDate: today, startTime: '08:00', endDate: today, endTime: '10:00' }),
        NOW,
        false,
      ).startTime,
    ).toBeUndefined();
  });
  it('malformed times say what the format is', () => {
    expect(validateActivityForm(filled({ startTime: '9点' }), NOW, true).startTime).toContain('09:00');
  });
});

describe('toActivityInput', () => {
  it('sends numbers, ISO times, a risk level by type and the insurance requirement', () => {
    const input = toActivityInput(
      filled({
        type: 'disaster_relief',
        requiresInsurance: true,
        startDate: '2026-12-01',
        startTime: '09:00',
        endDate: '2026-12-01',
        endTime: '11:30',
      }),
    );
    expect(input).toMatchObject({
      title: '平湖小区夜间巡逻',
      location: { address: '平湖小区北门', lat: 31.6705, lng: 118.5065, radiusM: 300 },
      startAt: '2026-12-01T01:00:00.000Z',
      endAt: '2026-12-01T03:30:00.000Z',
      capacity: 20,
      pointsAmount: 10,
      riskLevel: 'high',
      requirements: { requiresInsurance: true },
    });
    expect(toActivityInput(filled()).riskLevel).toBe('normal');
  });
  it('a published activity cannot change its sign-up mode: left out of the update', () => {
    expect(toUpdateInput(filled(), 'published')).not.toHaveProperty('signupMode');
    expect(toUpdateInput(filled(), 'draft')).toHaveProperty('signupMode', 'instant');
  });
});

describe('drafts', () => {
  it('a saved draft comes back after the app closes', () => {
    const store = memoryStorage();
    saveDraft(store, null, filled({ title: '断网前填的' }), NOW);
    const back = loadDraft(store, null);
    expect(back?.form.title).toBe('断网前填的');
    expect(back?.savedAt).toBe(NOW.toISOString());
  });
  it('drafts of a new activity and of activity 5 are kept apart', () => {
    const store = memoryStorage();
    saveDraft(store, 5, filled({ title: '五号活动' }), NOW);
    expect(loadDraft(store, null)).toBeNull();
    expect(loadDraft(store, 5)?.form.title).toBe('五号活动');
    expect(draftKey(5)).not.toBe(draftKey(null));
  });
  it('a damaged or old draft is ignored; wrong-typed fields fall back to defaults', () => {
    const store = memoryStorage();
    store.set(draftKey(null), 'garbage');
    expect(loadDraft(store, null)).toBeNull();
    store.set(draftKey(null), { v: 0, form: filled() });
    expect(loadDraft(store, null)).toBeNull();
    store.set(draftKey(null), { v: 1, savedAt: 'x', form: { title: '半个草稿', capacity: 30 } });
    const back = loadDraft(store, null)!;
    expect(back.form.title).toBe('半个草稿');
    expect(back.form.capacity).toBe('20');
  });
  it('cleared once the server has it', () => {
    const store = memoryStorage();
    saveDraft(store, null, filled(), NOW);
    clearDraft(store, null);
    expect(loadDraft(store, null)).toBeNull();
  });
  it('formChanged tells an untouched form from an edited one', () => {
    expect(formChanged(filled(), filled())).toBe(false);
    expect(formChanged(filled(), filled({ capacity: '21' }))).toBe(true);
  });
});
