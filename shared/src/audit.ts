/**
 * Every action the audit log records (docs/product.md#roles-and-org-scope), with the words staff read on the 操作日志 page.
 * The server only writes codes listed here (its `AuditEntry.action` is typed by this list), so a
 * new action cannot appear on the page as a bare code.
 */
export const AUDIT_ACTION_LABELS = {
  'staff.create': '新建工作人员账号',
  'staff.bind_wechat': '工作人员绑定微信',
  'pii.reveal': '查看完整个人信息',
  'application.criminal_check': '记录申请人违法犯罪记录核查',
  'application.review_pass': '入会初审通过',
  'application.approve': '批准入会',
  'application.reject': '退回入会申请',
  'application.id_conflict': '用他人已登记的身份证号申请',
  'application.rate_limited': '申请提交过于频繁被拦截',
  'company.create': '登记保安从业单位',
  'company.update': '修改单位信息',
  'company.delete': '删除单位',
  'company.site.create': '新增驻勤点',
  'company.site.update': '修改驻勤点',
  'company.site.delete': '删除驻勤点',
  'roster.import': '导入花名册',
  'roster.guard.change': '修改花名册人员（姓名、证号、持证状态或所属单位）',
  'talent_pool.export': '导出人才资源库',
  'volunteer.update': '编辑义警档案',
  'volunteer.exemption.create': '登记特殊情况',
  'volunteer.criminal_recheck': '记录年度政审复核',
  'volunteer.revoke_inactive': '长期未履职注销资格',
  'volunteer.reassign': '调整管理派出所',
  'volunteer.transfer.request': '申请跨分局调整',
  'volunteer.transfer.accept': '接收跨分局调整',
  'volunteer.transfer.decline': '拒绝跨分局调整',
  'activity.create': '新建活动',
  'activity.update': '修改活动',
  'activity.publish': '发布活动',
  'activity.cancel': '取消活动',
  'activity.settle': '活动结算',
  'activity.proposal.approve': '批准活动提议并发布',
  'activity.proposal.reject': '驳回活动提议',
  'activity.signup.confirm': '确认报名',
  'activity.signup.reject': '拒绝报名',
  'activity.attendance.confirm': '确认出勤',
  'activity.attendance.absent': '记为缺勤',
  'points.reverse': '积分冲正',
  'insurance.policy.create': '登记保险保单',
  'insurance.enrol': '保单批量投保',
  'job.run': '立即运行定时任务',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

export const AUDIT_TARGET_LABELS = {
  user: '人员',
  application: '入会申请',
  company: '单位',
  service_site: '驻勤点',
  roster: '花名册',
  volunteer: '义警',
  activity: '活动',
  activity_signup: '活动报名',
  points_ledger_entry: '积分流水',
  insurance_policy: '保险保单',
  job: '定时任务',
} as const;
export type AuditTargetType = keyof typeof AUDIT_TARGET_LABELS;
