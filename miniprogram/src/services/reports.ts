import Taro from '@tarojs/taro';
import {
  REPORT_ROUTES,
  apiPath,
  type CompiledStageReport,
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
import { get, http, post } from './http';
import { absolute, authHeader, openXlsx } from './transfer';

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

export function exportStage(id: number, fileName: string): Promise<void> {
  return openXlsx(
    () => Taro.downloadFile({ url: absolute(apiPath(REPORT_ROUTES.adminStageExport, { id })), header: authHeader() }),
    fileName,
  );
}

export function exportRanking(id: number, fileName: string): Promise<void> {
  return openXlsx(
    () => Taro.downloadFile({ url: absolute(apiPath(REPORT_ROUTES.adminRankingExport, { id })), header: authHeader() }),
    fileName,
  );
}
