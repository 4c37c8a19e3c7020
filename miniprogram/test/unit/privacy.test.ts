import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Taro from '@tarojs/taro';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  PRIVACY_POLICY_VERSION,
  PRIVACY_STORAGE_KEY,
  isPrivacyRefusal,
  parsePrivacyRecord,
  privacyPrompt,
  privacyRecord,
  privacyRefusalMessage,
  privacyStep,
} from '../../src/logic/privacy';
import { PRIVACY_CONTACT, PRIVACY_POLICY } from '../../src/logic/privacy-policy';
import { ensurePrivacy, privacyRequest } from '../../src/services/privacy';
import { locationErrorMessage, readPosition } from '../../src/hooks/useLocation';

const NOW = new Date('2026-11-30T23:30:00Z');

describe('privacy authorisation: when to ask', () => {
  const agreed = privacyRecord('agree', NOW);
  const refused = privacyRecord('disagree', NOW);

  it('asks before the first use and for a new version of the policy; an agreement stands', () => {
    expect(privacyStep(null, { explicit: false })).toBe('ask');
    expect(privacyStep(null, { explicit: true })).toBe('ask');
    expect(privacyStep(agreed, { explicit: false })).toBe('proceed');
    expect(privacyStep({ ...agreed, version: '2020-01-01' }, { explicit: false })).toBe('ask');
  });

  it('after a refusal: asks again only when the person taps for it, never on a read they did not ask for', () => {
    expect(privacyStep(refused, { explicit: true })).toBe('ask');
    expect(privacyStep(refused, { explicit: false })).toBe('refused');
    expect(privacyStep({ ...refused, version: 'older' }, { explicit: false })).toBe('ask');
  });

  it('reads back what it stored; anything malformed counts as never answered', () => {
    expect(parsePrivacyRecord(JSON.stringify(agreed))).toEqual(agreed);
    expect(parsePrivacyRecord(agreed)).toEqual(agreed);
    expect(agreed).toEqual({ version: PRIVACY_POLICY_VERSION, answer: 'agree', at: '2026-11-30T23:30:00.000Z' });
    for (const bad of ['', 'not json', null, 42, { version: 'x', answer: 'maybe', at: 'y' }, { answer: 'agree' }])
      expect(parsePrivacyRecord(bad)).toBeNull();
  });

  it("knows a refusal: the app's own and WeChat's after 拒绝 in the popup", () => {
    expect(isPrivacyRefusal({ errMsg: 'privacy:refused: 用户未同意隐私授权' })).toBe(true);
    expect(isPrivacyRefusal({ errMsg: 'getLocation:fail privacy permission is not authorized' })).toBe(true);
    expect(isPrivacyRefusal({ errMsg: 'getLocation:fail auth deny' })).toBe(false);
    expect(isPrivacyRefusal(new Error('timeout'))).toBe(false);
  });

  it('says plainly why location cannot go on and offers the QR way; the popup says what and why', () => {
    const message = locationErrorMessage({ errMsg: 'privacy:refused' }, '定位签到');
    expect(message).toBe(privacyRefusalMessage('location', '定位签到'));
    expect(message).toContain('没有同意使用位置信息');
    expect(message).toContain('扫码签到');
    expect(message).toContain('“定位签到”');
    // a permission the phone refused is still told as before
    expect(locationErrorMessage({ errMsg: 'getLocation:fail auth deny' })).toContain('没有位置权限');
    expect(privacyPrompt('location')).toMatch(/位置.*签到.*《隐私政策》/);
    expect(privacyPrompt('phone')).toContain('手机号');
    expect(privacyPrompt('photo')).toContain('照片');
  });
});

describe('privacy authorisation in the browser build', () => {
  beforeEach(() => {
    localStorage.clear();
    privacyRequest.set(null);
  });
  afterEach(() => vi.restoreAllMocks());
  const stored = () => parsePrivacyRecord(Taro.getStorageSync(PRIVACY_STORAGE_KEY));

  it('the first call waits for the popup; 同意 lets it go on, is remembered, and is not asked again', async () => {
    const call = ensurePrivacy('location');
    expect(privacyRequest.get()?.purpose).toBe('location');
    privacyRequest.get()!.answer('agree');
    await expect(call).resolves.toBeUndefined();
    expect(privacyRequest.get()).toBeNull();
    expect(stored()?.answer).toBe('agree');
    await expect(ensurePrivacy('location', { explicit: false })).resolves.toBeUndefined();
    expect(privacyRequest.get()).toBeNull();
  });

  it('拒绝 fails the call; a read nobody tapped for then fails quietly, a tap asks again', async () => {
    const call = ensurePrivacy('location');
    privacyRequest.get()!.answer('disagree');
    await expect(call).rejects.toMatchObject({ errMsg: expect.stringContaining('privacy:refused') });
    expect(stored()?.answer).toBe('disagree');
    await expect(ensurePrivacy('location', { explicit: false })).rejects.toMatchObject({
      errMsg: expect.stringContaining('privacy:refused'),
    });
    expect(privacyRequest.get()).toBeNull();
    const again = ensurePrivacy('location', { explicit: true });
    expect(privacyRequest.get()?.purpose).toBe('location');
    privacyRequest.get()!.answer('agree');
    await expect(again).resolves.toBeUndefined();
  });

  it('two calls while the popup is open get the one answer', async () => {
    const first = ensurePrivacy('location');
    const second = ensurePrivacy('phone');
    privacyRequest.get()!.answer('agree');
    await expect(Promise.all([first, second])).resolves.toEqual([undefined, undefined]);
  });

  it('the location is never read before the answer, nor after a refusal', async () => {
    const getLocation = vi
      .spyOn(Taro, 'getLocation')
      .mockResolvedValue({ latitude: 31.66, longitude: 118.5, accuracy: 12 } as never);
    const reading = readPosition();
    expect(getLocation).not.toHaveBeenCalled();
    privacyRequest.get()!.answer('disagree');
    await expect(reading).rejects.toBeTruthy();
    expect(getLocation).not.toHaveBeenCalled();
    const tapped = readPosition();
    privacyRequest.get()!.answer('agree');
    const position = await tapped;
    expect(getLocation).toHaveBeenCalledTimes(1);
    expect(position.accuracy).toBe(12);
  });
});

describe('隐私政策', () => {
  const text = PRIVACY_POLICY.map((s) => [s.title, ...s.items].join('\n')).join('\n');

  it('says what is collected, why, for how long, who sees it, how it is protected, the rights and whom to ask', () => {
    expect(PRIVACY_POLICY.map((s) => s.key)).toEqual([
      'collect',
      'why',
      'retention',
      'who',
      'protect',
      'rights',
      'contact',
    ]);
    for (const word of ['姓名', '身份证号', '手机号', '照片', '位置', 'openid', '活动记录'])
      expect(text).toContain(word);
    for (const word of ['1 年', '3 年', '加密', '138****5678', '查阅', '更正', '删除', '撤回同意', '派出所'])
      expect(text).toContain(word);
    expect(text).toContain(PRIVACY_CONTACT.unit);
  });

  it('the browser journeys pre-agree to the version in force', () => {
    const run = readFileSync(join(process.cwd(), 'test/browser/run.mjs'), 'utf8');
    expect(run).toContain(`version: '${PRIVACY_POLICY_VERSION}'`);
    expect(run).toContain(`key: '${PRIVACY_STORAGE_KEY}'`);
  });
});
