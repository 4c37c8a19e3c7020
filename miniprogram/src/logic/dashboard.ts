/**
 * The bureau's view (admin-dashboard sub-package): how rates, targets, rank changes, response speed and the
 * drill-down path read on the screen. Pure: every figure comes from the server.
 */

// ── rates and targets ──────────────────────────────────────────────────────────────────────

/** 0.8123 → '81.2%'; no denominator (null) → '—'. */
export function rateText(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || !Number.isFinite(rate)) return '—';
  const pct = Math.round(rate * 1000) / 10;
  return `${pct.toFixed(1)}%`;
}

/** 3 of 4 → 0.75; an empty roster has no rate (null), never 0 % or a division by zero. */
export function rateOf(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export interface TargetReading {
  /** '81.2% / 目标 80%' */
  text: string;
  /** 达标, 未达标 or 暂无数据: said in words, not only by colour. */
  verdict: '达标' | '未达标' | '暂无数据';
  met: boolean | null;
}

/** A rate against its target rate (both 0..1). */
export function rateAgainstTarget(rate: number | null, target: number | null): TargetReading {
  const targetText = target === null ? '' : ` / 目标 ${rateText(target).replace('.0%', '%')}`;
  if (rate === null) return { text: `—${targetText}`, verdict: '暂无数据', met: null };
  if (target === null) return { text: rateText(rate), verdict: '暂无数据', met: null };
  const met = rate + 1e-9 >= target;
  return { text: `${rateText(rate)}${targetText}`, verdict: met ? '达标' : '未达标', met };
}

/** A count against its target: 6,512 / 10,000 (65.1%). */
export function countAgainstTarget(count: number, target: number | null): TargetReading {
  const n = count.toLocaleString('en-US');
  if (target === null || target <= 0) return { text: n, verdict: '暂无数据', met: null };
  const met = count >= target;
  return {
    text: `${n} / ${target.toLocaleString('en-US')}（${rateText(count / target)}）`,
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

export type DrillLevel = 'city' | 'branch' | 'station' | 'company' | 'guards';

export interface DrillStep {
  level: DrillLevel;
  /** The org unit (or company) id; none for the city. */
  id?: number;
  name: string;
}

const NEXT: Record<DrillLevel, DrillLevel | null> = {
  city: 'branch',
  branch: 'station',
  station: 'company',
  company: 'guards',
  guards: null,
};

/** What a row opens: a branch's stations, a station's companies, a company's guards not yet joined. */
export function nextLevel(level: DrillLevel): DrillLevel | null {
  return NEXT[level];
}

export const DRILL_TITLES: Record<DrillLevel, string> = {
  city: '全市',
  branch: '各分局',
  station: '各派出所',
  company: '各保安单位',
  guards: '未加入的保安',
};

/** Where a viewer starts: a city officer at the branches, a branch officer at the stations, a station at its companies. */
export function startLevel(orgLevel: string): DrillLevel {
  if (orgLevel === 'branch') return 'station';
  if (orgLevel === 'station' || orgLevel === 'community') return 'company';
  return 'branch';
}

/** The breadcrumb as one line: 全市 › 蜀山分局 › 平湖派出所. */
export function breadcrumb(path: readonly DrillStep[]): string {
  return path.map((s) => s.name).join(' › ');
}

/** The path as a query value (ids and names), and back; a damaged value gives the empty path. */
export function encodePath(path: readonly DrillStep[]): string {
  return encodeURIComponent(JSON.stringify(path.map((s) => [s.level, s.id ?? 0, s.name])));
}

export function decodePath(value: string | undefined): DrillStep[] {
  if (!value) return [];
  try {
    const raw = JSON.parse(decodeURIComponent(value)) as unknown;
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((r): r is [DrillLevel, number, string] => Array.isArray(r) && r[0] in NEXT && typeof r[2] === 'string')
      .map(([level, id, name]) => (id ? { level, id: Number(id), name } : { level, name }));
  } catch {
    return [];
  }
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
