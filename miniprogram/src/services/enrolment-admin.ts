import Taro from '@tarojs/taro';
import {
  ENROLMENT_ROUTES,
  ROUTES,
  apiPath,
  type ApplicationQuery,
  type ApplicationResponse,
  type AssignmentResponse,
  type CompanyQuery,
  type CompanyResponse,
  type CreateCompanyRequest,
  type CreateExemptionRequest,
  type ExemptionResponse,
  type JobLeaseResponse,
  type JobName,
  type JobRunResponse,
  type MyCompanyResponse,
  type OrgUnitNode,
  type Page,
  type PiiField,
  type RecordCriminalCheckRequest,
  type RevealPiiResponse,
  type RosterGuardResponse,
  type RosterImportResponse,
  type RosterQuery,
  type ServiceSiteRequest,
  type ServiceSiteResponse,
  type TalentPoolQuery,
  type UpdateCompanyRequest,
  type UpdateVolunteerRequest,
  type VolunteerArchiveResponse,
  type VolunteerListItem,
  type VolunteerQuery,
} from '@jianghuai/shared';
import { get, http, HttpError, NETWORK_ERROR_MESSAGE, post } from './http';
import { toApiError } from './http-client';
import { absolute, authHeader, freshSession, openXlsx, parseBody } from './transfer';

type Q = Record<string, string | number | boolean | undefined>;
const quiet = { toast: false } as const;

// ── review ─────────────────────────────────────────────────────────────────────────────────
export const listApplications = (q: ApplicationQuery) =>
  get<Page<ApplicationResponse>>(ENROLMENT_ROUTES.adminApplications, q as Q, quiet);
export const getApplication = (appId: number) =>
  get<ApplicationResponse>(apiPath(ENROLMENT_ROUTES.adminApplication, { id: appId }), undefined, quiet);
export const recordCriminalCheck = (appId: number, body: RecordCriminalCheckRequest) =>
  post<ApplicationResponse>(apiPath(ENROLMENT_ROUTES.adminApplicationCriminalCheck, { id: appId }), body, quiet);
export const approveApplication = (appId: number) =>
  post<ApplicationResponse>(apiPath(ENROLMENT_ROUTES.adminApplicationApprove, { id: appId }), undefined, quiet);
export const rejectApplication = (appId: number, reason: string) =>
  post<ApplicationResponse>(apiPath(ENROLMENT_ROUTES.adminApplicationReject, { id: appId }), { reason }, quiet);
export const revealApplicationPii = (appId: number, field: PiiField) =>
  post<RevealPiiResponse>(apiPath(ENROLMENT_ROUTES.adminApplicationReveal, { id: appId }), { field }, quiet);

// ── volunteers, assignment, talent pool ─────────────────────────────────────────────────────
export const listVolunteers = (q: VolunteerQuery) =>
  get<Page<VolunteerListItem>>(ENROLMENT_ROUTES.adminVolunteers, q as Q, quiet);
export const getVolunteer = (vid: number) =>
  get<VolunteerArchiveResponse>(apiPath(ENROLMENT_ROUTES.adminVolunteer, { id: vid }), undefined, quiet);
export const updateVolunteer = (vid: number, body: UpdateVolunteerRequest) =>
  http.request<VolunteerArchiveResponse>('PUT', apiPath(ENROLMENT_ROUTES.adminVolunteer, { id: vid }), {
    body,
    toast: false,
  });
export const revealVolunteerPii = (vid: number, field: PiiField) =>
  post<RevealPiiResponse>(apiPath(ENROLMENT_ROUTES.adminVolunteerReveal, { id: vid }), { field }, quiet);
export const volunteerAssignments = (vid: number) =>
  get<AssignmentResponse[]>(apiPath(ENROLMENT_ROUTES.adminVolunteerAssignments, { id: vid }), undefined, quiet);
export const addExemption = (vid: number, body: CreateExemptionRequest) =>
  post<ExemptionResponse>(apiPath(ENROLMENT_ROUTES.adminVolunteerExemptions, { id: vid }), body, quiet);
export const recordRecheck = (vid: number, body: RecordCriminalCheckRequest) =>
  post<VolunteerArchiveResponse>(apiPath(ENROLMENT_ROUTES.adminVolunteerCriminalChecks, { id: vid }), body, quiet);
export const reassignVolunteer = (vid: number, stationId: number, reason: string) =>
  post<AssignmentResponse>(apiPath(ENROLMENT_ROUTES.adminVolunteerReassign, { id: vid }), { stationId, reason }, quiet);
export const listIncomingTransfers = (page: number, pageSize: number) =>
  get<Page<AssignmentResponse>>(ENROLMENT_ROUTES.adminIncomingTransfers, { page, pageSize }, quiet);
