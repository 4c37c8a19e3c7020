import { useState } from 'react';
import { loginAsStaff } from '../services/auth';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';
import { signedIn } from './useSession';

export function validateStaffLogin(username: string, password: string): string | null {
  if (!username.trim()) return '请输入用户名';
  if (!password) return '请输入密码';
  return null;
}

export function useStaffLogin() {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(username: string, password: string) {
    const invalid = validateStaffLogin(username, password);
    if (invalid) {
      setError(invalid);
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      signedIn(await loginAsStaff(username.trim(), password));
    } catch (caught) {
      setError(caught instanceof HttpError ? caught.message : NETWORK_ERROR_MESSAGE);
      setSubmitting(false);
    }
  }

  return { submitting, error, submit };
}
