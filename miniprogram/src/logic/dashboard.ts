import { PAGES, pageUrl } from './routes';

/**
 * The bureau's view (admin-dashboard sub-package): how rates, targets, rank changes, response speed and the
 * drill-down path read on the screen. Pure: every figure comes from the server.
 */

// ── rates and targets ──────────────────────────────────────────────────────────────────────

/** A percent as the server gives it (one decimal): 81.2 → '81.2%'; no denominator (null) → '—'. */
export function pctText(pct: number | null | undefined): string {
  if (pct === null || pct === undefined || !Number.isFinite(pct)) return '—';
  return `${(Math.round(pct * 10) / 10).toFixed(1)}%`;
}

/** A target percent reads without a decimal where it has none: 80 → '80%', 62.5 → '62.5%'. */
export function targetPctText(pct: number): string {
  return `${pct}%`;
}

export interface TargetReading {
  /** '81.2% / 目标 80%' */
  text: string;
  /** 达标, 未达标 or 暂无数据: said in words, not only by colour. */
  verdict: '达标' | '未达标' | '暂无数据';
  met: boolean | null;
}

/** A rate against its target rate, both in percent. */
export function rateAgainstTarget(pct: number | null, targetPct: number | null): TargetReading {
  const targetText = targetPct === null ? '' : ` / 目标 ${targetPctText(targetPct)}`;
  if (pct === null) return { text: `—${targetText}`, verdict: '暂无数据', met: null };
  if (targetPct === null) return { text: pctText(pct), verdict: '暂无数据', met: null };
  const met = pct + 1e-9 >= targetPct;
  return { text: `${pctText(pct)}${targetText}`, verdict: met ? '达标' : '未达标', met };
}

/** 6512 → '6,512'. */
export function countText(n: number): string {
  return n.toLocaleString('en-US');
}

/** A count against its target: 6,512 / 10,000（65.1%）. */
export function countAgainstTarget(count: number, target: number | null): TargetReading {
  if (target === null || target <= 0) return { text: countText(count), verdict: '暂无数据', met: null };
  const met = count >= target;
  const pct = Math.round((count * 1000) / target) / 10;
  return {
    text: `${countText(count)} / ${countText(target)}（${pctText(pct)}）`,
    verdict: met ? '达标' : '未达标',
    met,
  };
}

// ── ranking ────────────────────────────────────────────────────────────────────────────────

export interface RankChange {
  arrow: '↑' | '↓' | '—' | '新';
  /** In words for the table and screen readers: 上升 2 位, 下降 1 位, 持平, 新上榜. */
  text: string;
  tone: 'up' | 'down' | 'same' | 'new';
}

/** Rank 1 is best: from 4th to 2nd is up 2. No previous report (or not ranked in it) is 新上榜. */
export function rankChange(rank: number, previousRank: number | null | undefined): RankChange {
  if (previousRank === null || previousRank === undefined) return { arrow: '新', text: '新上榜', tone: 'new' };
  const diff = previousRank - rank;
  if (diff > 0) return { arrow: '↑', text: `上升 ${diff} 位`, tone: 'up' };
  if (diff < 0) return { arrow: '↓', text: `下降 ${-diff} 位`, tone: 'down' };
  return { arrow: '—', text: '持平', tone: 'same' };
}

/** Ranks where ties share a rank (1, 1, 3): higher is better unless `lowerIsBetter`; null values come last. */
export function sharedRanks(values: readonly (number | null)[], lowerIsBetter = false): (number | null)[] {
  const better = (a: number, b: number) => (lowerIsBetter ? a < b : a > b);
  return values.map((v) => {
    if (v === null) return null;
    return 1 + values.filter((o) => o !== null && better(o, v)).length;
  });
}

// ── call-up response speed ─────────────────────────────────────────────────────────────────

