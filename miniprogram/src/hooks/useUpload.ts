import { useCallback, useEffect, useReducer, useRef } from 'react';
import {
  UPLOAD_TRIES,
  isRetryable,
  nextToUpload,
  retryDelayMs,
  uploadQueue,
  uploadedIds,
  type PhotoUpload,
} from '../logic/upload-queue';
import { uploadPicture } from '../services/files';
import { HttpError, NETWORK_ERROR_MESSAGE } from '../services/http';

let nextKey = 0;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Uploads the photos a person picked for `purpose`, one at a time, each tried up to three times with a
 * growing pause when the network or the server failed, with its progress; a refusal (wrong type, too
 * large, the daily limit) stops at once with the server's words. `retry(key)` is the 重试 button.
 */
export function useUpload(purpose: string) {
  const [photos, dispatch] = useReducer(uploadQueue, [] as PhotoUpload[]);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const send = useCallback(
    async (photo: PhotoUpload) => {
      for (let attempt = 1; attempt <= UPLOAD_TRIES && mounted.current; attempt++) {
        dispatch({ type: 'start', key: photo.key, attempt });
        try {
          const file = await uploadPicture(photo.filePath, purpose, (percent) =>
            dispatch({ type: 'progress', key: photo.key, percent }),
          );
          dispatch({ type: 'succeed', key: photo.key, file });
          return;
        } catch (caught) {
          const error = caught instanceof HttpError ? caught : null;
          if (!error || !isRetryable(error.status) || attempt === UPLOAD_TRIES) {
            dispatch({ type: 'fail', key: photo.key, message: error?.message ?? NETWORK_ERROR_MESSAGE });
            return;
          }
          await sleep(retryDelayMs(attempt));
        }
      }
    },
    [purpose],
  );

  const next = nextToUpload(photos);
  useEffect(() => {
    if (next) void send(next);
  }, [next, send]);

  return {
    photos,
    ...uploadedIds(photos),
    add: (filePaths: string[]) =>
      dispatch({ type: 'add', items: filePaths.map((filePath) => ({ key: `p${++nextKey}`, filePath })) }),
    retry: (key: string) => dispatch({ type: 'retry', key }),
    remove: (key: string) => dispatch({ type: 'remove', key }),
  };
}
