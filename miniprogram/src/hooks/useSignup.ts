import { useState } from 'react';
import type { MySignupResponse } from '@jianghuai/shared';
import { SIGNUP_TEMPLATES } from '../logic/subscribe';
import { askConsent } from '../services/subscriptions';
import { cancelSignUp, signUp } from '../services/activities';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';

export const messageOf = (caught: unknown) => (caught instanceof HttpError ? caught.message : NETWORK_ERROR_MESSAGE);

/** Sign up / cancel for one activity at a time; the error stays on screen in words. */
export function useSignup(onDone: (activityId: number, signup: MySignupResponse) => void) {
  const [busyId, setBusyId] = useState<number | null>(null);
  const [error, setError] = useState<{ activityId: number; message: string } | null>(null);

  async function run(activityId: number, action: 'signup' | 'cancel') {
    if (busyId !== null) return;
    // the sign-up's result, reminder and changes; asked straight from the tap (see askConsent)
    if (action === 'signup') await askConsent(SIGNUP_TEMPLATES);
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
