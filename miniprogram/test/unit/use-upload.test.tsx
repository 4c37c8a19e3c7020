import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { UploadedFileResponse } from '@jianghuai/shared';
import { HttpError } from '../../src/services/http';
import { photoLabel } from '../../src/logic/upload-queue';

const uploadPicture = vi.fn<(path: string, purpose: string, onProgress?: (n: number) => void) => Promise<unknown>>();
vi.mock('../../src/services/files', () => ({
  uploadPicture: (...args: Parameters<typeof uploadPicture>) => uploadPicture(...args),
}));
const { useUpload } = await import('../../src/hooks/useUpload');

const file = (id: string): UploadedFileResponse => ({
  id,
  url: `/api/files/${id}`,
  thumbUrl: `/api/files/${id}/thumb`,
  width: 10,
  height: 10,
  bytes: 10,
});
const offline = () => new HttpError(0, { code: 'NETWORK_ERROR', message: '网络不给力，请检查网络后重试' });

afterEach(() => {
  uploadPicture.mockReset();
  vi.useRealTimers();
});

describe('useUpload', () => {
  it('tries a photo three times on network failures, pausing 1 s then 2 s, and shows it done', async () => {
    vi.useFakeTimers();
    uploadPicture.mockRejectedValueOnce(offline()).mockRejectedValueOnce(offline()).mockResolvedValueOnce(file('f1'));
    const hook = renderHook(() => useUpload('personal'));
    act(() => hook.result.current.add(['/tmp/a.jpg']));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(uploadPicture).toHaveBeenCalledTimes(1);
    expect(uploadPicture.mock.calls[0].slice(0, 2)).toEqual(['/tmp/a.jpg', 'personal']);
    await act(() => vi.advanceTimersByTimeAsync(999));
    expect(uploadPicture).toHaveBeenCalledTimes(1);
    await act(() => vi.advanceTimersByTimeAsync(1));
    expect(uploadPicture).toHaveBeenCalledTimes(2);
    expect(photoLabel(hook.result.current.photos[0])).toBe('第 2 次上传 0%');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(uploadPicture).toHaveBeenCalledTimes(3);
    expect(hook.result.current.photos[0].status).toBe('done');
    expect(hook.result.current).toMatchObject({ allDone: true, ids: ['f1'] });
  });

  it('after three failures the photo shows why and 重试 starts it again', async () => {
    vi.useFakeTimers();
    uploadPicture.mockRejectedValue(offline());
    const hook = renderHook(() => useUpload('personal'));
    act(() => hook.result.current.add(['/tmp/a.jpg']));
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(uploadPicture).toHaveBeenCalledTimes(3);
    expect(photoLabel(hook.result.current.photos[0])).toBe('上传失败：网络不给力，请检查网络后重试');
    uploadPicture.mockResolvedValueOnce(file('f2'));
    act(() => hook.result.current.retry(hook.result.current.photos[0].key));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(uploadPicture).toHaveBeenCalledTimes(4);
    expect(hook.result.current.ids).toEqual(['f2']);
  });

  it('a refusal (wrong type) stops at once with the server words; progress shows while it goes', async () => {
    let progress: ((n: number) => void) | undefined;
    let finish: (v: unknown) => void = () => undefined;
    uploadPicture.mockImplementationOnce((_p, _purpose, onProgress) => {
      progress = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    uploadPicture.mockRejectedValueOnce(
      new HttpError(415, { code: 'FILE_TYPE_NOT_ALLOWED', message: '只能上传 JPG、PNG 或 WebP 格式的照片' }),
    );
    const hook = renderHook(() => useUpload('personal'));
    act(() => hook.result.current.add(['/tmp/a.jpg', '/tmp/b.txt']));
    await waitFor(() => expect(progress).toBeDefined());
    act(() => progress!(50));
    expect(hook.result.current.photos.map(photoLabel)).toEqual(['上传中 50%', '等待上传']);
    await act(async () => finish(file('f3')));
    await waitFor(() => expect(hook.result.current.photos[1].status).toBe('failed'));
    expect(uploadPicture).toHaveBeenCalledTimes(2);
    expect(photoLabel(hook.result.current.photos[1])).toBe('上传失败：只能上传 JPG、PNG 或 WebP 格式的照片');
    expect(hook.result.current).toMatchObject({ allDone: false, ids: ['f3'] });
  });
});
