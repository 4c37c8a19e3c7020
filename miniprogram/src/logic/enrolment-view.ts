/**
 * Wording for the joining path (docs/product.md#people): what the applicant reads about their application, what
 * staff read in the review queue (stage, green channel, overdue), and the member card lines.
 */
import {
  APPLICATION_STATUS_LABELS,
  CRIMINAL_CHECK_RESULT_LABELS,
  type ApplicationResponse,
  type ApplicationStatus,
  type MyApplicationResponse,
  type VolunteerCardResponse,
} from '@jianghuai/shared';
import { businessDate, validateCreditCode } from '@jianghuai/shared';
import { formatDateTime } from './format';

export type Tone = 'waiting' | 'good' | 'bad';

export interface StatusView {
  tone: Tone;
  /** Big line, in words (colour is never the only signal). */
  title: string;
  /** What happens next / what to do. */
  detail: string;
  /** Reason given by the reviewer when rejected. */
  reason: string | null;
  canResubmit: boolean;
  /** Shown when approved: go and see the member card. */
  showCard: boolean;
}

export function applicationStatusView(
  app: Pick<MyApplicationResponse, 'status' | 'green' | 'rejectReason' | 'memberNo'>,
): StatusView {
  switch (app.status) {
    case 'pending_review':
      return {
        tone: 'waiting',
        title: '已提交，等待审核',
        detail: app.green
          ? '您是花名册中的持证保安员，走绿色通道，只需一步审核。结果会通过微信消息和“我的消息”通知您。'
          : '社区或派出所民警正在初审，通过后交分局审批。结果会通过微信消息和“我的消息”通知您。',
        reason: null,
        canResubmit: false,
        showCard: false,
      };
    case 'pending_approval':
      return {
        tone: 'waiting',
        title: '初审已通过，等待分局审批',
        detail: '分局审批通过后您即成为江淮义警，结果会通知您。',
        reason: null,
        canResubmit: false,
        showCard: false,
      };
    case 'approved':
      return {
        tone: 'good',
        title: '审核通过，欢迎加入江淮义警',
        detail: app.memberNo ? `您的义警编号：${app.memberNo}` : '您的义警编号正在生成。',
        reason: null,
        canResubmit: false,
        showCard: true,
      };
    case 'rejected':
      return {
        tone: 'bad',
        title: '未通过审核',
        detail: '请按下面的原因修改后重新提交；如有疑问，可联系所在派出所。',
        reason: app.rejectReason?.trim() || '审核民警未填写原因，请联系所在派出所。',
        canResubmit: true,
        showCard: false,
      };
  }
}

export function statusLabel(status: ApplicationStatus): string {
  return APPLICATION_STATUS_LABELS[status];
}

// ── staff: the review queue ─────────────────────────────────────────────────────────────────

export type QueueStage = 'review' | 'approval' | 'decided';

