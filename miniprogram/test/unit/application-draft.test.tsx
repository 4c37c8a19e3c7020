import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ApplicationDraft, MyApplicationResponse } from '@jianghuai/shared';
import { staffTilesFor, APPLY_TILE } from '../../src/logic/home';
import { PAGES } from '../../src/logic/routes';

// The services as the hook sees them: the phone's storage in memory, the server as spies.
const storage = new Map<string, unknown>();
const server = vi.hoisted(() => ({
  mine: vi.fn(),
  draft: vi.fn(),
  save: vi.fn(),
  submit: vi.fn(),
  resubmit: vi.fn(),
}));

vi.mock('../../src/services/applications', () => ({
  fetchMyApplication: () => server.mine(),
  fetchAgreement: () =>
    Promise.resolve({ version: '2022.1', title: '协议', body: '一、…', publishedAt: '2022-04-01T00:00:00Z' }),
  fetchCompanyOptions: () => Promise.resolve([]),
  fetchCommunities: () => Promise.resolve([]),
  fetchServerDraft: () => server.draft(),
  saveServerDraft: (d: ApplicationDraft) => server.save(d),
  deleteServerDraft: () => Promise.resolve(),
  submitApplication: (b: unknown) => server.submit(b),
  resubmitApplication: (b: unknown) => server.resubmit(b),
  askResultConsent: () => Promise.resolve(),
  fetchApplicantAge: () => Promise.resolve({ min: 18, max: 65 }),
  localDraft: {
    read: (userId: number) => (storage.get(`draft.${userId}`) as never) ?? null,
    write: (userId: number, draft: ApplicationDraft, phone: unknown = null) =>
      storage.set(`draft.${userId}`, { draft, savedAt: new Date().toISOString(), phone }),
    clear: (userId: number) => storage.delete(`draft.${userId}`),
  },
  // the real one removes every application key of every person (see services/applications.ts)
  clearApplicationStorage: (keep?: number) => {
    for (const key of [...storage.keys()])
      if ((key.startsWith('draft.') || key.startsWith('lastSent.')) && key !== `draft.${keep}`) storage.delete(key);
  },
}));

vi.mock('../../src/services/auth', () => ({ fetchMe: () => Promise.resolve({ id: 7 }) }));

const { useApplicationForm } = await import('../../src/hooks/useApplicationForm');
const { HttpError } = await import('../../src/services/http-client');

beforeEach(() => {
  storage.clear();
  server.mine.mockResolvedValue(null);
  server.draft.mockResolvedValue({ draft: null, updatedAt: null });
  server.save.mockResolvedValue({});
});
afterEach(() => vi.clearAllMocks());

describe('useApplicationForm: nothing lost', () => {
  it('every change goes to the phone at once and to the server shortly after', async () => {
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('ready'));
    act(() => result.current.change({ occupation: 'courier', name: '李' }));
    expect((storage.get('draft.7') as { draft: ApplicationDraft }).draft).toMatchObject({
      occupation: 'courier',
      name: '李',
    });
    await waitFor(() => expect(server.save).toHaveBeenCalledWith(expect.objectContaining({ name: '李' })), {
      timeout: 2000,
    });
    await waitFor(() => expect(result.current.saveState).toBe('saved'));
  });

  it('offline: the server save fails, the phone keeps it, and the page says so', async () => {
    server.save.mockRejectedValue(new Error('offline'));
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('ready'));
    act(() => result.current.change({ name: '王' }));
    await waitFor(() => expect(result.current.saveState).toBe('localOnly'), { timeout: 2000 });
    expect((storage.get('draft.7') as { draft: ApplicationDraft }).draft.name).toBe('王');
  });

  it('reopening restores the draft on the screen where the person stopped', async () => {
    storage.set('draft.7', {
      draft: { step: 2, occupation: 'rider', residenceCommunityId: 5, name: '赵六' },
      savedAt: '2026-03-01T10:00:00Z',
    });
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('ready'));
    expect(result.current.restored).toBe(true);
    expect(result.current.form).toMatchObject({ step: 2, occupation: 'rider', name: '赵六' });
  });

  it('a submit that fails on the network keeps the form and says what to do', async () => {
    storage.set('draft.7', {
      draft: {
        step: 4,
        occupation: 'rider',
        residenceCommunityId: 5,
        name: '赵六',
        idNumber: '340504199008153012',
        declarations: { noCriminalRecord: true, physicallyFit: true },
        agreementVersion: '2022.1',
        agreementSigned: true,
      },
      savedAt: '2026-03-01T10:00:00Z',
    });
    server.submit.mockRejectedValue(
      new HttpError(0, { code: 'NETWORK_ERROR', message: '网络不给力，请检查网络后重试' }),
    );
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('ready'));
    act(() => result.current.setPhoneCode('code-1'));
    await act(async () => {
      expect(await result.current.submit()).toBeNull();
    });
    expect(result.current.errors.form).toContain('已保存在手机上');
    expect(storage.has('draft.7')).toBe(true);
  });

  it('a refused phone code sends the person back to step 2 with the message beside the phone', async () => {
    storage.set('draft.7', {
      draft: {
        step: 4,
        occupation: 'rider',
        residenceCommunityId: 5,
        name: '赵六',
        idNumber: '340504199008153012',
        declarations: { noCriminalRecord: true, physicallyFit: true },
        agreementVersion: '2022.1',
        agreementSigned: true,
      },
      savedAt: '2026-03-01T10:00:00Z',
    });
    server.submit.mockRejectedValue(
      new HttpError(400, { code: 'WECHAT_PHONE_CODE_INVALID', message: '手机号验证失败，请重新获取手机号' }),
    );
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('ready'));
    act(() => result.current.setPhoneCode('stale'));
    await act(async () => {
      await result.current.submit();
    });
    expect(result.current.form.step).toBe(2);
    expect(result.current.errors.phone).toBe('手机号验证失败，请重新获取手机号');
    expect(result.current.phoneCode).toBeNull();
  });

  it('a successful submit leaves no name or ID number in the phone storage (older copies included)', async () => {
    storage.set('lastSent.7', { name: '赵六', idNumber: '340504199008153012' });
    storage.set('draft.7', {
      draft: {
        step: 4,
        occupation: 'rider',
        residenceCommunityId: 5,
        name: '赵六',
        idNumber: '340504199008153012',
        declarations: { noCriminalRecord: true, physicallyFit: true },
        agreementVersion: '2022.1',
        agreementSigned: true,
      },
      savedAt: '2026-03-01T10:00:00Z',
    });
    server.submit.mockResolvedValue({ id: 1, status: 'pending_review' });
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('ready'));
    act(() => result.current.setPhoneCode('code-1'));
    await act(async () => {
      expect(await result.current.submit()).toMatchObject({ id: 1 });
    });
    expect(server.submit).toHaveBeenCalledWith(
      expect.objectContaining({ phoneCode: 'code-1', idNumber: '340504199008153012' }),
    );
    expect(storage.has('draft.7')).toBe(false);
    expect(storage.has('lastSent.7')).toBe(false);
    expect(JSON.stringify([...storage.values()])).not.toContain('340504199008153012');
  });

  it('with a pending application the form is not shown (the status page is)', async () => {
    server.mine.mockResolvedValue({ id: 3, status: 'pending_review' } as MyApplicationResponse);
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('hasApplication'));
  });
});

