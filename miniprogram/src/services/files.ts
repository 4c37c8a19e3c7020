import Taro from '@tarojs/taro';
import {
  FILE_PURPOSE_FIELD,
  FILE_ROUTES,
  FILE_UPLOAD_FIELD,
  apiPath,
  type UploadedFileResponse,
} from '@jianghuai/shared';
import { HttpError } from './http';
import { toApiError } from './http-client';
import { absolute, authHeader, freshSession, networkError, parseBody } from './transfer';

// ── uploads (docs/files.md): multipart up, bytes down; outside JSON, so not through http.request ─────

const UPLOAD_TIMEOUT_MS = 60_000;

/**
 * Sends one picture (a path from Taro.chooseMedia) for `purpose`; `onProgress` gets 0–100. A 401 is
 * answered by refreshing the session and sending once more; a refusal keeps the server's code and words.
 */
export async function uploadPicture(
  filePath: string,
  purpose: string,
  onProgress?: (percent: number) => void,
): Promise<UploadedFileResponse> {
  const send = async () => {
    try {
      const task = Taro.uploadFile({
        url: absolute(FILE_ROUTES.upload),
        filePath,
        name: FILE_UPLOAD_FIELD,
        formData: { [FILE_PURPOSE_FIELD]: purpose },
        header: authHeader(),
        timeout: UPLOAD_TIMEOUT_MS,
      } as Taro.uploadFile.Option);
      task.onProgressUpdate?.((p) => onProgress?.(p.progress));
      return await task;
    } catch {
      throw networkError();
    }
  };
  let res = await send();
  if (res.statusCode === 401) {
    await freshSession();
    res = await send();
  }
  const body = parseBody(res.data);
  if (res.statusCode >= 200 && res.statusCode < 300) return body as UploadedFileResponse;
  throw new HttpError(res.statusCode, toApiError(res.statusCode, body));
}

/**
 * A local path to show an uploaded picture with <Image>: the bytes need the access token, which an
 * <Image src> cannot send, so they are downloaded first (the thumbnail for lists).
 */
export async function pictureFile(id: string, variant: 'main' | 'thumb' = 'thumb'): Promise<string> {
  await freshSession();
  let res: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    res =
      variant === 'thumb'
        ? await Taro.downloadFile({ url: absolute(apiPath(FILE_ROUTES.thumb, { id })), header: authHeader() })
        : await Taro.downloadFile({ url: absolute(apiPath(FILE_ROUTES.file, { id })), header: authHeader() });
  } catch {
    throw networkError();
  }
  if (res.statusCode !== 200) throw new HttpError(res.statusCode, toApiError(res.statusCode, null));
  return res.tempFilePath;
}
