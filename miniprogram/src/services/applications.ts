import Taro from '@tarojs/taro';
import {
  DEFAULT_APPLICANT_AGE,
  ENROLMENT_ROUTES,
  ROUTES,
  apiPath,
  type ClientConfigResponse,
  type AgreementResponse,
  type ApplicationDraft,
  type ApplicationDraftResponse,
  type CompanyOption,
  type MyApplicationResponse,
  type NotificationResponse,
  type OrgUnitNode,
  type Page,
  type SubmitApplicationRequest,
  type VolunteerCardResponse,
} from '@jianghuai/shared';
import { get, http, post } from './http';
import { askConsent } from './subscriptions';
import type { FormDraft, PhoneVerification, StoredDraft } from '../logic/application-form';

/** GET /me/messages answers a page plus the unread count (local type: not in shared). */
export type MessagePage = Page<NotificationResponse> & { unread: number };

// Pages show these errors inline, beside the field: no toast.
const quiet = { toast: false } as const;

export const fetchCompanyOptions = (q?: string) => get<CompanyOption[]>(ENROLMENT_ROUTES.companyOptions, { q }, quiet);
export const fetchAgreement = () => get<AgreementResponse>(ENROLMENT_ROUTES.agreement, undefined, quiet);
export const fetchCommunities = () => get<OrgUnitNode[]>(ENROLMENT_ROUTES.communityOptions, undefined, quiet);
export const fetchServerDraft = () => get<ApplicationDraftResponse>(ENROLMENT_ROUTES.draft, undefined, quiet);
export const saveServerDraft = (draft: ApplicationDraft) =>
  http.request<ApplicationDraftResponse>('PUT', ENROLMENT_ROUTES.draft, { body: { draft }, toast: false });
export const deleteServerDraft = () => http.request<void>('DELETE', ENROLMENT_ROUTES.draft, { toast: false });
export const fetchMyApplication = () =>
  get<MyApplicationResponse | null>(ENROLMENT_ROUTES.myApplication, undefined, quiet);
export const submitApplication = (body: SubmitApplicationRequest) =>
  post<MyApplicationResponse>(ENROLMENT_ROUTES.applications, body, quiet);
export const resubmitApplication = (body: SubmitApplicationRequest) =>
  http.request<MyApplicationResponse>('PUT', ENROLMENT_ROUTES.myApplication, { body, toast: false });
export const fetchMyCard = () => get<VolunteerCardResponse>(ENROLMENT_ROUTES.myCard, undefined, quiet);
export const fetchMessages = (page: number, pageSize: number) =>
  get<MessagePage>(ROUTES.messages, { page, pageSize }, quiet);
export const markMessageRead = (id: number) => post<void>(apiPath(ROUTES.messageRead, { id }), undefined, quiet);

// ── the draft on this phone ─────────────────────────────────────────────────────────────────

const DRAFT_KEY = 'jh.application.draft';
const LAST_SENT_KEY = 'jh.application.lastSent';

function readStorage<T>(key: string): T | null {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return value && typeof value === 'object' ? (value as T) : null;
  } catch {
    return null;
  }
}

function writeStorage(key: string, value: unknown): void {
  try {
    Taro.setStorageSync(key, value);
  } catch {
    // A full storage must not break typing; the server copy still exists.
  }
}

/**
 * Keys are per person: a shared phone never shows one applicant's ID number to another. The draft
 * (with name and ID number) lives here only while the form is being filled: a submit or a logout
 * removes it.
 */
export const localDraft = {
  read: (userId: number) => readStorage<StoredDraft>(`${DRAFT_KEY}.${userId}`),
  write: (userId: number, draft: FormDraft, phone: PhoneVerification | null = null) =>
    writeStorage(`${DRAFT_KEY}.${userId}`, { draft, savedAt: new Date().toISOString(), phone } satisfies StoredDraft),
  clear: (userId: number) => {
    try {
      Taro.removeStorageSync(`${DRAFT_KEY}.${userId}`);
    } catch {
      // nothing to clear
    }
  },
};

/**
 * Every application key on this phone, of every person (the draft, and the copy of the last
 * submit that older versions kept with the full ID number): removed at submit and at logout; when
 * the form opens, everything but the signed-in person's own draft.
 */
export function clearApplicationStorage(keepUserId?: number): void {
  try {
    const { keys } = Taro.getStorageInfoSync();
    const kept = keepUserId === undefined ? null : `${DRAFT_KEY}.${keepUserId}`;
    for (const key of keys)
      if ((key.startsWith(`${DRAFT_KEY}.`) || key.startsWith(`${LAST_SENT_KEY}.`)) && key !== kept)
        Taro.removeStorageSync(key);
  } catch {
    // storage unreadable: nothing we can clear
  }
}

/** The applicant age bounds the server checks (GET /client-config), for the ID step. */
export const fetchApplicantAge = () =>
  get<ClientConfigResponse>(ROUTES.clientConfig, undefined, { ...quiet, auth: false }).then(
    (c) => c.applicantAge ?? DEFAULT_APPLICANT_AGE,
  );

/** Asks for the one-time `application_result` consent at submit (docs/product.md#notifications); never blocks the submit. */
export const askResultConsent = (): Promise<void> => askConsent(['application_result']);
