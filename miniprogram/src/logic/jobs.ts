/**
 * The scheduled jobs page for the system administrator: what each job does and what its last run
 * changed, in words.
 */
import type { JobLeaseResponse, JobName } from '@jianghuai/shared';
import { formatDateTime } from './format';

export const JOB_LABELS: Record<JobName, { title: string; hint: string }> = {
  'inactivity-revocation': { title: '长期未履职注销', hint: '365 天无确认履职且无特殊情况的义警注销资格；到期前 30 天提醒本人' },
  'criminal-recheck-reminders': { title: '年度政审复核提醒', hint: '提醒管理派出所复核即将到期的义警' },
  'certificate-expiry-reminders': { title: '证书到期提醒', hint: '技能证书 30 天内到期时提醒义警本人' },
  'level-regrade': { title: '星级评定', hint: '按确认服务时长重新评定星级（每季度）' },
};

const RESULT_LABELS: Record<string, string> = {
  revoked: '注销',
  warned: '提醒',
  reminded: '提醒',
  regraded: '星级变动',
};

/** `{ revoked: 2, warned: 5 }` → “注销 2 人，提醒 5 人”; an empty result → “无需处理”. */
export function jobResultLine(result: Record<string, number> | null): string {
  if (!result) return '';
  const parts = Object.entries(result).map(([key, n]) => `${RESULT_LABELS[key] ?? key} ${n} 人`);
  return parts.length ? parts.join('，') : '无需处理';
}

/** The last-run line of a job card. */
export function lastRunLine(lease: Pick<JobLeaseResponse, 'lastRunAt' | 'lastResult'>): string {
  if (!lease.lastRunAt) return '还没有运行过';
  return `上次运行 ${formatDateTime(lease.lastRunAt)}：${jobResultLine(lease.lastResult)}`;
}

/** Whether another server holds the job right now (a run started here would do nothing). */
export function runningElsewhere(lease: Pick<JobLeaseResponse, 'leaseUntil'>, now: number = Date.now()): boolean {
  return !!lease.leaseUntil && Date.parse(lease.leaseUntil) > now;
}
