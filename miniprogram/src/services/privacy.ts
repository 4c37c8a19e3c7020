import Taro from '@tarojs/taro';
import { createStore } from '../logic/store';
import {
  PRIVACY_REFUSED,
  PRIVACY_STORAGE_KEY,
  parsePrivacyRecord,
  privacyRecord,
  privacyStep,
  type PrivacyAnswer,
  type PrivacyPurpose,
} from '../logic/privacy';

/** The popup waiting for an answer (components/PrivacyGate shows it on whatever page is open). */
export interface PrivacyRequest {
  purpose: PrivacyPurpose;
  /** Inside WeChat: the platform's resolve, called with the agree button's id or a refusal. */
  weapp: boolean;
  answer: (answer: PrivacyAnswer) => void;
}

export const privacyRequest = createStore<PrivacyRequest | null>(null);

/** The id of the agree button (WeChat checks that this very button was tapped). */
export const PRIVACY_AGREE_BUTTON_ID = 'jh-privacy-agree';

interface WeappPrivacyApi {
  onNeedPrivacyAuthorization?: (
    listener: (resolve: (o: { event: string; buttonId?: string }) => void, info: { referrer: string }) => void,
  ) => void;
  requirePrivacyAuthorize?: (o: { success: () => void; fail: (e: { errMsg?: string }) => void }) => void;
}

const weappApi = (): WeappPrivacyApi | null =>
  process.env.TARO_ENV === 'weapp' ? (Taro as unknown as WeappPrivacyApi) : null;

/** The purpose of the call WeChat stopped for the popup: set just before, else guessed from the API's name. */
let expected: PrivacyPurpose | null = null;

function purposeOf(referrer: string): PrivacyPurpose {
  if (expected) return expected;
  if (/phone/i.test(referrer)) return 'phone';
  if (/image|media|photo|video/i.test(referrer)) return 'photo';
  return 'location';
}

/**
 * Inside WeChat, once at launch (app.tsx): whenever a privacy API or component needs the person's authorisation,
 * WeChat calls back here; the popup shows and its answer resolves the call (agree with the agree button's id).
 */
export function registerPrivacyAuthorization(): void {
  const api = weappApi();
  if (!api?.onNeedPrivacyAuthorization) return;
  api.onNeedPrivacyAuthorization((resolve, info) => {
    resolve({ event: 'exposureAuthorization' });
    privacyRequest.set({
      purpose: purposeOf(info?.referrer ?? ''),
      weapp: true,
      answer: (answer) => {
        privacyRequest.set(null);
        resolve(answer === 'agree' ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' });
      },
    });
  });
}

function readRecord() {
  try {
    return parsePrivacyRecord(Taro.getStorageSync(PRIVACY_STORAGE_KEY));
  } catch {
    return null;
  }
}

function refused(): { errMsg: string } {
  return { errMsg: `${PRIVACY_REFUSED}: 用户未同意隐私授权` };
}

/** The answer kept on this device (both builds: inside WeChat it only spares asking again on every page). */
function remember(answer: PrivacyAnswer): void {
  try {
    Taro.setStorageSync(PRIVACY_STORAGE_KEY, JSON.stringify(privacyRecord(answer, new Date())));
  } catch {
    // a full storage only means being asked again next time
  }
}

/** The browser build: the app's own popup. */
function askInBrowser(purpose: PrivacyPurpose): Promise<void> {
  return new Promise((resolve, reject) => {
    // one popup at a time: a call made while one is open gets the same answer
    const waiting = privacyRequest.get();
    privacyRequest.set({
      purpose,
      weapp: false,
      answer: (answer) => {
        privacyRequest.set(null);
        remember(answer);
        waiting?.answer(answer);
        if (answer === 'agree') resolve();
        else reject(refused());
      },
    });
  });
}

/** Inside WeChat: WeChat shows our popup through onNeedPrivacyAuthorization when (and only when) it is needed. */
async function askInWeapp(api: WeappPrivacyApi, purpose: PrivacyPurpose): Promise<void> {
  if (!api.requirePrivacyAuthorize) return;
  expected = purpose;
  try {
    await new Promise<void>((resolve, reject) =>
      api.requirePrivacyAuthorize!({
        success: resolve,
        fail: (e) => reject({ errMsg: `${PRIVACY_REFUSED}: ${e?.errMsg ?? ''}` }),
      }),
    );
    remember('agree');
  } catch (caught) {
    remember('disagree');
    throw caught;
  } finally {
    expected = null;
  }
}

/**
 * Call before reading the location, the phone number or photos. Resolves once the person has agreed (at once when
 * they did before); rejects with an error whose errMsg contains PRIVACY_REFUSED when they refuse (see
 * isPrivacyRefusal). `explicit: false` for reads the person did not ask for just now (distances as a list opens):
 * after a refusal they are not asked again and the call fails quietly.
 */
export async function ensurePrivacy(purpose: PrivacyPurpose, { explicit = true } = {}): Promise<void> {
  const step = privacyStep(readRecord(), { explicit });
  if (step === 'refused') throw refused();
  const api = weappApi();
  if (api) return askInWeapp(api, purpose);
  if (step === 'proceed') return;
  await askInBrowser(purpose);
}
