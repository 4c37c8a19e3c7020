import { ROUTES, type DemoAccount, type LoginResponse, type MeResponse } from '@jianghuai/shared';
import { get, post } from './http';
import { taroTokenStore } from './token-store';
import { clearApplicationStorage } from './applications';

function keep(response: LoginResponse): MeResponse {
  taroTokenStore.set(response);
  return response.user;
}

export function hasSession(): boolean {
  return taroTokenStore.get() !== null;
}

/** Logs in with the code from `Taro.login()`. Errors are shown by the caller, inline. */
export async function loginWithWechatCode(code: string): Promise<MeResponse> {
  return keep(await post<LoginResponse>(ROUTES.wechatLogin, { code }, { auth: false, toast: false }));
}

export async function loginAsStaff(username: string, password: string): Promise<MeResponse> {
  return keep(await post<LoginResponse>(ROUTES.staffLogin, { username, password }, { auth: false, toast: false }));
}

/** Binds the signed-in WeChat identity to the provisioned staff account with that phone. */
export async function bindStaffByPhone(phoneCode: string): Promise<MeResponse> {
  return keep(await post<LoginResponse>(ROUTES.wechatBindStaff, { phoneCode }, { toast: false }));
}

export function fetchMe(): Promise<MeResponse> {
  return get<MeResponse>(ROUTES.me, undefined, { toast: false });
}

/**
 * Ends the session on the server too; the local sign-out happens whatever the network says, and
 * no name or ID number of an application stays on the phone for the next person.
 */
export async function logout(): Promise<void> {
  const tokens = taroTokenStore.get();
  try {
    if (tokens) await post<void>(ROUTES.logout, { refreshToken: tokens.refreshToken }, { toast: false });
  } catch {
    // Offline or already expired: the refresh token dies with its expiry anyway.
  } finally {
    taroTokenStore.clear();
    clearApplicationStorage();
  }
}

/** Demo identities of the WeChat sandbox (404 when the server runs without it). */
export function fetchDemoAccounts(): Promise<DemoAccount[]> {
  return get<DemoAccount[]>(ROUTES.sandboxDemoAccounts, undefined, { auth: false, toast: false });
}
