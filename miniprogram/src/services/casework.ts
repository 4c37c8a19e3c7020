import {
  DISPUTE_ROUTES,
  INCIDENT_ROUTES,
  apiPath,
  type AssignMediatorRequest,
  type CloseDisputeRequest,
  type CreateDisputeRequest,
  type DisputePage,
  type DisputeResponse,
  type DisputeStatus,
  type DisputeStepRequest,
  type FileIncidentReportRequest,
  type IncidentFlag,
  type IncidentReportPage,
  type IncidentReportResponse,
  type IncidentStatus,
  type MediatorCandidate,
  type ProposeDisputeOutcomeRequest,
} from '@jianghuai/shared';
import { get, post } from './http';

/** Disputes and major-event reports (docs/disputes.md). Pages show errors inline, so calls pass `toast: false`. */
const quiet = { toast: false };

// ── disputes, officers ──

export function adminDisputes(q: { page: number; pageSize: number; status?: DisputeStatus }): Promise<DisputePage> {
  return get<DisputePage>(DISPUTE_ROUTES.adminDisputes, { ...q }, quiet);
}

export function createDispute(body: CreateDisputeRequest): Promise<DisputeResponse> {
  return post<DisputeResponse>(DISPUTE_ROUTES.adminDisputes, body, quiet);
}

export function createDisputeFromTip(body: {
  tipId: number;
  type: CreateDisputeRequest['type'];
  parties: CreateDisputeRequest['parties'];
}): Promise<DisputeResponse> {
  return post<DisputeResponse>(DISPUTE_ROUTES.adminDisputeFromTip, body, quiet);
}

export function adminDispute(id: number): Promise<DisputeResponse> {
  return get<DisputeResponse>(apiPath(DISPUTE_ROUTES.adminDispute, { id }), undefined, quiet);
}

export function mediatorCandidates(id: number): Promise<MediatorCandidate[]> {
  return get<MediatorCandidate[]>(apiPath(DISPUTE_ROUTES.adminCandidates, { id }), undefined, quiet);
}

export function assignMediator(id: number, body: AssignMediatorRequest): Promise<DisputeResponse> {
  return post<DisputeResponse>(apiPath(DISPUTE_ROUTES.adminMediator, { id }), body, quiet);
}

export function addDisputeStep(id: number, body: DisputeStepRequest): Promise<DisputeResponse> {
  return post<DisputeResponse>(apiPath(DISPUTE_ROUTES.adminSteps, { id }), body, quiet);
}

export function closeDispute(id: number, body: CloseDisputeRequest): Promise<DisputeResponse> {
  return post<DisputeResponse>(apiPath(DISPUTE_ROUTES.adminClose, { id }), body, quiet);
}

// ── disputes, the mediator ──

export function myDisputes(page: number, pageSize: number): Promise<DisputePage> {
  return get<DisputePage>(DISPUTE_ROUTES.myDisputes, { page, pageSize }, quiet);
}

export function myDispute(id: number): Promise<DisputeResponse> {
  return get<DisputeResponse>(apiPath(DISPUTE_ROUTES.myDispute, { id }), undefined, quiet);
}

export function addMyDisputeStep(id: number, body: DisputeStepRequest): Promise<DisputeResponse> {
  return post<DisputeResponse>(apiPath(DISPUTE_ROUTES.mySteps, { id }), body, quiet);
}

export function proposeDisputeOutcome(id: number, body: ProposeDisputeOutcomeRequest): Promise<DisputeResponse> {
  return post<DisputeResponse>(apiPath(DISPUTE_ROUTES.myPropose, { id }), body, quiet);
}

// ── major-event reports, the company manager ──

export function fileIncidentReport(body: FileIncidentReportRequest): Promise<IncidentReportResponse> {
  return post<IncidentReportResponse>(INCIDENT_ROUTES.companyReports, body, quiet);
}

export function myIncidentReports(page: number, pageSize: number): Promise<IncidentReportPage> {
  return get<IncidentReportPage>(INCIDENT_ROUTES.companyReports, { page, pageSize }, quiet);
}

export function myIncidentReport(id: number): Promise<IncidentReportResponse> {
  return get<IncidentReportResponse>(apiPath(INCIDENT_ROUTES.companyReport, { id }), undefined, quiet);
}

// ── major-event reports, officers ──

export function adminIncidentReports(q: {
  page: number;
  pageSize: number;
  flag?: IncidentFlag;
  status?: IncidentStatus;
}): Promise<IncidentReportPage> {
  return get<IncidentReportPage>(INCIDENT_ROUTES.adminReports, { ...q }, quiet);
}

export function adminIncidentReport(id: number): Promise<IncidentReportResponse> {
  return get<IncidentReportResponse>(apiPath(INCIDENT_ROUTES.adminReport, { id }), undefined, quiet);
}

export function acknowledgeIncident(id: number): Promise<IncidentReportResponse> {
  return post<IncidentReportResponse>(apiPath(INCIDENT_ROUTES.adminAcknowledge, { id }), undefined, quiet);
}

export function classifyIncident(id: number, classification: string): Promise<IncidentReportResponse> {
  return post<IncidentReportResponse>(apiPath(INCIDENT_ROUTES.adminClassify, { id }), { classification }, quiet);
}

export function disposeIncident(id: number, disposal: string): Promise<IncidentReportResponse> {
  return post<IncidentReportResponse>(apiPath(INCIDENT_ROUTES.adminDispose, { id }), { disposal }, quiet);
}
