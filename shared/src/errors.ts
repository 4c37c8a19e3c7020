/**
 * Stable error codes with their Chinese messages. The code is the contract (clients switch on
 * it); the message is what a person reads. Later domains append their own codes here.
 */
export const ERROR_MESSAGES = {
  // generic
  VALIDATION_FAILED: '提交的内容有误，请检查后再试',
  MALFORMED_JSON: '请求内容格式错误',
  UNKNOWN_FIELD: '包含不允许的字段',
  NOT_FOUND: '记录不存在或无权查看',
  ROUTE_NOT_FOUND: '接口不存在',
  INTERNAL_ERROR: '服务器开小差了，请稍后再试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  CONFLICT: '数据已被修改，请刷新后再试',
  // auth
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  FORBIDDEN: '没有权限执行此操作',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ACCOUNT_LOCKED: '密码错误次数过多，账号已临时锁定，请稍后再试',
  ACCOUNT_DISABLED: '账号已停用，请联系管理员',
  REFRESH_TOKEN_INVALID: '登录状态已失效，请重新登录',
  REFRESH_TOKEN_REUSED: '检测到登录凭证被重复使用，已退出所有相关登录，请重新登录',
  WECHAT_CODE_INVALID: '微信登录凭证无效或已过期，请重新进入小程序',
  WECHAT_UNAVAILABLE: '微信服务暂时不可用，请稍后再试',
  WECHAT_PHONE_CODE_INVALID: '手机号验证失败，请重新获取手机号',
  STAFF_PHONE_NOT_PROVISIONED: '该手机号没有对应的民警或工作人员账号，请联系管理员开通',
  STAFF_ALREADY_BOUND: '该工作人员账号已绑定其他微信',
  // staff / org
  USERNAME_TAKEN: '用户名已被使用',
  PHONE_TAKEN: '该手机号已被其他账号使用',
  ORG_UNIT_OUT_OF_SCOPE: '只能在本单位及下级单位内操作',
  ROLE_NOT_ALLOWED_AT_LEVEL: '该角色不能设置在此级别的单位',
  PII_FIELD_INVALID: '不支持查看该字段',
  // ── applications, companies, roster, volunteers (SPEC §2) ──
  // ── activities, sign-up, check-in, points ledger, insurance (SPEC §3, §6 ledger) ──
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The one error shape every failing API call returns. */
export interface ApiError {
  code: ErrorCode | string;
  message: string;
  details?: unknown;
  requestId?: string;
}

export interface FieldErrorDetail {
  field: string;
  message: string;
}

export function messageFor(code: string): string {
  return (ERROR_MESSAGES as Record<string, string>)[code] ?? ERROR_MESSAGES.INTERNAL_ERROR;
}
