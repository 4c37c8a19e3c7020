import Taro from '@tarojs/taro';
import {
  API_PREFIX,
  REPORT_ROUTES,
  ROUTES,
  apiPath,
  type CompiledStageReport,
  type MeResponse,
  type MyNarrative,
  type NarrativeResponse,
  type Page,
  type RankingPublishRequest,
  type RankingResponse,
  type RankingSummary,
  type SetTargetRequest,
  type StageDetail,
  type StageRequest,
  type StageResponse,
  type TargetHistoryEntry,
  type TargetKey,
  type TargetResponse,
} from '@jianghuai/shared';
import { openSpreadsheet } from '../platform/files';
import { get, http, HttpError, NETWORK_ERROR_MESSAGE, post } from './http';
import { toApiError } from './http-client';
import { taroTokenStore } from './token-store';

/** Targets, stage reports and the ranking (docs/reports.md); admin-dashboard only. Pages show errors inline. */
const quiet = { toast: false } as const;

export const targets = () => get<TargetResponse[]>(REPORT_ROUTES.adminTargets, undefined, quiet);
export const setTarget = (body: SetTargetRequest) => post<TargetResponse>(REPORT_ROUTES.adminTargets, body, quiet);
export const targetHistory = (key: TargetKey) =>
  get<TargetHistoryEntry[]>(apiPath(REPORT_ROUTES.adminTargetHistory, { key }), undefined, quiet);

export const stages = () => get<StageResponse[]>(REPORT_ROUTES.adminStages, undefined, quiet);
export const createStage = (body: StageRequest) => post<StageResponse>(REPORT_ROUTES.adminStages, body, quiet);
export const stageDetail = (id: number) =>
  get<StageDetail>(apiPath(REPORT_ROUTES.adminStage, { id }), undefined, quiet);
export const myNarrative = (id: number) =>
  get<MyNarrative>(apiPath(REPORT_ROUTES.adminStageMyNarrative, { id }), undefined, quiet);
export const writeNarrative = (id: number, text: string) =>
  http.request<NarrativeResponse>('PUT', apiPath(REPORT_ROUTES.adminStageMyNarrative, { id }), {
    body: { text },
    toast: false,
  });
export const stageNarratives = (id: number) =>
  get<NarrativeResponse[]>(apiPath(REPORT_ROUTES.adminStageNarratives, { id }), undefined, quiet);
export const compileStage = (id: number) =>
  get<CompiledStageReport>(apiPath(REPORT_ROUTES.adminStageCompile, { id }), undefined, quiet);

export const rankings = (q: { page: number; pageSize: number }) =>
  get<Page<RankingSummary>>(REPORT_ROUTES.adminRankings, q, quiet);
export const latestRanking = () => get<RankingResponse>(REPORT_ROUTES.adminRankingLatest, undefined, quiet);
export const ranking = (id: number) =>
  get<RankingResponse>(apiPath(REPORT_ROUTES.adminRanking, { id }), undefined, quiet);
export const publishRanking = (body: RankingPublishRequest) =>
  post<RankingResponse>(REPORT_ROUTES.adminRankings, body, quiet);

/** The host and prefix before a table path. */
const absolute = (path: string) => `${API_BASE}${API_PREFIX}${path}`;

/** The token for a download, after a cheap call through the http client that refreshes an expired one. */
async function authHeader(): Promise<Record<string, string>> {
  await get<MeResponse>(ROUTES.me, undefined, quiet);
  const tokens = taroTokenStore.get();
  return tokens ? { Authorization: `Bearer ${tokens.accessToken}` } : {};
}

/** An .xlsx of the API (bytes, not JSON), downloaded with the token: WeChat opens it, the browser saves it. */
async function openXlsx(
  download: Promise<Taro.downloadFile.FileSuccessCallbackResult>,
  fileName: string,
): Promise<void> {
  let res: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    res = await download;
  } catch {
    throw new HttpError(0, { code: 'NETWORK_ERROR', message: NETWORK_ERROR_MESSAGE });
  }
  if (res.statusCode !== 200) throw new HttpError(res.statusCode, toApiError(res.statusCode, null));
  await openSpreadsheet(res.tempFilePath, fileName);
}

export async function exportStage(id: number, fileName: string): Promise<void> {
  const header = await authHeader();
  await openXlsx(
    Taro.downloadFile({ url: absolute(apiPath(REPORT_ROUTES.adminStageExport, { id })), header }),
    fileName,
  );
}

export async function exportRanking(id: number, fileName: string): Promise<void> {
  const header = await authHeader();
  await openXlsx(
    Taro.downloadFile({ url: absolute(apiPath(REPORT_ROUTES.adminRankingExport, { id })), header }),
    fileName,
  );
}
