import type { NotificationTemplate } from '@jianghuai/shared';

/**
 * Subscribe-message templates (docs/product.md#notifications). `longTerm` templates (政务民生 category) need no fresh
 * consent per push; one-time ones spend one consent each. Their WeChat template ids are configuration
 * (config/notifications.config.ts).
 */
export const NOTIFICATION_TEMPLATES = {
  application_result: { label: '申请审核结果', longTerm: false },
  activity_reminder: { label: '活动提醒', longTerm: false },
  activity_changed: { label: '活动变动通知', longTerm: false },
  signup_result: { label: '报名结果', longTerm: false },
  callup: { label: '调度指令', longTerm: true },
  tip_result: { label: '线索处理结果', longTerm: false },
  order_status: { label: '订单状态', longTerm: false },
  transfer_confirm: { label: '转账待确认', longTerm: false },
  duty_warning: { label: '履职提醒', longTerm: false },
  certificate_expiry: { label: '证书到期提醒', longTerm: false },
  criminal_recheck: { label: '政审复核提醒', longTerm: false },
  attendance_confirmed: { label: '服务确认通知', longTerm: false },
  points_credited: { label: '积分到账提醒', longTerm: false },
  points_changed: { label: '积分变动提醒', longTerm: false },
  review_overdue: { label: '审核超时提醒', longTerm: false },
  station_transfer: { label: '义警调入待接收', longTerm: false },
  tip_escalated: { label: '紧急线索超时未受理', longTerm: false },
  dispute_mediator: { label: '纠纷调解任务', longTerm: false },
  incident_report: { label: '重大事项报送', longTerm: false },
  incident_overdue: { label: '重大事项超时未受理', longTerm: false },
  alert_warning: { label: '预警提醒', longTerm: false },
  situation_bulletin: { label: '治安状况通报', longTerm: false },
  mall_paid: { label: '订单支付成功', longTerm: false },
  mall_refunded: { label: '退款到账通知', longTerm: false },
  mall_bill_mismatch: { label: '对账异常提醒', longTerm: false },
} as const satisfies Record<NotificationTemplate, { label: string; longTerm: boolean }>;

export type { NotificationTemplate };