describe('home tiles of the joining path', () => {
  it('the apply tile and the staff review tiles open real pages', () => {
    expect(APPLY_TILE.target).toEqual({ kind: 'page', url: PAGES.apply });
    const url = (roles: string[], key: string) => {
      const tile = staffTilesFor(roles).find((t) => t.key === key);
      return tile?.target.kind === 'page' ? tile.target.url : null;
    };
    expect(url(['community_officer'], 'review')).toBe(`${PAGES.adminReviewQueue}?stage=review`);
    expect(url(['station_officer'], 'review')).toBe(`${PAGES.adminReviewQueue}?stage=review`);
    expect(url(['branch_officer'], 'approval')).toBe(`${PAGES.adminReviewQueue}?stage=approval`);
    expect(url(['branch_officer'], 'talent')).toBe(PAGES.adminTalentPool);
    expect(url(['company_manager'], 'guards')).toBe(PAGES.myCompany);
  });
});

describe('useApplicationForm: what the person did stays done', () => {
  it('a phone verified a moment ago is still verified when the form is reopened', async () => {
    const first = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(first.result.current.load.status).toBe('ready'));
    act(() => first.result.current.change({ occupation: 'rider', step: 2 }));
    act(() => first.result.current.setPhoneCode('sandbox-phone-13905550000'));
    first.unmount();
    const again = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(again.result.current.load.status).toBe('ready'));
    expect(again.result.current.phoneCode).toBe('sandbox-phone-13905550000');
  });

  it('a phone code older than WeChat keeps it (5 minutes) is not restored', async () => {
    storage.set('draft.7', {
      draft: { step: 2, occupation: 'rider', name: '赵六' },
      savedAt: '2026-03-01T10:00:00Z',
      phone: { code: 'old', at: new Date(Date.now() - 6 * 60_000).toISOString() },
    });
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('ready'));
    expect(result.current.phoneCode).toBeNull();
  });

  it('a 1955 ID number is refused at step 2, not only at the final submit', async () => {
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('ready'));
    act(() =>
      result.current.change({
        occupation: 'rider',
        residenceCommunityId: 5,
        step: 2,
        name: '老张',
        idNumber: '340504195505053014',
      }),
    );
    act(() => result.current.setPhoneCode('code-1'));
    act(() => result.current.next());
    expect(result.current.form.step).toBe(2);
    expect(result.current.errors.idNumber).toMatch(/超过 65 周岁/);
  });
});

describe('a shared phone', () => {
  it("never restores another person's draft", async () => {
    storage.set('draft.8', {
      draft: { step: 2, occupation: 'rider', name: '别人', idNumber: '340504199008153012' },
      savedAt: '2026-03-01T10:00:00Z',
    });
    const { result } = renderHook(() => useApplicationForm({ resubmit: false }));
    await waitFor(() => expect(result.current.load.status).toBe('ready'));
    expect(result.current.restored).toBe(false);
    expect(result.current.form.name).toBe('');
    // and the other person's draft does not stay in storage either
    expect(storage.has('draft.8')).toBe(false);
  });
});
