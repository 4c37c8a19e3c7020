/**
 * The scheduled jobs page for the system administrator: what each job does and what its last run
 * changed, in words.
 */
import type { JobLeaseResponse, JobName } from '@jianghuai/shared';
import { formatDateTime } from './format';

export const JOB_LABELS: Record<JobName, { title: string; hint: string }> = {
  'inactivity-revocation': {
    title: '长期未履职注销',
    hint: '365 天无确认履职且无特殊情况的义警注销资格；到期前 30 天提醒本人',
  },
  'criminal-recheck-reminders': { title: '年度政审复核提醒', hint: '提醒管理派出所复核即将到期的义警' },
  'certificate-expiry-reminders': { title: '证书到期提醒', hint: '技能证书 30 天内到期时提醒义警本人' },
  'level-regrade': { title: '星级评定', hint: '按确认服务时长重新评定星级（每季度）' },
  'activity-upkeep': {
    title: '活动状态维护',
    hint: '活动按时开始、结束；结束后未签退的自动签退并标注；报名人数不足时提醒；空出的名额按顺序递补',
  },
  'activity-reminders': { title: '活动开始提醒', hint: '活动开始前 1 小时提醒每位报名成功的义警（每人一次）' },
  'notification-retries': {
    title: '消息推送重试',
    hint: '微信推送失败的消息按 1 分钟、5 分钟、30 分钟、2 小时逐次重试',
  },
  'review-sla-warnings': {
    title: '审核超时提醒',
    hint: '申请等待审核超过时限时，提醒负责该环节的审核民警（每份申请每个环节一次）',
  },
  'sms-delivery': {
    title: '短信发送',
    hint: '发出集结令、紧急预警的短信；发送失败的按 1、2、4、8 分钟逐次重试，每个号码每天有上限',
  },
  'tip-escalation': {
    title: '紧急线索超时上报',
    hint: '紧急线索超过时限（默认 10 分钟）未受理时，上报分局并提醒分局处理线索的民警（每条一次）',
  },
  'incident-report-overdue': {
    title: '重大事项超时未受理',
    hint: '保安从业单位报送的重大事项超过时限（紧急默认 1 小时、重大默认 24 小时）未受理时，提醒分局处理报送的民警（每份一次）',
  },
  'mall-unpaid-cancel': {
    title: '未付款订单取消',
    hint: '积分商城里需另付现金的订单 15 分钟内未付款的自动取消（取消前先向微信支付查询，已付的记为已付），库存和积分各退回一次',
  },
  'mall-pay-reconcile': {
    title: '商城支付对账',
    hint: '发起支付 2 分钟后仍未收到微信支付通知的订单，向微信支付查询，已付款的记为已付',
  },
  'mall-refund-query': {
    title: '商城退款查询',
    hint: '退款处理中的订单向微信支付查询，退款成功的退回积分和库存（每单一次）',
  },
  'mall-trade-bill': {
    title: '微信支付对账单核对',
    hint: '每天 10 点后下载前一天的微信支付交易账单，与商城订单核对（每天一次，账单未出则下个小时再试），不一致的通知商城运营人员',
  },
  'points-expiry': {
    title: '积分过期',
    hint: '按积分有效期（默认不过期）把到期仍未用完的积分记为过期，每批积分只记一次',
  },
  'points-expiry-notice': {
    title: '积分到期提醒',
    hint: '积分到期前 30 天提醒义警尽快使用，同一年获得的积分只提醒一次',
  },
  'honesty-scan': {
    title: '数据核查',
    hint: '每小时查看新的签到、出勤和审批记录，把短时间内多地签到、未签到却确认出勤、时长超出活动时段、申请人与花名册姓名不符的记录列入数据核查（每条一次）',
  },
  'stats-refresh': {
    title: '看板数据更新',
    hint: '每 10 分钟把工作看板的统计数据与业务记录对齐，看板只读这些统计',
  },
};

const RESULT_LABELS: Record<string, string> = {
  revoked: '注销',
  warned: '提醒',
  reminded: '提醒',
  regraded: '星级变动',
  started: '开始',
  finished: '结束',
  autoCheckedOut: '自动签退',
  underfilledWarned: '人数不足提醒',
  promoted: '递补',
  tried: '重试',
  sent: '推送成功',
  failed: '仍失败',
  smsSent: '短信发出',
  smsRetrying: '短信稍后重试',
  smsFailed: '短信失败',
  smsOverLimit: '超出每日上限',
  escalated: '上报线索',
  notified: '提醒民警',
  cancelled: '取消订单',
  checked: '查询微信支付',
  paid: '记为已付',
  refunded: '退款完成',
  billRows: '账单笔数',
  mismatches: '对账不一致',
  expiredLots: '积分过期',
  expiredPoints: '过期积分',
  rapidCheckins: '多地签到疑点',
  attendance: '出勤与时长疑点',
  rosterNameMismatch: '姓名不符疑点',
};

/** Units: activities for the activity counters, messages for the push counters, people otherwise. */
const RESULT_UNITS: Record<string, string> = {
  rapidCheckins: '条',
  attendance: '条',
  rosterNameMismatch: '条',
  started: '个活动',
  finished: '个活动',
  underfilledWarned: '个活动',
  tried: '条',
  sent: '条',
  failed: '条',
  smsSent: '条',
  smsRetrying: '条',
  smsFailed: '条',
  smsOverLimit: '条',
  escalated: '条',
  cancelled: '笔',
  checked: '笔',
  paid: '笔',
  refunded: '笔',
  billRows: '笔',
  mismatches: '笔',
  expiredLots: '批',
  expiredPoints: '分',
};

/** `{ revoked: 2, warned: 5 }` → “注销 2 人，提醒 5 人”; an empty result → “无需处理”. */
export function jobResultLine(result: Record<string, number> | null): string {
  if (!result) return '';
  const parts = Object.entries(result).map(
    ([key, n]) => `${RESULT_LABELS[key] ?? key} ${n} ${RESULT_UNITS[key] ?? '人'}`,
  );
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

/** How often a job runs by itself, in words: 每分钟 / 每天 / 每季度第一天 / 每 N 分钟. */
export function everyLine(every: JobLeaseResponse['every'] | undefined): string {
  if (every === undefined) return '';
  if (every === 'quarterly') return '每季度第一天运行';
  if (every === 1) return '每分钟运行';
  if (every % 1440 === 0) return every === 1440 ? '每天运行' : `每 ${every / 1440} 天运行`;
  if (every % 60 === 0) return `每 ${every / 60} 小时运行`;
  return `每 ${every} 分钟运行`;
}

/** The next-run line: when the schedule runs it next, or that this server runs it only by hand. */
export function nextRunLine(lease: Pick<JobLeaseResponse, 'nextRunAt' | 'every'>, now: number = Date.now()): string {
  if (!lease.nextRunAt) return '本服务器未开启定时运行，只能手动运行';
  const at = Date.parse(lease.nextRunAt);
  return `${everyLine(lease.every)}，下次运行 ${at <= now + 60_000 ? '即将运行' : formatDateTime(lease.nextRunAt)}`;
}
