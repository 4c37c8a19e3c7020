import { describe, expect, it } from 'vitest';
import type { ActivityResponse, AdminLedgerEntryResponse } from '@jianghuai/shared';
import {
  emptyProposalForm,
  proposalPlaceView,
  proposalStatusText,
  toProposalInput,
  validateProposalForm,
} from '../../src/logic/proposal-form';
import {
  canReverse,
  formatDate,
  issuedQuery,
  ledgerEntryState,
  reversalConfirmText,
  validateReversalReason,
} from '../../src/logic/points-admin';
import {
  emptyPolicyForm,
  enrolSummary,
  policyCovers,
  policyPeriod,
  toPolicyRequest,
  validatePolicyForm,
} from '../../src/logic/insurance-form';

// 2026-11-29 10:00 in Shanghai
const NOW = new Date('2026-11-29T02:00:00Z');

describe('proposal form', () => {
  const filled = () => ({
    ...emptyProposalForm(NOW),
    title: '小区夜间巡逻',
    address: '平湖小区北门',
    lat: '31.6705',
    lng: '118.5065',
  });

  it('accepts a filled form and keeps the staff defaults for what the proposer does not see', () => {
    expect(validateProposalForm(filled(), NOW)).toEqual({});
    const input = toProposalInput(filled());
    expect(input).toMatchObject({
      title: '小区夜间巡逻',
      type: 'street_patrol',
      pointsRule: 'per_activity',
      pointsAmount: 10,
      mode: 'daily',
      signupMode: 'instant',
      capacity: 20,
    });
    expect(input.location).toEqual({ address: '平湖小区北门', lat: 31.6705, lng: 118.5065, radiusM: 300 });
    // tomorrow 09:00–11:00 Shanghai
    expect(input.startAt).toBe('2026-11-30T01:00:00.000Z');
    expect(input.endAt).toBe('2026-11-30T03:00:00.000Z');
  });

  it('asks for the position once, in plain words, and refuses a past start', () => {
    const e = validateProposalForm({ ...filled(), lat: '', lng: '', startDate: '2026-11-28' }, NOW);
    expect(e.lng).toBeUndefined();
    expect(e.lat).toContain('还没有定位');
    expect(e.lat).toContain('用我现在的位置');
    expect(e.startTime).toContain('已经过去');
    const typed = validateProposalForm({ ...filled(), lat: '', lng: 'x' }, NOW);
    expect(typed.lng).toBeUndefined();
    expect(typed.lat).toContain('坐标不对');
    expect(validateProposalForm({ ...filled(), title: '巡', capacity: '0' }, NOW)).toMatchObject({
      title: expect.any(String),
      capacity: expect.any(String),
    });
  });

  it('shows 已定位 ✓ instead of the numbers and opens the coordinates only on request or when typed wrong', () => {
    expect(proposalPlaceView(filled(), {}, false)).toEqual({
      located: true,
      positionText: '已定位 ✓',
      showCoordinates: false,
      positionError: undefined,
    });
    expect(proposalPlaceView(filled(), {}, true).showCoordinates).toBe(true);
    const none = { ...filled(), lat: '', lng: '' };
    const missing = proposalPlaceView(none, validateProposalForm(none, NOW), false);
    expect(missing).toMatchObject({ located: false, positionText: '还没有定位', showCoordinates: false });
    expect(missing.positionError).toContain('还没有定位');
    const wrong = { ...filled(), lat: '91', lng: '118.5' };
    const typed = proposalPlaceView(wrong, validateProposalForm(wrong, NOW), false);
    expect(typed).toMatchObject({ located: false, showCoordinates: true, positionError: undefined });
  });

  it('only reports fields the proposer can see', () => {
    const e = validateProposalForm({ ...filled(), pointsAmount: 'abc', radiusM: '1' }, NOW);
    expect(e).toEqual({});
  });

  it('says where a proposal stands', () => {
    const a = (proposal: ActivityResponse['proposal'], status: ActivityResponse['status'] = 'draft') => ({
      proposal,
      status,
    });
    expect(proposalStatusText(a({ status: 'pending', proposedBy: '张伟', rejectReason: null }))).toEqual({
      label: '待派出所审核',
      tone: 'wait',
    });
    expect(
      proposalStatusText(a({ status: 'approved', proposedBy: '张伟', rejectReason: null }, 'published')).label,
    ).toBe('已通过并发布');
    expect(proposalStatusText(a({ status: 'rejected', proposedBy: '张伟', rejectReason: '时间冲突' }))).toEqual({
      label: '未通过：时间冲突',
      tone: 'off',
    });
  });
});

