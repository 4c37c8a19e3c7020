import { describe, expect, it } from 'vitest';
import type { UploadedFileResponse } from '@jianghuai/shared';
import {
  isRetryable,
  nextToUpload,
  photoLabel,
  retryDelayMs,
  uploadQueue,
  uploadedIds,
  type PhotoUpload,
  type UploadAction,
} from '../../src/logic/upload-queue';

const file = (id: string): UploadedFileResponse => ({
  id,
  url: `/api/files/${id}`,
  thumbUrl: `/api/files/${id}/thumb`,
  width: 800,
  height: 600,
  bytes: 1000,
});
const run = (actions: UploadAction[], start: PhotoUpload[] = []) => actions.reduce(uploadQueue, start);
const added: UploadAction = {
  type: 'add',
  items: [
    { key: 'a', filePath: '/tmp/a.jpg' },
    { key: 'b', filePath: '/tmp/b.jpg' },
  ],
};

describe('upload queue', () => {
  it('picked photos wait, then go one at a time in the order picked', () => {
    const s = run([added]);
    expect(s.map(photoLabel)).toEqual(['等待上传', '等待上传']);
    expect(nextToUpload(s)?.key).toBe('a');
    const sending = run([{ type: 'start', key: 'a', attempt: 1 }], s);
    expect(nextToUpload(sending)).toBeNull();
    expect(run([{ type: 'add', items: [{ key: 'a', filePath: '/tmp/x.jpg' }] }], s)).toHaveLength(2);
  });

  it('shows progress as a whole percentage that never goes back, and which try it is', () => {
    const s = run([added, { type: 'start', key: 'a', attempt: 1 }, { type: 'progress', key: 'a', percent: 42.6 }]);
    expect(photoLabel(s[0])).toBe('上传中 43%');
    expect(photoLabel(run([{ type: 'progress', key: 'a', percent: 10 }], s)[0])).toBe('上传中 43%');
    expect(photoLabel(run([{ type: 'progress', key: 'a', percent: 180 }], s)[0])).toBe('上传中 100%');
    const second = run([{ type: 'start', key: 'a', attempt: 2 }], s);
    expect(photoLabel(second[0])).toBe('第 2 次上传 0%');
  });

  it('done photos give their ids; the form may be sent only when every photo is done', () => {
    const s = run([added, { type: 'start', key: 'a', attempt: 1 }, { type: 'succeed', key: 'a', file: file('f1') }]);
    expect(photoLabel(s[0])).toBe('已上传');
    expect(uploadedIds(s)).toEqual({ allDone: false, ids: ['f1'] });
    const all = run(
      [
        { type: 'start', key: 'b', attempt: 1 },
        { type: 'succeed', key: 'b', file: file('f2') },
      ],
      s,
    );
    expect(uploadedIds(all)).toEqual({ allDone: true, ids: ['f1', 'f2'] });
    // a late failure report does not undo a done photo
    expect(run([{ type: 'fail', key: 'a', message: 'x' }], all)[0].status).toBe('done');
  });

  it('a failed photo says why; 重试 puts it back in line from the first try; it can be removed', () => {
    const s = run([added, { type: 'start', key: 'a', attempt: 3 }, { type: 'fail', key: 'a', message: '网络不给力' }]);
    expect(photoLabel(s[0])).toBe('上传失败：网络不给力');
    expect(nextToUpload(s)?.key).toBe('b');
    const again = run([{ type: 'retry', key: 'a' }], s);
    expect(again[0]).toMatchObject({ status: 'waiting', attempt: 0 });
    expect(nextToUpload(again)?.key).toBe('a');
    expect(run([{ type: 'remove', key: 'a' }], s).map((p) => p.key)).toEqual(['b']);
  });

  it('tries again by itself only when the network or the server failed, after 1 s then 2 s', () => {
    expect([0, 408, 500, 502, 503].every(isRetryable)).toBe(true);
    expect([400, 401, 404, 413, 415, 422, 429].some(isRetryable)).toBe(false);
    expect([1, 2].map(retryDelayMs)).toEqual([1000, 2000]);
  });
});
