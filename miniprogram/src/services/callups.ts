import {
  apiPath,
  CALLUP_ROUTES,
  WARTIME_ROUTES,
  type CallupAnswerRequest,
  type CallupArriveRequest,
  type CallupPage,
  type CallupPlanPage,
  type CallupPlanRequest,
  type CallupPlanResponse,
  type CallupPreviewRequest,
  type CallupPreviewResponse,
  type CallupQrResponse,
  type CallupReportRequest,
  type CallupResponse,
  type BoardResponse,
  type CallupDrawResponse,
  type CreateCallupRequest,
  type CreateDrawRequest,
  type DecideDrawRequest,
  type DeclareWartimeRequest,
  type DrawInboxPage,
  type EndWartimeRequest,
  type LaunchPlanRequest,
  type MyCallupPage,
  type MyCallupResponse,
  type SpeedLevel,
  type SpeedResponse,
  type WartimeBanner,
  type WartimeCurrentResponse,
  type WartimeStatePage,
  type WartimeStateResponse,
} from '@jianghuai/shared';
import { get, http, post } from './http';

/** Call-ups (调度指令) and war-time (docs/callups.md). Pages show errors inline, so calls pass `toast: false`. */
const quiet = { toast: false } as const;

export { CALLUP_PHOTO_PURPOSE } from '@jianghuai/shared';
export type MyCallupItem = MyCallupPage['items'][number];
export type MyCallupDetail = MyCallupResponse;
export type WartimeState = WartimeBanner;

// ── guards ──

export const myCallups = (page: number, pageSize: number) =>
  get<MyCallupPage>(CALLUP_ROUTES.myCallups, { page, pageSize }, quiet);
export const myCallup = (id: number) =>
  get<MyCallupResponse>(apiPath(CALLUP_ROUTES.myCallup, { id }), undefined, quiet);
export const answerCallup = (id: number, body: CallupAnswerRequest) =>
  post<MyCallupResponse>(apiPath(CALLUP_ROUTES.callupAnswer, { id }), body, quiet);
export const arriveAtCallup = (id: number, body: CallupArriveRequest) =>
  post<MyCallupResponse>(apiPath(CALLUP_ROUTES.callupArrive, { id }), body, quiet);
export const reportCallup = (id: number, body: CallupReportRequest) =>
  post<MyCallupResponse>(apiPath(CALLUP_ROUTES.callupReport, { id }), body, quiet);
/** A targeted team's leader shows the rotating arrival code. */
export const leaderCallupQr = (id: number) =>
  get<CallupQrResponse>(apiPath(CALLUP_ROUTES.leaderCallupQr, { id }), undefined, quiet);
/** The war-time states over the person's station or community (the home banner). */
export const currentWartime = () =>
  get<WartimeCurrentResponse>(WARTIME_ROUTES.wartimeCurrent, undefined, quiet).then((r) => r.states);

// ── staff ──

export const adminCallups = (page: number, pageSize: number) =>
  get<CallupPage>(CALLUP_ROUTES.adminCallups, { page, pageSize }, quiet);
export const adminCallup = (id: number) =>
  get<CallupResponse>(apiPath(CALLUP_ROUTES.adminCallup, { id }), undefined, quiet);
export const sendCallup = (body: CreateCallupRequest) => post<CallupResponse>(CALLUP_ROUTES.adminCallups, body, quiet);
export const previewCallup = (body: CallupPreviewRequest) =>
  post<CallupPreviewResponse>(CALLUP_ROUTES.adminCallupPreview, body, quiet);
export const closeCallup = (id: number) =>
  post<CallupResponse>(apiPath(CALLUP_ROUTES.adminCallupClose, { id }), undefined, quiet);
export const callupBoard = (id: number) =>
  get<BoardResponse>(apiPath(CALLUP_ROUTES.adminCallupBoard, { id }), undefined, quiet);
export const adminCallupQr = (id: number) =>
  get<CallupQrResponse>(apiPath(CALLUP_ROUTES.adminCallupQr, { id }), undefined, quiet);
export const callupSpeed = (from: string, to: string, level: SpeedLevel) =>
  get<SpeedResponse>(CALLUP_ROUTES.adminCallupSpeed, { from, to, level }, quiet);

export const callupPlans = (page: number, pageSize: number) =>
  get<CallupPlanPage>(CALLUP_ROUTES.adminCallupPlans, { page, pageSize }, quiet);
export const callupPlan = (id: number) =>
  get<CallupPlanResponse>(apiPath(CALLUP_ROUTES.adminCallupPlan, { id }), undefined, quiet);
export const createPlan = (body: CallupPlanRequest) =>
  post<CallupPlanResponse>(CALLUP_ROUTES.adminCallupPlans, body, quiet);
export const updatePlan = (id: number, body: CallupPlanRequest) =>
  http.request<CallupPlanResponse>('PUT', apiPath(CALLUP_ROUTES.adminCallupPlan, { id }), { body, toast: false });
export const deletePlan = (id: number) =>
  http.request<void>('DELETE', apiPath(CALLUP_ROUTES.adminCallupPlan, { id }), { toast: false });
export const launchPlan = (id: number, body: LaunchPlanRequest) =>
  post<CallupResponse>(apiPath(CALLUP_ROUTES.adminCallupPlanLaunch, { id }), body, quiet);

export const askDraw = (id: number, body: CreateDrawRequest) =>
  post<CallupDrawResponse>(apiPath(CALLUP_ROUTES.adminCallupDraws, { id }), body, quiet);
export const drawInbox = (page: number, pageSize: number) =>
  get<DrawInboxPage>(CALLUP_ROUTES.adminDrawInbox, { page, pageSize }, quiet);
export const decideDraw = (id: number, body: DecideDrawRequest) =>
  post<CallupDrawResponse>(apiPath(CALLUP_ROUTES.adminDrawDecide, { id }), body, quiet);

export const wartimeStates = (page: number, pageSize: number) =>
  get<WartimeStatePage>(WARTIME_ROUTES.adminWartime, { page, pageSize }, quiet);
export const declareWartime = (body: DeclareWartimeRequest) =>
  post<WartimeStateResponse>(WARTIME_ROUTES.adminWartime, body, quiet);
export const endWartime = (id: number, body: EndWartimeRequest) =>
  post<WartimeStateResponse>(apiPath(WARTIME_ROUTES.adminWartimeEnd, { id }), body, quiet);