export const QUEUE_STAGE_LABELS: Record<QueueStage, string> = {
  review: '待初审',
  approval: '待分局审批',
  decided: '已办结',
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** "已等待 2 天" / "今天提交" — calendar days (Shanghai) since the submit date, so staff see how long someone waits. */
export function waitingLabel(submittedAt: string, now: number = Date.now()): string {
  const t = Date.parse(submittedAt);
  if (Number.isNaN(t)) return '';
  const days = Math.round((Date.parse(businessDate(new Date(now))) - Date.parse(businessDate(new Date(t)))) / DAY_MS);
  if (days <= 0) return '今天提交';
  return `已等待 ${days} 天`;
}

export interface QueueBadge {
  text: string;
  kind: 'green' | 'warn' | 'info';
}

/** Badges on a queue row, in words: 绿色通道, 超时, step count. */
export function queueBadges(
  app: Pick<ApplicationResponse, 'green' | 'overdue' | 'stage' | 'stepsTotal' | 'resubmissions'>,
): QueueBadge[] {
  const badges: QueueBadge[] = [];
  if (app.green) badges.push({ text: '绿色通道 · 一步审核', kind: 'green' });
  if (app.overdue && app.stage) badges.push({ text: '已超时，请尽快处理', kind: 'warn' });
  if (app.stage === 'approval') badges.push({ text: '初审已通过', kind: 'info' });
  if (app.resubmissions > 0) badges.push({ text: `修改后重新提交（第 ${app.resubmissions + 1} 次）`, kind: 'info' });
  return badges;
}

/** The approve button's words depend on what approving does at this step. */
export function approveLabel(app: Pick<ApplicationResponse, 'stage' | 'stepsTotal'>): string {
  if (app.stage === 'review' && app.stepsTotal === 2) return '初审通过，报分局审批';
  return '审批通过，成为义警';
}

export function criminalCheckLine(app: Pick<ApplicationResponse, 'criminalCheck'>): string {
  const c = app.criminalCheck;
  if (!c) return '尚未记录违法犯罪记录核查结果';
  return `${CRIMINAL_CHECK_RESULT_LABELS[c.result]}（核查人 ${c.checkedBy}，${formatDateTime(c.checkedAt)}；${c.recordedBy.name} 记录）`;
}

/** What blocks the approve button, in words; null when it may be pressed. */
export function approveBlocker(
  app: Pick<ApplicationResponse, 'stage' | 'criminalCheck'>,
  canApproveStage: boolean,
): string | null {
  if (!app.stage) return '该申请已办结';
  if (!canApproveStage) return '分局审批环节需由分局民警办理';
  if (!app.criminalCheck) return '请先记录违法犯罪记录核查结果，再审批通过';
  if (app.criminalCheck.result === 'record') return '核查结果为有违法犯罪记录，不能审批通过，请选择“不通过”并写明原因';
  return null;
}

// ── the member card ─────────────────────────────────────────────────────────────────────────

export function starsLabel(starLevel: number): string {
  const n = Math.max(0, Math.min(5, Math.floor(starLevel)));
  if (n === 0) return '尚未评星（服务满 50 小时评一星）';
  return `${'★'.repeat(n)}${'☆'.repeat(5 - n)} ${n} 星`;
}

export function skillExpiryLabel(skill: { expiresOn?: string | null; expired: boolean; expiresSoon: boolean }): string {
  if (!skill.expiresOn) return '长期有效';
  if (skill.expired) return `已于 ${skill.expiresOn} 过期，请尽快换证`;
  if (skill.expiresSoon) return `将于 ${skill.expiresOn} 到期，请及时换证`;
  return `有效期至 ${skill.expiresOn}`;
}

export function lastDutyLabel(
  card: Pick<VolunteerCardResponse, 'lastDutyAt' | 'daysUntilInactivityRevocation'>,
): string {
  const base = card.lastDutyAt ? formatDateTime(card.lastDutyAt).slice(0, 10) : '还没有履职记录';
  return base;
}

/** A warning when the 365-day inactivity rule is getting close (docs/product.md#volunteers-archive: warn 30 days before). */
export function inactivityWarning(days: number | null): string | null {
  if (days === null || days > 30) return null;
  if (days <= 0) return '您已超过一年未参加义警活动，资格即将取消，请尽快报名参加活动或联系派出所。';
  return `您已较长时间未参加义警活动，${days} 天后将取消义警资格。请尽快报名参加活动。`;
}

// ── the criminal-record check form ─────────────────────────────────────────────────────────

export interface CriminalCheckInput {
  result: 'clear' | 'record' | null;
  checkedBy: string;
  /** YYYY-MM-DD and HH:mm, Asia/Shanghai, as the pickers give them. */
  date: string;
  time: string;
  note: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** Today's date and time in Asia/Shanghai, for the pickers' defaults. */
export function shanghaiNow(now: number = Date.now()): { date: string; time: string } {
  const d = new Date(now + 8 * 60 * 60 * 1000);
  return {
    date: `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`,
    time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`,
  };
}

export type CriminalCheckBuild =
  | { ok: true; body: { result: 'clear' | 'record'; checkedBy: string; checkedAt: string; note: string | null } }
  | { ok: false; field: 'result' | 'checkedBy' | 'checkedAt'; message: string };

/** The recorded check (who, when, result), checked before it is sent. */
export function buildCriminalCheck(input: CriminalCheckInput, now: number = Date.now()): CriminalCheckBuild {
  if (!input.result) return { ok: false, field: 'result', message: '请选择核查结果' };
  const checkedBy = input.checkedBy.trim();
  if (!checkedBy) return { ok: false, field: 'checkedBy', message: '请填写核查人姓名' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.date) || !/^\d{2}:\d{2}$/.test(input.time)) {
    return { ok: false, field: 'checkedAt', message: '请选择核查日期和时间' };
  }
  const checkedAt = `${input.date}T${input.time}:00+08:00`;
  const t = Date.parse(checkedAt);
  if (Number.isNaN(t)) return { ok: false, field: 'checkedAt', message: '请选择核查日期和时间' };
  if (t > now + 60_000) return { ok: false, field: 'checkedAt', message: '核查时间不能晚于当前时间' };
  return {
    ok: true,
    body: { result: input.result, checkedBy, checkedAt: new Date(t).toISOString(), note: input.note.trim() || null },
  };
}

/** Reject needs a reason the applicant can act on (docs/product.md#applications-and-review). */
export function rejectReasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (!r) return '请填写不通过的原因，申请人会看到它并据此修改';
  if (r.length < 4) return '原因太简短，请写清楚需要申请人修改什么';
  if (r.length > 200) return '原因不能超过 200 字';
  return null;
}

// ── company manager: join rate ──────────────────────────────────────────────────────────────

export function percent(ratio: number): string {
  if (!Number.isFinite(ratio) || ratio <= 0) return '0%';
  return `${Math.round(Math.min(ratio, 1) * 1000) / 10}%`;
}

/** "入会率 75%，目标 80%，还差 1 人" — words, not only a coloured bar. */
export function joinRateText(r: { rosterSize: number; joinedCount: number; joinRate: number; target: number }): {
  met: boolean;
  text: string;
} {
  if (r.rosterSize === 0) return { met: false, text: '花名册还没有导入，暂无法计算入会率。请联系派出所导入。' };
  const needed = Math.max(0, Math.ceil(r.target * r.rosterSize - 1e-9) - r.joinedCount);
  const met = needed === 0;
  const head = `入会率 ${percent(r.joinRate)}（${r.joinedCount}/${r.rosterSize} 人），目标 ${percent(r.target)}`;
  return { met, text: met ? `${head}，已达标。` : `${head}，还差 ${needed} 人达标。` };
}

// ── org pickers ───────────────────────────────────────────────────────────────────────────

export interface OrgOption {
  id: number;
  name: string;
  level: string;
  /** Indented label: "雨山分局 › 平湖派出所". */
  label: string;
}

/** The scoped org tree as a flat list (for area filters and station pickers), optionally one level only. */
export function flattenOrg(
  tree: { id: number; name: string; level: string; children: unknown[] }[],
  level?: string,
  trail: string[] = [],
): OrgOption[] {
  const out: OrgOption[] = [];
  for (const node of tree) {
    const path = [...trail, node.name];
    if (!level || node.level === level)
      out.push({ id: node.id, name: node.name, level: node.level, label: path.slice(-2).join(' › ') });
    out.push(...flattenOrg(node.children as typeof tree, level, path));
  }
  return out;
}

// ── companies ─────────────────────────────────────────────────────────────────────────────

/** Live check of a unified social credit code (GB 32100), in words beside the field. */
export function creditCodeProblem(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  if (!code) return '请填写统一社会信用代码';
  if (code.length !== 18) return `统一社会信用代码应为 18 位，已输入 ${code.length} 位`;
  const result = validateCreditCode(code);
  if (result.ok) return null;
  return result.problem === 'format'
    ? '统一社会信用代码格式错误（不含 I、O、S、V、Z）'
    : '统一社会信用代码校验位错误，请核对后重新输入';
}

/** Row errors of a refused roster import, sorted by row, one line each. */
export function rosterErrorLines(details: unknown): string[] {
  const errors = (
    details as { errors?: { row: number; column: string | null; message: string; firstRow?: number }[] } | null
  )?.errors;
  if (!Array.isArray(errors)) return [];
  return [...errors]
    .sort((a, b) => a.row - b.row)
    .map(
      (e) =>
        `第 ${e.row} 行${e.column ? `「${e.column}」` : ''}：${e.message}${e.firstRow ? `（与第 ${e.firstRow} 行重复）` : ''}`,
    );
}
