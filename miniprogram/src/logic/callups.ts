import type {
  BoardResponse,
  CallupMode,
  CallupPlanRequest,
  CallupPlanResponse,
  CallupTarget,
  CreateCallupRequest,
  OrgUnitNode,
  RecipientStatus,
  Skill,
  VerificationResult,
  VolunteerTier,
} from '@jianghuai/shared';
import { formatDateTime } from './format';

/**
 * Call-ups (调度指令) and war-time (战时) on the phone: the words and small rules the pages show, kept pure so they are
 * tested without a page (docs/callups.md). The instant is always passed in.
 */

/** Where a guard stands in one call-up. */
export type RecipientStep = RecipientStatus;

/** The guard's state, in words. */
export const STEP_WORDS: Record<RecipientStep, string> = {
  asked: '待回复',
  accepted: '已接受，请前往集合点',
  declined: '已回复不能参加',
  arrived: '已到达，请填写反馈',
  reported: '已反馈，辛苦了',
};

const pad = (n: number) => String(n).padStart(2, '0');

/** 还剩 1 小时 05 分 / 还剩 3 分钟 / 还剩不到 1 分钟 / 已截止, from the deadline and now. */
export function countdownText(deadlineIso: string, nowMs: number): string {
  const left = Date.parse(deadlineIso) - nowMs;
  if (!Number.isFinite(left) || left <= 0) return '已截止';
  const minutes = Math.floor(left / 60_000);
  if (minutes < 1) return '还剩不到 1 分钟';
  if (minutes < 60) return `还剩 ${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `还剩 ${hours} 小时 ${pad(minutes % 60)} 分`;
  return `还剩 ${Math.floor(hours / 24)} 天`;
}

/** Still open for this guard: the call-up is open and its deadline has not passed. */
export function isOpenNow(c: { callupStatus: string; deadlineAt: string }, nowMs: number): boolean {
  return c.callupStatus === 'open' && Date.parse(c.deadlineAt) > nowMs;
}

/** 我的调度指令: the open ones first, soonest deadline first; then the rest, newest first. */
export function sortMine<T extends { callupStatus: string; deadlineAt: string; createdAt: string }>(
  items: readonly T[],
  nowMs: number,
): T[] {
  const open = items.filter((c) => isOpenNow(c, nowMs));
  const rest = items.filter((c) => !isOpenNow(c, nowMs));
  open.sort((a, b) => Date.parse(a.deadlineAt) - Date.parse(b.deadlineAt));
  rest.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return [...open, ...rest];
}

/** The open ones still waiting for something from the guard (the number on the home tile). */
export function openCount(
  items: readonly { callupStatus: string; deadlineAt: string; myStatus: RecipientStep }[],
  nowMs: number,
): number {
  return items.filter((c) => isOpenNow(c, nowMs) && c.myStatus !== 'declined' && c.myStatus !== 'reported').length;
}

/** The one thing the detail page offers next. */
export type NextAction = 'answer' | 'arrive' | 'report' | 'done' | 'closed';

export function nextAction(c: { callupStatus: string; deadlineAt: string; myStatus: RecipientStep }, nowMs: number) {
  if (c.myStatus === 'reported' || c.myStatus === 'declined') return 'done' as NextAction;
  // Arrived guards may still file the report after the deadline; answering and arriving stop there.
  if (c.myStatus === 'arrived') return 'report' as NextAction;
  if (!isOpenNow(c, nowMs)) return 'closed' as NextAction;
  return (c.myStatus === 'accepted' ? 'arrive' : 'answer') as NextAction;
}

/**
 * The call-up's rotating arrival code, scanned or pasted from the officer's (or team leader's) phone:
 * `c<callupId>.<slot>.<mac>`, checked here only for its shape and its call-up.
 */
export function readArrivalCode(raw: string, callupId: number): { token: string } | { problem: string } {
  const token = raw.replace(/\s+/g, '');
  if (!token) return { problem: '请先粘贴或输入民警手机上显示的到达码' };
  const m = /^c(\d{1,10})\.\d{1,12}\.[A-Za-z0-9_-]{16,64}$/.exec(token);
  if (!m) return { problem: '到达码不完整，请对照民警手机上的到达码重新粘贴' };
  if (Number(m[1]) !== callupId) return { problem: '这不是本条指令的到达码，请确认您要签到的指令' };
  return { token };
}

/** The war-time banner: 战时状态 · 理由 · 至 2026-12-01 08:00. */
export function wartimeBannerText(w: { reason: string; endsAt: string }): string {
  return `战时状态 · ${w.reason} · 至 ${formatDateTime(w.endsAt)}`;
}

/** The send form's promise before sending: 将通知 N 人，其中 M 人无法推送，将发短信. */
export function previewLine(p: { matched: number; withoutPush: number }): string {
  if (p.matched === 0) return '没有符合条件的义警，请放宽条件（单位、技能、范围）';
  if (p.withoutPush === 0) return `将通知 ${p.matched} 人，都能收到微信提醒，并发短信`;
  return `将通知 ${p.matched} 人，其中 ${p.withoutPush} 人无法推送，将发短信`;
}

/** Seconds as people say them: 45 秒, 3 分 20 秒, 1 小时 5 分; 暂无 without a figure. */
export function durationText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '暂无';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} 秒`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} 分 ${s % 60} 秒` : `${m} 分钟`;
  return `${Math.floor(m / 60)} 小时 ${m % 60} 分`;
}

// ── the feedback form (反馈) ──

/** 有 / 无 / 有变化: what the guard found of one 摸排 object. */
export const RESULT_WORDS: Record<VerificationResult, string> = {
  found: '有（无变化）',
  not_found: '无',
  changed: '有变化',
};

export interface ItemAnswer {
  itemId: number;
  result: VerificationResult | null;
  note: string;
}

export const REPORT_TEXT_MAX = 1000;
export const ITEM_NOTE_MAX = 200;

/** What is missing before the report can go, in plain words; null when it is ready. */
export function reportProblem(
  text: string,
  items: readonly { id: number; label: string }[],
  answers: readonly ItemAnswer[],
  uploading: boolean,
): string | null {
  if (uploading) return '照片还在上传，请等上传完成再提交';
  if (text.length > REPORT_TEXT_MAX) return `反馈最多 ${REPORT_TEXT_MAX} 字，现在 ${text.length} 字`;
  for (const item of items) {
    const a = answers.find((x) => x.itemId === item.id);
    if (!a?.result) return `请为“${item.label}”选择 有 / 无 / 有变化`;
    if (a.result === 'changed' && !a.note.trim()) return `“${item.label}”有变化，请写一句变化情况`;
    if (a.note.length > ITEM_NOTE_MAX) return `“${item.label}”的说明最多 ${ITEM_NOTE_MAX} 字`;
  }
  if (!items.length && !text.trim()) return '请写一句现场情况';
  return null;
}

/** The report's text: what the guard wrote, or for a 摸排 left without words a count of the findings. */
export function reportTextOf(text: string, answers: readonly ItemAnswer[]): string {
  const typed = text.trim();
  if (typed || !answers.length) return typed;
  const count = (r: VerificationResult) => answers.filter((a) => a.result === r).length;
  return `摸排 ${answers.length} 项：有 ${count('found')}，无 ${count('not_found')}，有变化 ${count('changed')}`;
}

// ── the send form (发布指令) ──

export const CALLUP_RADIUS_CHOICES = [0, 500, 1000, 2000, 5000] as const;

/** A deadline in minutes after sending, offered as big choices. */
export const DEADLINE_CHOICES = [30, 60, 120, 240, 1440] as const;

export function minutesLabel(m: number): string {
  if (m < 60) return `${m} 分钟`;
  if (m % 1440 === 0) return `${m / 1440} 天`;
  return `${m / 60} 小时`;
}

export interface CallupDraft {
  kind: 'ordinary' | 'verification';
  title: string;
  task: string;
  /** the org unit targeted (a station, community or branch under the sender) */
  unitId: number | null;
  teamId: number | null;
  skills: Skill[];
  tiers: VolunteerTier[];
  /** 0: no radius */
  radiusM: number;
  centreLat: string;
  centreLng: string;
  wanted: string;
  rallyAddress: string;
  rallyLat: string;
  rallyLng: string;
  deadlineMinutes: number;
  /** one verification item a line */
  items: string;
  /** chosen by the officer; null: the mode the server defaults to (shown from the preview) */
  mode: CallupMode | null;
  /** 预案 only */
  planName: string;
}

export const EMPTY_CALLUP_DRAFT: CallupDraft = {
  kind: 'ordinary',
  title: '',
  task: '',
  unitId: null,
  teamId: null,
  skills: [],
  tiers: [],
  radiusM: 0,
  centreLat: '',
  centreLng: '',
  wanted: '',
  rallyAddress: '',
  rallyLat: '',
  rallyLng: '',
  deadlineMinutes: 60,
  items: '',
  mode: null,
  planName: '',
};

const coordinate = (s: string, max: number): number | null => {
  const n = Number(s);
  return s.trim() && Number.isFinite(n) && Math.abs(n) <= max ? n : null;
};

/** The typed point, or null when either number is missing or wrong. */
export function pointOf(lat: string, lng: string): { lat: number; lng: number } | null {
  const a = coordinate(lat, 90);
  const b = coordinate(lng, 180);
  return a === null || b === null ? null : { lat: a, lng: b };
}

/** The verification items, one a line, blank lines dropped. */
export function itemLines(text: string): string[] {
  return text
    .split(/\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** What is missing before the call-up can go, in plain words; null when it is ready. */
export function callupDraftProblem(d: CallupDraft): string | null {
  if (d.title.trim().length < 2) return '请填写标题（至少 2 个字）';
  if (d.title.trim().length > 60) return '标题最多 60 字';
  if (d.task.trim().length < 2) return '请填写任务内容';
  if (d.task.length > 1000) return `任务内容最多 1000 字，现在 ${d.task.length} 字`;
  if (!d.unitId) return '请选择派给哪个单位';
  if (d.radiusM > 0 && !pointOf(d.centreLat, d.centreLng)) return '按范围派发时，请先定位或填写范围中心的纬度和经度';
  if (d.wanted.trim() && !/^[1-9]\d{0,3}$/.test(d.wanted.trim())) return '需要人数请填 1–9999 的整数，或不填';
  if (!d.rallyAddress.trim()) return '请填写集合地点';
  if (!pointOf(d.rallyLat, d.rallyLng)) return '请点“用我的位置”或填写集合点的纬度和经度';
  if (d.kind === 'verification' && !itemLines(d.items).length) return '摸排指令请至少填写一项摸排对象（一行一项）';
  return null;
}

/** The target the draft aims at, or null while no unit is chosen or the radius has no valid centre. */
export function targetOf(d: CallupDraft): CallupTarget | null {
  if (!d.unitId) return null;
  const centre = d.radiusM > 0 ? pointOf(d.centreLat, d.centreLng) : null;
  if (d.radiusM > 0 && !centre) return null;
  return {
    unitId: d.unitId,
    teamId: d.teamId,
    skills: d.skills,
    tiers: d.tiers,
    radius: centre ? { ...centre, radiusM: d.radiusM } : null,
  };
}

const wantedOf = (d: CallupDraft) => (d.wanted.trim() ? Number(d.wanted.trim()) : null);

/** POST /admin/callups from a complete draft (callupDraftProblem first), the deadline counted from `nowMs`. */
export function callupRequestOf(d: CallupDraft, requestId: string, nowMs: number): CreateCallupRequest {
  return {
    requestId,
    kind: d.kind,
    ...(d.mode ? { mode: d.mode } : {}),
    title: d.title.trim(),
    task: d.task.trim(),
    rally: { address: d.rallyAddress.trim(), ...pointOf(d.rallyLat, d.rallyLng)! },
    deadlineAt: new Date(nowMs + d.deadlineMinutes * 60_000).toISOString(),
    target: targetOf(d)!,
    wanted: wantedOf(d),
    ...(d.kind === 'verification' ? { items: itemLines(d.items) } : {}),
  };
}

/** PUT/POST /admin/callup-plans from a complete draft. */
export function planRequestOf(d: CallupDraft): CallupPlanRequest {
  const { requestId: _unused, deadlineAt: _deadline, ...rest } = callupRequestOf(d, '', 0);
  return { ...rest, name: d.planName.trim(), mode: d.mode, deadlineMinutes: d.deadlineMinutes };
}

/** A plan as a draft, to launch after changes or to edit. */
export function draftFromPlan(p: CallupPlanResponse): CallupDraft {
  const r = p.target.radius;
  return {
    ...EMPTY_CALLUP_DRAFT,
    kind: p.kind,
    title: p.title,
    task: p.task,
    unitId: p.target.unitId,
    teamId: p.target.teamId ?? null,
    skills: p.target.skills ?? [],
    tiers: p.target.tiers ?? [],
    radiusM: r?.radiusM ?? 0,
    centreLat: r ? String(r.lat) : '',
    centreLng: r ? String(r.lng) : '',
    wanted: p.wanted ? String(p.wanted) : '',
    rallyAddress: p.rally.address,
    rallyLat: String(p.rally.lat),
    rallyLng: String(p.rally.lng),
    deadlineMinutes: p.deadlineMinutes,
    items: p.items.map((i) => i.label).join('\n'),
    mode: p.mode,
    planName: p.name,
  };
}

export interface UnitOption {
  id: number;
  name: string;
  /** 分局 / 派出所 / 社区, with the unit above */
  hint: string;
  level: string;
}

const LEVEL_WORDS: Record<string, string> = { city: '市局', branch: '分局', station: '派出所', community: '社区' };

/** The units a call-up can target, from the officer's org tree: branches, stations and communities, top down. */
export function unitOptions(tree: readonly OrgUnitNode[], parentName = ''): UnitOption[] {
  return tree.flatMap((n) => [
    ...(n.level in LEVEL_WORDS
      ? [
          {
            id: n.id,
            name: n.name,
            level: n.level,
            hint: `${LEVEL_WORDS[n.level]}${parentName ? ` · ${parentName}` : ''}`,
          },
        ]
      : []),
    ...unitOptions(n.children ?? [], n.name),
  ]);
}

// ── the live board ──

export const BOARD_POLL_MS = 3000;

/** The board's big figures, each in words. */
export function boardFigures(c: BoardResponse['counts']): { label: string; value: number }[] {
  return [
    ...(c.wanted ? [{ label: '需要', value: c.wanted }] : []),
    { label: '已通知', value: c.asked },
    { label: '已接受', value: c.accepted },
    { label: '已到达', value: c.arrived },
    { label: '已反馈', value: c.reported },
    { label: '不能参加', value: c.declined },
    { label: '微信送达', value: c.reachedPush },
    { label: '短信送达', value: c.reachedSms },
    { label: '无法推送', value: c.unreachablePush },
  ];
}

export type BoardGroup = '已反馈' | '已到达' | '已接受' | '未响应' | '不能参加';

const GROUP_OF: Record<RecipientStatus, BoardGroup> = {
  reported: '已反馈',
  arrived: '已到达',
  accepted: '已接受',
  asked: '未响应',
  declined: '不能参加',
};

/** The people in the board's lists, each group with the time that put them there (or when they were asked). */
export function boardGroups<
  P extends {
    status: RecipientStatus;
    askedAt: string;
    acceptedAt: string | null;
    arrivedAt: string | null;
    reportedAt: string | null;
    declinedAt: string | null;
  },
>(people: readonly P[]): { group: BoardGroup; people: { person: P; at: string }[] }[] {
  const order: BoardGroup[] = ['已接受', '已到达', '已反馈', '未响应', '不能参加'];
  const timeOf = (p: P) =>
    ({
      reported: p.reportedAt,
      arrived: p.arrivedAt,
      accepted: p.acceptedAt,
      declined: p.declinedAt,
      asked: p.askedAt,
    })[p.status] ?? p.askedAt;
  return order.map((group) => ({
    group,
    people: people
      .filter((p) => GROUP_OF[p.status] === group)
      .map((person) => ({ person, at: timeOf(person) }))
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
  }));
}

/** Branches to draw from, from the list of every station (id of the branch above and its stations' names). */
export function branchOptions(
  stations: readonly { parentId: number | null; name: string }[],
  ownBranchId: number | null,
) {
  const byBranch = new Map<number, string[]>();
  for (const s of stations)
    if (s.parentId !== null && s.parentId !== ownBranchId)
      byBranch.set(s.parentId, [...(byBranch.get(s.parentId) ?? []), s.name]);
  return [...byBranch.entries()].map(([id, names]) => ({
    id,
    label: `辖${names.slice(0, 2).join('、')}${names.length > 2 ? `等 ${names.length} 个所` : ''}的分局`,
  }));
}

// ── war-time ──

/** How long a declared war-time lasts, as big choices (hours). */
export const WARTIME_HOURS = [6, 12, 24, 72, 168] as const;

export function hoursLabel(h: number): string {
  return h % 24 === 0 ? `${h / 24} 天` : `${h} 小时`;
}

/** The period to declare: from the chosen Shanghai date and time (or now), for `hours`; null if the start is half-set. */
export function wartimePeriod(
  start: { date: string; time: string },
  hours: number,
  nowMs: number,
): { startsAt: string; endsAt: string } | null {
  if (!!start.date !== !!start.time) return null;
  const from = start.date ? Date.parse(`${start.date}T${start.time}:00+08:00`) : nowMs;
  if (!Number.isFinite(from)) return null;
  return { startsAt: new Date(from).toISOString(), endsAt: new Date(from + hours * 3_600_000).toISOString() };
}
