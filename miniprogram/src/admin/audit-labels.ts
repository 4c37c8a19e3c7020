/**
 * Chinese names of audit actions and target types. The server owns the codes
 * (server/src/modules/*); a code not listed yet is shown as it is rather than hidden.
 */
const ACTION_LABELS: Record<string, string> = {
  'staff.create': '新建工作人员账号',
  'staff.bind_wechat': '工作人员绑定微信',
  'pii.reveal': '查看完整个人信息',
};

const TARGET_LABELS: Record<string, string> = {
  user: '人员',
};

export function auditActionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}

export function auditTargetLabel(targetType: string): string {
  return TARGET_LABELS[targetType] ?? targetType;
}
