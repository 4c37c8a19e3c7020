import Taro from '@tarojs/taro';
import { API_PREFIX, ROUTES, type MeResponse } from '@jianghuai/shared';
import { openSpreadsheet } from '../platform/files';
import { get, HttpError, NETWORK_ERROR_MESSAGE } from './http';
import { toApiError } from './http-client';
import { taroTokenStore } from './token-store';

/**
 * Transfers outside the JSON client (multipart uploads, picture and .xlsx downloads): they go through Taro.uploadFile
 * and Taro.downloadFile with the token in a header, so they share these few pieces instead of http.request.
 */

/** The host and prefix before a table path, and the query after it (empty values left out). */
export function absolute(path: string, query?: object): string {
  const params = Object.entries(query ?? {})
    .filter(([, v]) => v !== undefined && v !== null && v !== '')
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `${API_BASE}${API_PREFIX}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

/** The access token as a header, for a transfer the http client does not make. */
export function authHeader(): Record<string, string> {
  const tokens = taroTokenStore.get();
  return tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {};
}

/** A cheap authenticated call through the one http client: refreshes an expired access token first. */
export async function freshSession(): Promise<void> {
  await get<MeResponse>(ROUTES.me, undefined, { toast: false });
}

/** An upload's answer: JSON when it is JSON, else the text as it came. */
export function parseBody(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

export function networkError(): HttpError {
  return new HttpError(0, { code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
}

/**
 * An .xlsx of the API (bytes, not JSON): the download is started by the caller (with its table path, so the route
 * contract sees it) after `freshSession`; WeChat opens the file (share or save from there), the browser saves it.
 */
export async function openXlsx(
  download: () => Promise<Taro.downloadFile.FileSuccessCallbackResult>,
  fileName: string,
): Promise<void> {
  await freshSession();
  let res: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    res = await download();
  } catch {
    throw networkError();
  }
  if (res.statusCode !== 200) throw new HttpError(res.statusCode, toApiError(res.statusCode, null));
  await openSpreadsheet(res.tempFilePath, fileName);
}
