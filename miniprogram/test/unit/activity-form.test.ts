import { describe, expect, it } from 'vitest';
import type { ActivityResponse } from '@jianghuai/shared';
import {
  clearDraft,
  draftKey,
  emptyForm,
  firstError,
  formChanged,
  formFromActivity,
  requirementsSummary,
  hasMoreRequirements,
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

describe('更多要求（选填）', () => {
  it('ages: whole numbers from 18 to 70, the smallest not above the largest, empty = no limit', () => {
    expect(validateActivityForm(filled({ minAge: '', maxAge: '' }), NOW, true)).toEqual({});
    expect(validateActivityForm(filled({ minAge: '18', maxAge: '70' }), NOW, true)).toEqual({});
    const e = validateActivityForm(filled({ minAge: '17', maxAge: '35.5' }), NOW, true);
    expect(e.minAge).toBe('最小年龄填 18 到 70 之间的整数，不限就空着');
    expect(e.maxAge).toBe('最大年龄填 18 到 70 之间的整数，不限就空着');
    expect(validateActivityForm(filled({ minAge: '50', maxAge: '40' }), NOW, true).maxAge).toBe(
      '最大年龄不能小于最小年龄',
    );
  });
  it('deadlines: both parts or none, never after the start, not already over for a new activity', () => {
    const start = { startDate: '2026-12-01', startTime: '09:00', endDate: '2026-12-01', endTime: '11:00' };
    const ok = filled({ ...start, signupDeadlineDate: '2026-11-30', signupDeadlineTime: '18:00' });
    expect(validateActivityForm(ok, NOW, true)).toEqual({});
    expect(
      validateActivityForm(filled({ ...start, signupDeadlineDate: '2026-12-01', signupDeadlineTime: '' }), NOW, true)
        .signupDeadlineTime,
    ).toBe('请同时选择报名截止的日期和时间');
    expect(
      validateActivityForm(
        filled({ ...start, signupDeadlineDate: '2026-12-01', signupDeadlineTime: '09:30' }),
        NOW,
        true,
      ).signupDeadlineTime,
    ).toBe('报名截止不能晚于开始时间');
    expect(
      validateActivityForm(
        filled({ ...start, cancelDeadlineDate: '2026-12-02', cancelDeadlineTime: '08:00' }),
        NOW,
        true,
      ).cancelDeadlineTime,
    ).toBe('取消报名截止不能晚于开始时间');
    expect(
      validateActivityForm(
        filled({ ...start, signupDeadlineDate: '2026-11-29', signupDeadlineTime: '08:00' }),
        NOW,
        true,
      ).signupDeadlineTime,
    ).toContain('已经过去');
  });
  it('minimum headcount: a whole number not above the places', () => {
    expect(validateActivityForm(filled({ capacity: '20', minHeadcount: '20' }), NOW, true)).toEqual({});
    expect(validateActivityForm(filled({ capacity: '20', minHeadcount: '21' }), NOW, true).minHeadcount).toBe(
      '最少人数不能多于名额（20 人）',
    );
    expect(validateActivityForm(filled({ minHeadcount: '两个' }), NOW, true).minHeadcount).toContain('整数');
  });
  it('sends requirements, the chosen risk level, deadlines, the minimum and the unit', () => {
    const input = toActivityInput(
      filled({
        startDate: '2026-12-01',
        startTime: '09:00',
        endDate: '2026-12-01',
        endTime: '11:00',
        skills: ['急救', '驾驶'],
        tiers: ['core'],
        minAge: '25',
        maxAge: '55',
        riskLevel: 'high',
        signupDeadlineDate: '2026-11-30',
        signupDeadlineTime: '20:00',
        minHeadcount: '5',
        orgUnitId: 4,
      }),
    );
    expect(input).toMatchObject({
      requirements: { skills: ['急救', '驾驶'], tiers: ['core'], minAge: 25, maxAge: 55, requiresInsurance: false },
      riskLevel: 'high',
      signupDeadline: '2026-11-30T12:00:00.000Z',
      minHeadcount: 5,
      orgUnitId: 4,
    });
    expect(input).not.toHaveProperty('cancelDeadline');
    expect(toActivityInput(filled()).requirements).toMatchObject({ minAge: null, maxAge: null });
    expect(toActivityInput(filled({ type: 'disaster_relief', riskLevel: '' })).riskLevel).toBe('high');
    expect(toActivityInput(filled({ type: 'disaster_relief', riskLevel: 'normal' })).riskLevel).toBe('normal');
  });
  it('an update sends the team (null: open to all) but never the unit', () => {
    const update = toUpdateInput(filled({ teamId: 9, orgUnitId: 4 }), 'published');
    expect(update.teamId).toBe(9);
    expect(update).not.toHaveProperty('orgUnitId');
    expect(toUpdateInput(filled(), 'draft').teamId).toBeNull();
  });
  it('the section starts open only when something in it is set', () => {
    expect(hasMoreRequirements(filled())).toBe(false);
    expect(hasMoreRequirements(filled({ skills: ['急救'] }))).toBe(true);
    expect(hasMoreRequirements(filled({ minHeadcount: '3' }))).toBe(true);
    expect(hasMoreRequirements(filled({ cancelDeadlineDate: '2026-12-01' }))).toBe(true);
  });
});

describe('formFromActivity', () => {
  const saved: ActivityResponse = {
    id: 7,
    title: '雨山湖战时集结',
    type: 'emergency_response',
    typeLabel: '应急处突',
    description: '',
    orgUnit: { id: 4, name: '雨山分局' },
    location: { address: '雨山湖公园南门', lat: 31.65, lng: 118.49, radiusM: 300 },
    startAt: '2026-12-01T01:00:00.000Z',
    endAt: '2026-12-01T03:00:00.000Z',
    signupDeadline: '2026-11-30T12:00:00.000Z',
    cancelDeadline: '2026-12-01T01:00:00.000Z',
    capacity: 30,
    confirmedCount: 0,
    placesLeft: 30,
    waitlistCount: 0,
    minHeadcount: 5,
    requirements: { skills: ['急救'], tiers: ['core', 'backbone'], minAge: 25, maxAge: null, requiresInsurance: true },
    riskLevel: 'normal',
    pointsRule: 'per_hour',
    pointsAmount: 10,
    pointsFactorPct: 200,
    effectivePoints: 20,
    mode: 'wartime',
    signupMode: 'instant',
    status: 'published',
    proposal: null,
    cancelReason: null,
    teamId: 3,
    distanceM: null,
    mySignup: null,
    createdAt: '2026-11-29T01:00:00.000Z',
  };
  it('fills every field from the server, a deadline at the start as not set', () => {
    const f = formFromActivity(saved);
    expect(f).toMatchObject({
      skills: ['急救'],
      tiers: ['core', 'backbone'],
      minAge: '25',
      maxAge: '',
      requiresInsurance: true,
      riskLevel: 'normal', // chosen below the type's default (应急处突 is high)
      signupDeadlineDate: '2026-11-30',
      signupDeadlineTime: '20:00',
      cancelDeadlineDate: '',
      cancelDeadlineTime: '',
      minHeadcount: '5',
      teamId: 3,
      orgUnitId: 4,
    });
    expect(validateActivityForm(f, NOW, false)).toEqual({});
  });
  it('round trip: the update sends back what the server holds', () => {
    const update = toUpdateInput(formFromActivity(saved), 'published');
    expect(update).toMatchObject({
      requirements: saved.requirements,
      riskLevel: 'normal',
      signupDeadline: saved.signupDeadline,
      minHeadcount: 5,
      teamId: 3,
      startAt: saved.startAt,
      endAt: saved.endAt,
    });
    expect(update).not.toHaveProperty('cancelDeadline'); // at the start: the server's default
  });
  it('a restored draft keeps the lists and the team', () => {
    const store = memoryStorage();
    saveDraft(store, 7, formFromActivity(saved), NOW);
    const back = loadDraft(store, 7)!.form;
    expect(back.skills).toEqual(['急救']);
    expect(back.teamId).toBe(3);
    expect(formChanged(back, formFromActivity(saved))).toBe(false);
    expect(formChanged(back, { ...back, skills: ['急救', '消防'] })).toBe(true);
  });
});

describe('requirementsSummary', () => {
  const base = {
    requirements: { skills: [], tiers: [], minAge: null, maxAge: null, requiresInsurance: false },
    riskLevel: 'normal' as const,
    minHeadcount: 0,
    startAt: '2026-12-01T01:00:00.000Z',
    cancelDeadline: '2026-12-01T01:00:00.000Z',
  };
  it('says nothing when nothing is asked, and every requirement in words otherwise', () => {
    expect(requirementsSummary(base, (s) => s)).toBeNull();
    expect(
      requirementsSummary(
        {
          ...base,
          requirements: { skills: ['急救'], tiers: ['core'], minAge: 20, maxAge: 60, requiresInsurance: true },
          minHeadcount: 2,
          cancelDeadline: '2026-11-30T12:00:00.000Z',
        },
        () => '11月30日 20:00',
      ),
    ).toBe('技能 急救；层级 核心成员；年龄 20–60 岁；需有效保险；最少 2 人；取消报名截止 11月30日 20:00');
    expect(requirementsSummary({ ...base, riskLevel: 'high' }, (s) => s)).toBe('需有效保险；高风险');
  });
});
