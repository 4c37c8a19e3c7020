import Taro from '@tarojs/taro';
import { API_PREFIX } from '@jianghuai/shared';
import { loginPage } from '../logic/routes';
import { sessionNotice } from '../logic/session-notice';
import { createHttpClient, type Transport } from './http-client';
import { taroTokenStore } from './token-store';

export { HttpError, NETWORK_ERROR_MESSAGE } from './http-client';
export type { Query, RequestOptions } from './http-client';

const REQUEST_TIMEOUT_MS = 15_000;

const taroTransport: Transport = async ({ url, method, data, header }) => {
  const res = await Taro.request({ url, method, data: data as never, header, timeout: REQUEST_TIMEOUT_MS });
  return { statusCode: res.statusCode, data: res.data };
};

export function showMessage(message: string): void {
  // Longer than the default 1.5 s: older users need time to read.
  void Taro.showToast({ title: message, icon: 'none', duration: 3000 });
}

/** The one http client of the app: pages and hooks never call Taro.request themselves. */
export const http = createHttpClient({
  baseUrl: `${API_BASE}${API_PREFIX}`,
  transport: taroTransport,
  tokens: taroTokenStore,
  notify: showMessage,
  onSessionLost: (error) => {
    sessionNotice.set(error.message);
    void Taro.reLaunch({ url: loginPage({ platform: process.env.TARO_ENV, sandbox: SANDBOX_LOGIN }) });
  },
});

export const get = http.get;
export const post = http.post;
