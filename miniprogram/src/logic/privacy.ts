/**
 * Privacy authorisation (隐私保护指引): before the first use of the person's location, phone number or photos, the
 * app shows its own popup saying what is used and why, with 同意 and 拒绝. Inside WeChat the platform decides when
 * to ask (wx.onNeedPrivacyAuthorization / wx.requirePrivacyAuthorize) and remembers the answer itself; the browser
 * build has no such API, so the same popup is shown by the app and the answer is kept on the device (see
 * privacyStep). Pure rules here; the popup is components/PrivacyGate.tsx, the calls go through services/privacy.ts.
 */

/** Raise it when the 隐私政策 changes in substance: everyone is asked again. */
export const PRIVACY_POLICY_VERSION = '2026-11-30';

/** Where the browser build keeps the answer. */
export const PRIVACY_STORAGE_KEY = 'jh.privacyConsent';

export type PrivacyPurpose = 'location' | 'phone' | 'photo';

/** What the popup says for each use: what we read, and what it is for. */
export const PRIVACY_PURPOSES: Record<PrivacyPurpose, { what: string; why: string }> = {
  location: {
    what: '您的位置',
    why: '用于按位置签到、显示活动距离，以及申请时确定离您最近的派出所',
  },
  phone: { what: '您的手机号', why: '用于核实申请人身份，并在需要时联系您' },
  photo: { what: '您选择的照片', why: '用于上传证件照或活动现场照片' },
};

export type PrivacyAnswer = 'agree' | 'disagree';

export interface PrivacyRecord {
  version: string;
  answer: PrivacyAnswer;
  /** ISO instant of the answer. */
  at: string;
}

/**
 * What to do before a privacy call in the browser build:
 * - `proceed`: agreed to this version of the policy;
 * - `ask`: never answered, answered an older version, or refused but now asking on purpose (a tap on 获取位置);
 * - `refused`: refused this version and the call is not one the person asked for just now (e.g. the distances in a
 *   list as it opens): do without, and do not ask again on every page.
 */
export function privacyStep(
  record: PrivacyRecord | null,
  { explicit, version = PRIVACY_POLICY_VERSION }: { explicit: boolean; version?: string },
): 'proceed' | 'ask' | 'refused' {
  if (!record || record.version !== version) return 'ask';
  if (record.answer === 'agree') return 'proceed';
  return explicit ? 'ask' : 'refused';
}

/** A stored value read back: anything malformed counts as never answered. */
export function parsePrivacyRecord(raw: unknown): PrivacyRecord | null {
  let value: unknown = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== 'object') return null;
  const { version, answer, at } = value as Record<string, unknown>;
  if (typeof version !== 'string' || typeof at !== 'string') return null;
  if (answer !== 'agree' && answer !== 'disagree') return null;
  return { version, answer, at };
}

export function privacyRecord(answer: PrivacyAnswer, now: Date, version = PRIVACY_POLICY_VERSION): PrivacyRecord {
  return { version, answer, at: now.toISOString() };
}

/** The error a privacy call fails with when the person said 拒绝 (its errMsg names it for the messages below). */
export const PRIVACY_REFUSED = 'privacy:refused';

export function isPrivacyRefusal(raw: unknown): boolean {
  const text = String((raw as { errMsg?: string; message?: string })?.errMsg ?? (raw as Error)?.message ?? raw ?? '');
  // WeChat: "getLocation:fail privacy permission is not authorized" (errno 104) after 拒绝 in the popup
  return text.includes(PRIVACY_REFUSED) || /privacy permission|privacy.*(deny|disagree|refus)/i.test(text);
}

/** In words, after a 拒绝: why this cannot go on, and the way that needs no location. */
export function privacyRefusalMessage(purpose: PrivacyPurpose, retryLabel = '重新定位'): string {
  if (purpose === 'location')
    return `您没有同意使用位置信息，所以无法获取位置。按位置签到需要位置：可以点“${retryLabel}”后选择同意，或请民警出示签到二维码，用扫码签到。`;
  if (purpose === 'phone') return '您没有同意使用手机号，无法核实手机号。可以再点一次并选择同意。';
  return '您没有同意使用照片，无法上传。可以再点一次并选择同意。';
}

/** The popup's text: one short paragraph, what and why, for the purpose that needs it. */
export function privacyPrompt(purpose: PrivacyPurpose): string {
  const p = PRIVACY_PURPOSES[purpose];
  return `江淮义警需要使用${p.what}，${p.why}。我们只在您使用这项功能时读取，并按《隐私政策》保护。`;
}