/** Median seconds to accept a call-up: 95 → '1 分 35 秒'; none measured → '暂无数据'; not built → '暂未开放'. */
export function responseSpeedText(seconds: number | null | undefined, available = true): string {
  if (!available) return '暂未开放';
  if (seconds === null || seconds === undefined) return '暂无数据';
  const s = Math.round(seconds);
  if (s < 60) return `${s} 秒`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} 分 ${s % 60} 秒` : `${m} 分钟`;
  return `${Math.floor(m / 60)} 小时 ${m % 60} 分`;
}

// ── drill-down ─────────────────────────────────────────────────────────────────────────────

/** The lists behind the figures (admin-dashboard/list): each takes the unit it is about, or a company. */
export type DashboardList = 'join' | 'missing' | 'certified' | 'no-team' | 'weekly' | 'overdue';

export const LIST_TITLES: Record<DashboardList, string> = {
  join: '入会率',
  missing: '未加入的保安',
  certified: '未加入的持证保安',
  'no-team': '没有活跃队伍的派出所',
  weekly: '每周勤务',
  overdue: '超时未审的申请',
};

/** The list page for a unit (none: the viewer's own) or, for 未加入的保安, a company. */
export function listUrl(kind: DashboardList, id?: number): string {
  if (id === undefined) return pageUrl(PAGES.dashboardList, { kind });
  return pageUrl(PAGES.dashboardList, kind === 'missing' ? { kind, companyId: id } : { kind, unitId: id });
}

/**
 * What a join-rate row opens: a branch its stations, a station its companies, a company the roster guards who
 * have not joined (branch → station → company → 未加入的保安).
 */
export function joinRowUrl(row: { kind: 'unit' | 'company'; id: number }): string {
  return row.kind === 'company' ? listUrl('missing', row.id) : listUrl('join', row.id);
}

/** The child units a level's table shows: the city its branches, a branch its stations, a station its communities. */
export function childLabel(level: string): string {
  if (level === 'city') return '分局';
  if (level === 'branch') return '派出所';
  return '社区';
}

/** A list page's query back as the list and its subject; a damaged query gives null (the page says so). */
export function parseListQuery(
  params: Record<string, string | undefined>,
): { kind: DashboardList; unitId?: number; companyId?: number } | null {
  const kind = params.kind as DashboardList | undefined;
  if (!kind || !(kind in LIST_TITLES)) return null;
  const id = (v: string | undefined) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);
  if (kind === 'missing') {
    const companyId = id(params.companyId);
    return companyId ? { kind, companyId } : null;
  }
  return { kind, unitId: id(params.unitId) };
}

// ── stage reports ──────────────────────────────────────────────────────────────────────────

/** Late when submitted after the due date (both Shanghai dates, YYYY-MM-DD). */
export function isLate(submittedOn: string | null, dueDate: string): boolean {
  return submittedOn !== null && submittedOn > dueDate;
}

/** 截止 2026-11-29（已过期） — what a branch or station reads above its narrative form. */
export function dueText(dueDate: string, today: string): string {
  if (today > dueDate) return `截止 ${dueDate}（已过截止日期，现在提交记为逾期）`;
  if (today === dueDate) return `截止 ${dueDate}（今天截止）`;
  return `截止 ${dueDate}`;
}

/** What is missing from a new stage, in words; null when it can be saved. */
export function stageProblem(name: string, dueDate: string): string | null {
  if (!name.trim()) return '请填写阶段名称';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(dueDate)) return '请选择截止日期';
  return null;
}

/** What is wrong with a ranking to publish, in words; null when it can be published. */
export function rankingProblem(title: string, start: string, end: string, today: string): string | null {
  if (!title.trim()) return '请填写通报标题';
  if (!start || !end) return '请选择统计开始和截止日期';
  if (start > end) return '开始日期不能晚于截止日期';
  if (end > today) return '截止日期不能晚于今天';
  return null;
}

// ── targets ────────────────────────────────────────────────────────────────────────────────

/** 10000 人, 80% — a target's value as the city set it. */
export function targetValueText(unit: 'count' | 'percent', value: number, unitLabel: string): string {
  return unit === 'percent' ? `${value}%` : `${countText(value)} ${unitLabel}`;
}

/** A typed target: a whole count, or a percentage 0–100 with one decimal at most. */
export function targetInput(unit: 'count' | 'percent', text: string): { value: number } | { problem: string } {
  const t = text.trim().replace(/%$/, '').trim();
  if (unit === 'count') {
    if (!/^\d+$/.test(t) || Number(t) < 1) return { problem: '请填写整数，如 10000' };
    if (Number(t) > 1_000_000) return { problem: '数字太大，请检查是否多写了 0' };
    return { value: Number(t) };
  }
  if (!/^\d+(\.\d)?$/.test(t) || Number(t) > 100) return { problem: '请填写 0 到 100 之间的百分数，最多一位小数' };
  return { value: Number(t) };
}