export const acceptTransfer = (tid: number) =>
  post<AssignmentResponse>(apiPath(ENROLMENT_ROUTES.adminAcceptTransfer, { id: tid }), undefined, quiet);
export const declineTransfer = (tid: number, reason: string) =>
  post<AssignmentResponse>(apiPath(ENROLMENT_ROUTES.adminDeclineTransfer, { id: tid }), { reason }, quiet);
export const searchTalentPool = (q: TalentPoolQuery) =>
  get<Page<VolunteerListItem>>(ENROLMENT_ROUTES.adminTalentPool, q as Q, quiet);
export const fetchOrgTree = () => get<OrgUnitNode[]>(ROUTES.orgUnitTree, undefined, quiet);
/** Every station with its communities (any signed-in user): targets for a reassignment across branches. */
export const fetchAllStations = () => get<OrgUnitNode[]>(ENROLMENT_ROUTES.communityOptions, undefined, quiet);

// ── scheduled jobs (system administrator) ──────────────────────────────────────────────────
export const listJobs = () => get<JobLeaseResponse[]>(ENROLMENT_ROUTES.adminJobs, undefined, quiet);
export const runJob = (name: JobName) =>
  post<JobRunResponse>(apiPath(ENROLMENT_ROUTES.adminJobRun, { name }), undefined, quiet);

// ── companies, roster, company manager ─────────────────────────────────────────────────────
export const listCompanies = (q: CompanyQuery) =>
  get<Page<CompanyResponse>>(ENROLMENT_ROUTES.adminCompanies, q as Q, quiet);
export const getCompany = (cid: number) =>
  get<CompanyResponse>(apiPath(ENROLMENT_ROUTES.adminCompany, { id: cid }), undefined, quiet);
export const createCompany = (body: CreateCompanyRequest) =>
  post<CompanyResponse>(ENROLMENT_ROUTES.adminCompanies, body, quiet);
export const updateCompany = (cid: number, body: UpdateCompanyRequest) =>
  http.request<CompanyResponse>('PUT', apiPath(ENROLMENT_ROUTES.adminCompany, { id: cid }), { body, toast: false });
export const addSite = (cid: number, body: ServiceSiteRequest) =>
  post<ServiceSiteResponse>(apiPath(ENROLMENT_ROUTES.adminCompanySites, { id: cid }), body, quiet);
export const updateSite = (cid: number, siteId: number, body: ServiceSiteRequest) =>
  http.request<ServiceSiteResponse>('PUT', apiPath(ENROLMENT_ROUTES.adminCompanySite, { id: cid, siteId }), {
    body,
    toast: false,
  });
export const removeSite = (cid: number, siteId: number) =>
  http.request<void>('DELETE', apiPath(ENROLMENT_ROUTES.adminCompanySite, { id: cid, siteId }), { toast: false });
export const listRoster = (q: RosterQuery) =>
  get<Page<RosterGuardResponse>>(ENROLMENT_ROUTES.adminRoster, q as Q, quiet);
export const fetchMyCompany = () => get<MyCompanyResponse>(ENROLMENT_ROUTES.myCompany, undefined, quiet);
export const listMyCompanyGuards = (q: RosterQuery) =>
  get<Page<RosterGuardResponse>>(ENROLMENT_ROUTES.myCompanyGuards, q as Q, quiet);

// ── files: multipart upload and .xlsx download (outside JSON, so not through http.request) ─────

/**
 * Roster import (multipart field `file`). A 401 is answered by refreshing through the http client
 * and trying once more; other failures become an HttpError with the server's code and details
 * (ROSTER_IMPORT_INVALID carries every bad row).
 */
export async function importRoster(filePath: string, fileName?: string): Promise<RosterImportResponse> {
  const attempt = async () => {
    try {
      return await Taro.uploadFile({
        url: absolute(ENROLMENT_ROUTES.adminRosterImport),
        filePath,
        name: 'file',
        header: authHeader(),
        ...(fileName ? { fileName } : {}),
      } as Taro.uploadFile.Option);
    } catch {
      throw new HttpError(0, { code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
    }
  };
  let res = await attempt();
  if (res.statusCode === 401) {
    await freshSession();
    res = await attempt();
  }
  const body = parseBody(res.data);
  if (res.statusCode >= 200 && res.statusCode < 300) return body as RosterImportResponse;
  throw new HttpError(res.statusCode, toApiError(res.statusCode, body));
}

/** Talent-pool export: downloads the .xlsx; WeChat opens it (share/save from there), H5 saves it. */
export function exportTalentPool(q: TalentPoolQuery): Promise<void> {
  return openXlsx(
    () => Taro.downloadFile({ url: absolute(ENROLMENT_ROUTES.adminTalentPoolExport, q), header: authHeader() }),
    '人才资源库.xlsx',
  );
}
