import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ApplicationDraft } from '@jianghuai/shared';

/**
 * The apply form and the applicant's location: sent when they allow it (the nearest station then manages them
 * without a community), and the form still goes without it.
 */
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

// the phone's reading, after the privacy popup (its own rules: privacy.test.ts)
const reading = vi.hoisted(() => ({ position: vi.fn() }));
vi.mock('../../src/hooks/useLocation', async (original) => ({
  ...(await original<typeof import('../../src/hooks/useLocation')>()),
  readPosition: () => reading.position(),
}));

const { useApplicationForm } = await import('../../src/hooks/useApplicationForm');

const FILLED: ApplicationDraft = {
  step: 1,
  occupation: 'rider',
  residenceCommunityId: null,
  name: '赵六',
  idNumber: '340504199008153012',
  declarations: { noCriminalRecord: true, physicallyFit: true },
  agreementVersion: '2022.1',
  agreementSigned: true,
};

beforeEach(() => {
  storage.clear();
  server.mine.mockResolvedValue(null);
  server.draft.mockResolvedValue({ draft: FILLED, updatedAt: '2026-11-30T10:00:00Z' });
  server.save.mockResolvedValue({});
  server.submit.mockResolvedValue({ id: 1, status: 'pending_review' });
});
afterEach(() => vi.clearAllMocks());

async function openForm() {
  const hook = renderHook(() => useApplicationForm({ resubmit: false }));
  await waitFor(() => expect(hook.result.current.load.status).toBe('ready'));
  act(() => hook.result.current.setPhoneCode('code-1'));
  return hook.result;
}

describe('useApplicationForm: the applicant’s location', () => {
  it('with the location allowed, no community is needed and the location goes with the form', async () => {
    reading.position.mockResolvedValue({ lat: 31.6921, lng: 118.5112, accuracy: 20 });
    const form = await openForm();
    act(() => form.current.next());
    expect(form.current.errors.residenceCommunityId).toContain('用我的位置确定派出所');
    await act(async () => form.current.locate());
    await waitFor(() => expect(form.current.place.status).toBe('ready'));
    expect(form.current.errors.residenceCommunityId).toBeUndefined();
    act(() => form.current.next());
    expect(form.current.form.step).toBe(2);
    await act(async () => {
      expect(await form.current.submit()).toMatchObject({ id: 1 });
    });
    expect(server.submit).toHaveBeenCalledWith(
      expect.objectContaining({ location: { lat: 31.6921, lng: 118.5112 }, residenceCommunityId: null }),
    );
  });

  it('refused: the page says why and the form still goes, with the community and without a location', async () => {
    reading.position.mockRejectedValue({ errMsg: 'privacy:refused: 用户未同意隐私授权' });
    const form = await openForm();
    await act(async () => form.current.locate());
    await waitFor(() => expect(form.current.place.status).toBe('failed'));
    const place = form.current.place;
    expect(place.status === 'failed' ? place.message : '').toContain('没有同意使用位置信息');
    act(() => form.current.next());
    expect(form.current.form.step).toBe(1);
    act(() => form.current.change({ residenceCommunityId: 5 }));
    await act(async () => {
      expect(await form.current.submit()).toMatchObject({ id: 1 });
    });
    const body = server.submit.mock.calls[0][0] as Record<string, unknown>;
    expect(body.residenceCommunityId).toBe(5);
    expect('location' in body).toBe(false);
  });
});
