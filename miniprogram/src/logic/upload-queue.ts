import type { UploadedFileResponse } from '@jianghuai/shared';

/**
 * The photos of one form on their way to the server (hooks/useUpload.ts): each shows where it is —
 * waiting, uploading n%, done, or failed with the reason in words and 重试. Pure: the hook dispatches.
 */
export type PhotoUpload =
  | { key: string; filePath: string; status: 'waiting'; attempt: number }
  | { key: string; filePath: string; status: 'uploading'; attempt: number; percent: number }
  | { key: string; filePath: string; status: 'done'; attempt: number; file: UploadedFileResponse }
  | { key: string; filePath: string; status: 'failed'; attempt: number; message: string };

export type UploadAction =
  | { type: 'add'; items: { key: string; filePath: string }[] }
  | { type: 'start'; key: string; attempt: number }
  | { type: 'progress'; key: string; percent: number }
  | { type: 'succeed'; key: string; file: UploadedFileResponse }
  | { type: 'fail'; key: string; message: string }
  | { type: 'retry'; key: string }
  | { type: 'remove'; key: string };

/** Tries per photo before it shows 上传失败 (the person can then tap 重试 for three more). */
export const UPLOAD_TRIES = 3;

/** Wait before try n+1 (after n failed): 1 s, then 2 s. */
export function retryDelayMs(failedAttempts: number): number {
  return 1000 * 2 ** Math.max(0, failedAttempts - 1);
}

/**
 * Worth trying again by itself: no answer (network) or a server failure. A refusal (wrong type, too
 * large, the daily limit, signed out) will not change by sending the same photo again.
 */
export function isRetryable(status: number): boolean {
  return status === 0 || status === 408 || status >= 500;
}

const clampPercent = (n: number) => Math.max(0, Math.min(100, Math.round(Number.isFinite(n) ? n : 0)));

export function uploadQueue(state: PhotoUpload[], action: UploadAction): PhotoUpload[] {
  const update = (key: string, f: (p: PhotoUpload) => PhotoUpload) => state.map((p) => (p.key === key ? f(p) : p));
  switch (action.type) {
    case 'add': {
      const known = new Set(state.map((p) => p.key));
      const fresh = action.items.filter((i) => !known.has(i.key));
      return [...state, ...fresh.map((i) => ({ ...i, status: 'waiting' as const, attempt: 0 }))];
    }
    case 'start':
      return update(action.key, (p) =>
        p.status === 'done'
          ? p
          : { key: p.key, filePath: p.filePath, status: 'uploading', attempt: action.attempt, percent: 0 },
      );
    case 'progress':
      return update(action.key, (p) =>
        p.status === 'uploading' ? { ...p, percent: Math.max(p.percent, clampPercent(action.percent)) } : p,
      );
    case 'succeed':
      return update(action.key, (p) => ({
        key: p.key,
        filePath: p.filePath,
        status: 'done',
        attempt: p.attempt,
        file: action.file,
      }));
    case 'fail':
      return update(action.key, (p) =>
        p.status === 'done'
          ? p
          : { key: p.key, filePath: p.filePath, status: 'failed', attempt: p.attempt, message: action.message },
      );
    case 'retry':
      return update(action.key, (p) =>
        p.status === 'failed' ? { key: p.key, filePath: p.filePath, status: 'waiting', attempt: 0 } : p,
      );
    case 'remove':
      return state.filter((p) => p.key !== action.key);
  }
}

/** The next photo to send: one at a time, in the order picked, none while one is on its way. */
export function nextToUpload(state: PhotoUpload[]): PhotoUpload | null {
  if (state.some((p) => p.status === 'uploading')) return null;
  return state.find((p) => p.status === 'waiting') ?? null;
}

/** The line under a photo, in words. */
export function photoLabel(p: PhotoUpload): string {
  switch (p.status) {
    case 'waiting':
      return '等待上传';
    case 'uploading':
      return p.attempt > 1 ? `第 ${p.attempt} 次上传 ${p.percent}%` : `上传中 ${p.percent}%`;
    case 'done':
      return '已上传';
    case 'failed':
      return `上传失败：${p.message}`;
  }
}

/** Every photo is on the server (a form may be sent), and their ids in the order picked. */
export function uploadedIds(state: PhotoUpload[]): { allDone: boolean; ids: string[] } {
  return {
    allDone: state.every((p) => p.status === 'done'),
    ids: state.flatMap((p) => (p.status === 'done' ? [p.file.id] : [])),
  };
}