describe('points issued and reversal', () => {
  const entry = (over: Partial<AdminLedgerEntryResponse> = {}): AdminLedgerEntryResponse => ({
    id: 5,
    type: 'activity',
    typeLabel: '参加活动',
    amount: 12,
    balanceAfter: 12,
    sourceType: 'activity_signup',
    sourceId: '9',
    description: '巡逻',
    awardingOrg: { id: 3, name: '平湖派出所' },
    reversalOfId: null,
    reversedById: null,
    reason: null,
    createdAt: '2026-11-29T02:00:00Z',
    volunteer: { id: 1, userId: 2, name: '张伟', memberNo: 'JH0001' },
    ...over,
  });

  it('formats dates in Shanghai, whatever the zone', () => {
    expect(formatDate('2026-11-30T17:00:00Z')).toBe('2026-12-01');
    expect(formatDate('2026-11-30T15:59:59Z')).toBe('2026-11-30');
    expect(formatDate('nonsense')).toBe('nonsense');
  });

  it('builds the issued query for all time and for this month (Shanghai)', () => {
    expect(issuedQuery('all', NOW)).toEqual({});
    expect(issuedQuery('month', NOW)).toEqual({ from: '2026-11-01', to: '2026-11-29' });
    // 2026-11-30 20:00 UTC is already 1 December in Shanghai
    expect(issuedQuery('month', new Date('2026-11-30T20:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
  });

  it('offers reversal only for credits not reversed yet', () => {
    expect(canReverse(entry())).toBe(true);
    expect(canReverse(entry({ reversedById: 8 }))).toBe(false);
    expect(canReverse(entry({ type: 'reversal', amount: -12, reversalOfId: 4 }))).toBe(false);
    expect(canReverse(entry({ type: 'redemption', amount: -30 }))).toBe(false);
    expect(canReverse(entry({ amount: 0 }))).toBe(false);
  });

  it('requires a reason of 2 to 200 characters', () => {
    expect(validateReversalReason('')).toContain('至少 2 个字');
    expect(validateReversalReason('  错 ')).toContain('至少 2 个字');
    expect(validateReversalReason('未到岗')).toBeNull();
    expect(validateReversalReason('x'.repeat(200))).toBeNull();
    expect(validateReversalReason('x'.repeat(201))).toContain('200');
  });

  it('says what the reversal does before it is sent, and marks reversed rows', () => {
    expect(reversalConfirmText(entry())).toBe('将从 张伟 的积分中扣回 12 分，并记入操作日志，不能撤销。确定冲正吗？');
    expect(ledgerEntryState(entry())).toBeNull();
    expect(ledgerEntryState(entry({ reversedById: 8 }))).toBe('已冲正');
    expect(ledgerEntryState(entry({ reversalOfId: 5 }))).toBe('冲正第 5 号记录');
  });
});

describe('insurance policy form', () => {
  const filled = {
    insurer: '中国人寿马鞍山分公司',
    policyNo: 'PICC-2026-0001',
    validFrom: '2026-12-01',
    validTo: '2027-11-30',
  };

  it('starts with one year of cover from today', () => {
    expect(emptyPolicyForm(NOW)).toEqual({ insurer: '', policyNo: '', validFrom: '2026-11-29', validTo: '2027-11-28' });
  });

  it('checks names, numbers and the period', () => {
    expect(validatePolicyForm(filled)).toEqual({});
    const e = validatePolicyForm({ insurer: '人', policyNo: 'P1', validFrom: '2026-13-01', validTo: '2027-02-30' });
    expect(Object.keys(e).sort()).toEqual(['insurer', 'policyNo', 'validFrom', 'validTo']);
    expect(validatePolicyForm({ ...filled, validTo: '2026-11-30' }).validTo).toBe(
      '截止日期不能早于起始日期，请重新选择',
    );
    expect(validatePolicyForm({ ...filled, validTo: '2026-12-01' })).toEqual({});
  });

  it('covers from the first day 00:00 to the last day 23:59:59.999 Shanghai, sent in +08:00', () => {
    const sent = toPolicyRequest({ ...filled, insurer: ' 人保 ' });
    expect(sent).toEqual({
      insurer: '人保',
      policyNo: 'PICC-2026-0001',
      validFrom: '2026-12-01T00:00:00.000+08:00',
      validTo: '2027-11-30T23:59:59.999+08:00',
    });
    expect(new Date(sent.validFrom).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(new Date(sent.validTo).toISOString()).toBe('2027-11-30T15:59:59.999Z');
    // one day: its start to its end
    const oneDay = toPolicyRequest({ ...filled, validTo: '2026-12-01' });
    expect(Date.parse(oneDay.validTo) - Date.parse(oneDay.validFrom)).toBe(86_400_000 - 1);
  });

  it('shows the period in Shanghai dates and knows whether it covers an activity', () => {
    const p = { validFrom: '2026-11-30T16:00:00.000Z', validTo: '2027-11-30T15:59:59.000Z' };
    expect(policyPeriod(p)).toBe('2026-12-01 至 2027-11-30');
    expect(policyCovers(p, { startAt: '2026-12-01T01:00:00Z', endAt: '2026-12-01T03:00:00Z' })).toBe(true);
    expect(policyCovers(p, { startAt: '2026-11-30T15:00:00Z', endAt: '2026-11-30T17:00:00Z' })).toBe(false);
    expect(policyCovers(p, { startAt: '2027-11-30T15:00:00Z', endAt: '2027-11-30T17:00:00Z' })).toBe(false);
  });

  it('sums up a bulk enrolment', () => {
    expect(enrolSummary({ enrolled: 3, alreadyInsured: 1, insuredCount: 9 })).toBe(
      '新投保 3 人，1 人此前已在本保单中。保单现共 9 人。',
    );
    expect(enrolSummary({ enrolled: 0, alreadyInsured: 0, insuredCount: 2 })).toContain('还没有报名成功的义警');
  });
});
