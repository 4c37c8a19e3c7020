import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { MySignupResponse } from '@jianghuai/shared';
import { acceptedTemplates, SIGNUP_TEMPLATES } from '../logic/subscribe';
import { templateIds } from '../services/client-config';
import { cancelSignUp, recordSubscriptions, signUp } from '../services/activities';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * Inside WeChat, asks for the sign-up's subscribe messages (result, reminder, changes). It must run
 * straight from the tap, before any network wait, or WeChat refuses to show the dialog.
 */
async function askConsent(): Promise<void> {
  if (!isWeapp) return;
  try {
    const ids = templateIds.idsOf(SIGNUP_TEMPLATES);
    const answer = await Taro.requestSubscribeMessage({ tmplIds: Object.values(ids), entityIds: [] } as never);
    void recordSubscriptions(acceptedTemplates(answer as unknown as Record<string, unknown>, ids));
  } catch {
    // Declined or unsupported: the in-app message list still gets everything.
  }
}

export const messageOf = (caught: unknown) => (caught instanceof HttpError ? caught.message : NETWORK_ERROR_MESSAGE);

/** Sign up / cancel for one activity at a time; the error stays on screen in words. */
export function useSignup(onDone: (activityId: number, signup: MySignupResponse) => void) {
  const [busyId, setBusyId] = useState<number | null>(null);
  const [error, setError] = useState<{ activityId: number; message: string } | null>(null);

  async function run(activityId: number, action: 'signup' | 'cancel') {
    if (busyId !== null) return;
    if (action === 'signup') await askConsent();
    setBusyId(activityId);
    setError(null);
    try {
      const result = action === 'signup' ? await signUp(activityId) : await cancelSignUp(activityId);
      onDone(activityId, result);
    } catch (caught) {
      setError({ activityId, message: messageOf(caught) });
    } finally {
      setBusyId(null);
    }
  }

  return { busyId, error, signUp: (id: number) => run(id, 'signup'), cancel: (id: number) => run(id, 'cancel') };
}
