/** What one error code means on the wire: the HTTP status it is answered with and the Chinese message. */
export interface ErrorSpec {
  readonly status: number;
  readonly message: string;
}

/**
 * The one table of errors: each stable code with its HTTP status and its Chinese message. The code
 * is the contract (clients switch on it); the status is the same wherever the code is thrown; the
 * message is what a person reads. A code without a status or a message does not compile. Later
 * domains append their own codes here.
 */
export const ERRORS = {
  // generic
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请检查后再试' },
  MALFORMED_JSON: { status: 400, message: '请求内容格式错误' },
  UNKNOWN_FIELD: { status: 400, message: '包含不允许的字段' },
  NOT_FOUND: { status: 404, message: '记录不存在或无权查看' },
  ROUTE_NOT_FOUND: { status: 404, message: '接口不存在' },
  INTERNAL_ERROR: { status: 500, message: '服务器开小差了，请稍后再试' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容太大' },
  MALFORMED_REQUEST: { status: 400, message: '请求格式错误（地址或请求头无效），请返回后重试' },
  REQUEST_TIMEOUT: { status: 408, message: '请求超时，请检查网络后重试' },
  URL_TOO_LONG: { status: 414, message: '请求地址太长' },
  HEADERS_TOO_LARGE: { status: 431, message: '请求头太大，请清理浏览器数据后重试' },
  CONFLICT: { status: 409, message: '数据已被修改，请刷新后再试' },
  // auth
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  TOKEN_EXPIRED: { status: 401, message: '登录已过期，请重新登录' },
  SESSION_ENDED: { status: 401, message: '本次登录已结束（已退出或已被注销），请重新登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 429, message: '密码错误次数过多，账号已临时锁定，请稍后再试' },
  ACCOUNT_DISABLED: { status: 401, message: '账号已停用，请联系管理员' },
  REFRESH_TOKEN_INVALID: { status: 401, message: '登录状态已失效，请重新登录' },
  REFRESH_TOKEN_REUSED: { status: 401, message: '检测到登录凭证被重复使用，已退出所有相关登录，请重新登录' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已过期，请重新进入小程序' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  WECHAT_PHONE_CODE_INVALID: { status: 400, message: '手机号验证失败，请重新获取手机号' },
  STAFF_PHONE_NOT_PROVISIONED: { status: 404, message: '该手机号没有对应的民警或工作人员账号，请联系管理员开通' },
  STAFF_ALREADY_BOUND: { status: 409, message: '该工作人员账号已绑定其他微信' },
  // staff / org
  USERNAME_TAKEN: { status: 409, message: '用户名已被使用' },
  PHONE_TAKEN: { status: 409, message: '该手机号已被其他账号使用' },
  ORG_UNIT_OUT_OF_SCOPE: { status: 403, message: '只能在本单位及下级单位内操作' },
  ROLE_NOT_ALLOWED_AT_LEVEL: { status: 400, message: '该角色不能设置在此级别的单位' },
  PII_FIELD_INVALID: { status: 400, message: '不支持查看该字段' },
  STAFF_SELF_ACTION: { status: 403, message: '不能对自己的账号执行此操作，请联系上级单位' },
  STAFF_ABOVE_ACTOR: { status: 403, message: '不能管理系统管理员账号' },
  UNIT_CONTACTS_LEVEL: { status: 400, message: '只有分局和派出所登记负责人和联络员' },
  // ── applications, companies, roster, volunteers (docs/product.md#people) ──
  COMPANY_CREDIT_CODE_INVALID: { status: 400, message: '统一社会信用代码格式错误（应为 18 位，不含 I、O、S、V、Z）' },
  COMPANY_CREDIT_CODE_CHECK_FAILED: { status: 400, message: '统一社会信用代码校验位错误，请核对后重新输入' },
  COMPANY_CREDIT_CODE_TAKEN: { status: 409, message: '该统一社会信用代码的单位已登记' },
  ORG_UNIT_NOT_STATION: { status: 400, message: '所选单位不是派出所' },
  ORG_UNIT_NOT_COMMUNITY: { status: 400, message: '所选单位不是社区' },
  COMPANY_MANAGER_INVALID: { status: 400, message: '所选账号不是保安从业单位管理员，或已关联其他单位' },
  COMPANY_NOT_LINKED: { status: 404, message: '您的账号尚未关联保安从业单位，请联系派出所' },
  COMPANY_IN_USE: { status: 409, message: '该单位已有花名册、义警或申请记录，不能删除' },
  SITE_IN_USE: { status: 409, message: '还有义警或申请填写了这个驻勤点，不能删除；请先修改驻勤点信息或调整相关人员' },
  ROSTER_FILE_REQUIRED: { status: 400, message: '请上传花名册文件（字段名 file）' },
  ROSTER_FILE_TYPE_UNSUPPORTED: { status: 415, message: '只支持 .xlsx 或 .csv（UTF-8）格式的花名册' },
  ROSTER_FILE_UNREADABLE: { status: 400, message: '花名册文件无法读取，请从保安监管信息系统重新导出' },
  ROSTER_HEADER_MISSING: {
    status: 400,
    message: '花名册缺少必需的列（姓名、身份证号、保安员证号、所属单位、是否持证）',
  },
  ROSTER_FILE_EMPTY: { status: 400, message: '花名册中没有数据行' },
  ROSTER_TOO_MANY_ROWS: { status: 400, message: '单个文件行数过多，请拆分后分别导入' },
  ROSTER_IMPORT_INVALID: { status: 422, message: '花名册中有错误行，整个文件未导入；请按行号修改后重新上传' },
  ROSTER_FILE_UNPACKED_TOO_LARGE: {
    status: 400,
    message: '花名册文件解压后过大或内含文件过多，请从保安监管信息系统重新导出',
  },
  ID_NUMBER_INVALID_FORMAT: { status: 400, message: '身份证号格式错误，应为 18 位（最后一位可以是 X）' },
  ID_NUMBER_INVALID_BIRTH_DATE: { status: 400, message: '身份证号中的出生日期无效，请核对' },
  ID_NUMBER_INVALID_CHECK_DIGIT: { status: 400, message: '身份证号校验位不正确，请核对是否输错' },
  APPLICANT_TOO_YOUNG: { status: 400, message: '年龄未达到申请条件（最低年龄见提示）' },
  APPLICANT_TOO_OLD: { status: 400, message: '年龄超过申请条件（最高年龄见提示）' },
  APPLICANT_ALREADY_MEMBER: { status: 409, message: '您已是江淮义警，无需重复申请' },
  APPLICATION_ALREADY_PENDING: { status: 409, message: '已有一份正在审核的申请，请耐心等待结果' },
  APPLICANT_REVOKED_COOL_OFF: { status: 409, message: '您的义警资格被取消未满规定期限，暂不能重新申请' },
  ID_NUMBER_ALREADY_REGISTERED: {
    status: 409,
    message: '该身份证号已有登记记录，不能用本手机号申请；如非本人操作，请联系所在派出所',
  },
  APPLICATION_RATE_LIMITED: { status: 429, message: '提交申请过于频繁，请稍后再试' },
  DECLARATION_NO_CRIMINAL_RECORD_REQUIRED: { status: 400, message: '请确认本人无违法犯罪记录' },
  DECLARATION_FITNESS_REQUIRED: { status: 400, message: '请确认本人身心健康、能够胜任义警工作' },
  AGREEMENT_NOT_SIGNED: { status: 400, message: '请阅读并签署《义警服务协议》' },
  AGREEMENT_VERSION_OUTDATED: { status: 400, message: '服务协议已更新，请重新阅读并签署最新版本' },
  PHONE_VERIFICATION_REQUIRED: { status: 400, message: '请先通过微信验证手机号' },
  COMPANY_REQUIRED_FOR_GUARD: { status: 400, message: '保安员请选择所在保安从业单位和驻勤点' },
  SITE_NOT_OF_COMPANY: { status: 400, message: '所选驻勤点不属于该单位' },
  APPLICATION_LOCATION_REQUIRED: { status: 400, message: '请选择驻勤点或居住社区，或允许获取位置，以便确定管理派出所' },
  NO_STATION_FOUND: { status: 400, message: '附近没有可分配的派出所，请选择居住社区' },
  APPLICATION_NOT_EDITABLE: { status: 409, message: '只有未通过的申请可以修改后重新提交' },
  APPLICATION_WRONG_STAGE: { status: 409, message: '该申请当前不在此审核环节' },
  CRIMINAL_CHECK_REQUIRED: { status: 400, message: '请先记录违法犯罪记录核查结果，再审批通过' },
  CRIMINAL_CHECK_FAILED: { status: 400, message: '违法犯罪记录核查未通过，不能审批通过' },
  CRIMINAL_CHECK_DATE_INVALID: { status: 400, message: '核查时间不能晚于当前时间' },
  REJECT_REASON_REQUIRED: { status: 400, message: '请填写不通过的原因' },
  REVIEW_SAME_PERSON: { status: 403, message: '初审与审批须由两名不同的工作人员完成，请由其他人员审批' },
  REVIEW_OWN_APPLICATION: { status: 403, message: '不能审核本人的入会申请' },
  REVIEW_ROSTER_CHANGED_BY_SELF: { status: 403, message: '该人员的花名册记录由您本人最近导入或修改，请由其他人员审批' },
  TRANSFER_SAME_STATION: { status: 400, message: '已经在该派出所管理，无需调整' },
  TRANSFER_ALREADY_PENDING: { status: 409, message: '已有一条待接收的跨分局调整，请等待对方处理' },
  TRANSFER_NOT_PENDING: { status: 409, message: '该调整已处理' },
  EXEMPTION_END_INVALID: { status: 400, message: '特殊情况的截止日期不能早于今天' },
  STATUS_REASON_REQUIRED: { status: 400, message: '调整义警状态须填写原因' },
  JOB_UNKNOWN: { status: 404, message: '没有这个定时任务' },
  // ── activities, sign-up, check-in, points ledger, insurance (docs/product.md#activities, #points) ──
  ACTIVITY_NOT_OPEN: { status: 409, message: '活动当前不在报名中' },
  ACTIVITY_SIGNUP_CLOSED: { status: 409, message: '报名已截止' },
  ACTIVITY_FULL: { status: 409, message: '活动名额已满' },
  ACTIVITY_ALREADY_SIGNED_UP: { status: 409, message: '您已报名该活动' },
  ACTIVITY_NOT_SIGNED_UP: { status: 409, message: '您没有报名该活动' },
  ACTIVITY_CANCEL_CLOSED: { status: 409, message: '已过取消截止时间，如有变动请联系民警' },
  ACTIVITY_SCHEDULE_CLASH: { status: 422, message: '您在同一时间已报名了其他活动' },
  ACTIVITY_VOLUNTEER_INACTIVE: { status: 422, message: '您的义警身份当前不可用，暂不能报名' },
  ACTIVITY_NOT_A_VOLUNTEER: { status: 403, message: '请先申请成为义警' },
  ACTIVITY_SKILL_REQUIRED: { status: 422, message: '该活动需要特定技能，您暂不符合' },
  ACTIVITY_TIER_REQUIRED: { status: 422, message: '该活动只面向指定层级的义警' },
  ACTIVITY_AGE_NOT_ALLOWED: { status: 422, message: '您的年龄不符合该活动要求' },
  ACTIVITY_INSURANCE_REQUIRED: { status: 422, message: '该活动需要有效的意外保险，请联系派出所办理' },
  ACTIVITY_AGREEMENT_REQUIRED: { status: 422, message: '请先签署义警服务协议' },
  ACTIVITY_INVALID_STATE: { status: 409, message: '活动当前状态不允许此操作' },
  ACTIVITY_INVALID_TIME: { status: 400, message: '活动时间不正确：结束时间须晚于开始时间，截止时间不能晚于开始时间' },
  ACTIVITY_CAPACITY_BELOW_CONFIRMED: { status: 400, message: '名额不能少于已报名成功的人数' },
  ACTIVITY_ORG_NOT_ALLOWED: { status: 400, message: '活动只能由市局、分局、派出所或社区发布；提议只能向派出所提出' },
  CHECKIN_NOT_CONFIRMED: { status: 422, message: '报名成功后才能签到' },
  CHECKIN_OUTSIDE_WINDOW: { status: 422, message: '不在签到时间内（活动开始前30分钟至结束）' },
  CHECKIN_OUT_OF_RANGE: { status: 422, message: '您不在活动地点范围内，请到现场后再签到' },
  CHECKIN_LOCATION_REQUIRED: { status: 400, message: '请允许获取位置后再签到' },
  CHECKIN_QR_EXPIRED: { status: 422, message: '二维码已过期，请扫描民警手机上的最新二维码' },
  CHECKIN_QR_INVALID: { status: 422, message: '二维码无效，请扫描民警手机上的签到码' },
  CHECKIN_QR_WRONG_ACTIVITY: { status: 422, message: '这不是本活动的签到码' },
  CHECKOUT_NOT_CHECKED_IN: { status: 409, message: '还没有签到，不能签退' },
  ATTENDANCE_NOT_ALLOWED: { status: 409, message: '活动结束后才能确认出勤' },
  ATTENDANCE_MINUTES_REQUIRED: { status: 400, message: '没有签到记录，请填写补录时长和说明' },
  ATTENDANCE_UNCONFIRMED: { status: 409, message: '还有已签到的义警未确认出勤' },
  PROPOSAL_NOT_PENDING: { status: 409, message: '该活动申请已处理' },
  PROPOSAL_STATION_NOT_ALLOWED: { status: 403, message: '只能向自己所属的派出所提议活动' },
  PROPOSAL_LIMIT_REACHED: { status: 409, message: '待审核的活动提议已达上限，请等派出所处理后再提' },
  CHECKOUT_BEFORE_START: { status: 422, message: '活动还没开始，不能签退' },
  ATTENDANCE_NOT_CHECKED_OUT: {
    status: 400,
    message: '该义警已签到但未签退，请选择按签到至活动结束计时，或填写补录时长和说明',
  },
  POINTS_INSUFFICIENT_BALANCE: { status: 409, message: '积分余额不足' },
  POINTS_ALREADY_REVERSED: { status: 409, message: '该笔积分已冲正' },
  POINTS_NOT_REVERSIBLE: { status: 409, message: '该笔记录不能冲正' },
  POINTS_BUSY: { status: 409, message: '积分正在变动，请稍后再试' },
  INSURANCE_POLICY_NO_TAKEN: { status: 409, message: '保单号已存在' },
  INSURANCE_INVALID_PERIOD: { status: 400, message: '保险期间不正确：结束须晚于开始' },
  TEAM_STATION_REQUIRED: { status: 400, message: '队伍须属于一个派出所' },
  TEAM_AREA_INVALID: { status: 400, message: '责任区域须为本所的社区，或填写网格描述' },
  TEAM_MEMBER_NOT_ELIGIBLE: { status: 422, message: '队长和队员须为本所在册的义警' },
  ACTIVITY_TEAM_ONLY: { status: 422, message: '该活动只面向本队队员，您不在这支队伍中' },
  ACTIVITY_TEAM_INVALID: { status: 400, message: '所选队伍不属于发布单位所在的派出所' },
  ACTIVITY_TEAM_CHANGE_LOCKED: {
    status: 409,
    message: '已有不在所选队伍中的义警报名，不能改为只面向这支队伍',
  },
  ACTIVITY_ORG_ABOVE_SCOPE: { status: 403, message: '只能以本单位或下级单位的名义发布活动' },
  // ── uploads (docs/product.md#uploads) ──
  FILE_REQUIRED: { status: 400, message: '请选择要上传的图片' },
  FILE_PURPOSE_UNKNOWN: { status: 400, message: '上传用途不正确' },
  FILE_TYPE_NOT_ALLOWED: { status: 415, message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
  FILE_TOO_LARGE: { status: 413, message: '照片太大，请换一张或压缩后再上传' },
  FILE_UNREADABLE: { status: 422, message: '照片已损坏或无法识别，请重新拍摄或换一张' },
  FILE_DAILY_LIMIT: { status: 429, message: '今天上传的照片已达上限，请明天再传' },
  FILE_ALREADY_ATTACHED: { status: 409, message: '这张照片已被使用，请重新上传' },
  // ── tips (docs/product.md#tips) ──
  TIP_NOT_VOLUNTEER: { status: 403, message: '只有在册义警才能提交线索' },
  TIP_PHOTO_INVALID: { status: 400, message: '照片无效或已被使用，请重新上传' },
  TIP_STATE_CHANGED: { status: 409, message: '线索状态已变化，请刷新后再操作' },
  TIP_ASSIGNEE_INVALID: { status: 400, message: '只能指派给负责该线索的单位或该单位的民警' },
  TIP_DUPLICATE_INVALID: { status: 400, message: '只能关联同一派出所的另一条原始线索' },
  TIP_OCCURRED_IN_FUTURE: { status: 400, message: '发生时间不能晚于现在' },
  TIP_GRADE_INVALID: { status: 400, message: '没有这个评级，请从列出的评级中选择' },
  TIP_GRADE_NOT_CLOSED: { status: 409, message: '线索办结后才能评级' },
  TIP_GRADE_POINTS_SPENT: { status: 409, message: '义警已使用了这条线索的奖励积分，不能撤销或改低评级' },
  // ── early warnings and situation bulletins (docs/alerts.md) ──
  ALERT_TARGET_INVALID: { status: 400, message: '请选择预警对象：派出所、社区、队伍，或地点和 100 米至 5 公里的范围' },
  ALERT_NO_RECIPIENTS: { status: 422, message: '所选范围内没有可接收预警的义警，请换一个范围' },
  BULLETIN_AREA_INVALID: { status: 400, message: '通报范围只能是本单位或下级的派出所、分局或市局' },
  BULLETIN_NO_AUDIENCE: { status: 422, message: '所选范围内没有可接收通报的义警或单位负责人' },
  BULLETIN_IMAGE_INVALID: { status: 400, message: '图片无效或已被使用，请重新上传' },
  // ── disputes and major-event reports (docs/disputes.md) ──
  DISPUTE_STATE_CHANGED: { status: 409, message: '纠纷状态已变化，请刷新后再操作' },
  DISPUTE_STATION_REQUIRED: { status: 400, message: '请选择纠纷所属的派出所（本单位或下级的派出所）' },
  DISPUTE_TIP_NOT_DISPUTE: { status: 400, message: '只有类别为矛盾纠纷的线索才能转为纠纷' },
  DISPUTE_TIP_CONVERTED: { status: 409, message: '这条线索已转为纠纷' },
  DISPUTE_MEDIATOR_INVALID: { status: 422, message: '调解员须是本所在册、具备调解技能的义警' },
  DISPUTE_STEP_IN_FUTURE: { status: 400, message: '工作记录的日期不能晚于今天' },
  INCIDENT_OCCURRED_IN_FUTURE: { status: 400, message: '事发时间不能晚于现在' },
  INCIDENT_ATTACHMENT_INVALID: { status: 400, message: '附件无效或已被使用，请重新上传' },
  INCIDENT_STATE_CHANGED: { status: 409, message: '报送状态已变化，请刷新后再操作' },
  // ── company supervision and data honesty (docs/supervision.md) ──
  INSPECTION_COMPANY_INVALID: { status: 400, message: '请选择本辖区内的保安从业单位' },
  INSPECTION_DATE_INVALID: { status: 400, message: '检查日期不能晚于今天' },
  INSPECTION_DEADLINE_REQUIRED: { status: 400, message: '有问题项或发现的问题时，请填写整改期限（不早于检查日期）' },
  INSPECTION_PHOTO_INVALID: { status: 400, message: '照片无效或已被使用，请重新上传' },
  INSPECTION_NOTHING_TO_RECTIFY: { status: 409, message: '这次检查没有需要整改的问题' },
  INSPECTION_STATE_CHANGED: { status: 409, message: '整改状态已变化，请刷新后再操作' },
  INSPECTION_RECTIFY_DATE_INVALID: { status: 400, message: '整改完成日期不能晚于今天，也不能早于检查日期' },
  HONESTY_FLAG_STATE_CHANGED: { status: 409, message: '这条核查记录已处理，请刷新后再看' },
  // ── points mall (docs/mall.md) ──
  MALL_OUT_OF_STOCK: { status: 409, message: '已兑完，库存不足' },
  MALL_LIMIT_REACHED: { status: 409, message: '已达到每人限兑数量' },
  MALL_POINTS_INSUFFICIENT: { status: 409, message: '积分不足，无法兑换' },
  MALL_OFF_SHELF: { status: 409, message: '该商品已下架' },
  MALL_ORDER_STATE_CHANGED: { status: 409, message: '订单状态已变化，请刷新后再操作' },
  MALL_PICKUP_INVALID: { status: 400, message: '请选择该商品可领取的服务站' },
  MALL_ORG_INVALID: { status: 400, message: '只能为本单位或下级单位上架商品' },
  MALL_STOCK_NEGATIVE: { status: 409, message: '库存不能调整到 0 以下' },
  MALL_STOCK_TOO_LARGE: { status: 409, message: '库存最多 10 亿件，请减少补货数量' },
  MALL_IMAGE_INVALID: { status: 400, message: '商品图片无效或已被使用，请重新上传' },
  MALL_PICKUP_NOT_FOUND: { status: 404, message: '没有找到这个领取码，请核对后重新输入或扫码' },
  MALL_PICKUP_USED: { status: 409, message: '这个领取码已经核销过了' },
  MALL_PICKUP_REFUNDING: { status: 409, message: '这笔订单正在退款，不能核销；请让义警联系积分商城运营' },
  MALL_PICKUP_TOO_MANY: { status: 429, message: '输错领取码的次数太多，请 10 分钟后再试' },
  MALL_ORDER_NOT_PAID: { status: 409, message: '只有已兑换（已付款）的订单才能备货' },
  MALL_ORDER_REFUNDING: { status: 409, message: '这笔订单正在退款，不能备货；退款失败后才能继续' },
  MALL_STATS_RANGE_INVALID: { status: 400, message: '统计的起止日期不对：开始不能晚于结束，最长一年' },
  // payment of the cash part and refunds (docs/mall.md#payment, #refunds)
  MALL_ORDER_NOT_PAYABLE: { status: 409, message: '该订单不是待付款状态，无需支付' },
  MALL_PAYER_UNKNOWN: { status: 409, message: '请在微信小程序内登录后再支付' },
  MALL_PAYMENT_UNAVAILABLE: { status: 503, message: '微信支付暂时不可用，请稍后再试' },
  MALL_REFUND_NOT_ALLOWED: {
    status: 409,
    message: '该订单当前不能退款（只有已兑换或待领取且未在退款中的订单可以退款）',
  },
  // ── targets, stage reports, ranking (docs/reports.md) ──
  TARGET_VALUE_INVALID: { status: 400, message: '目标值不对：人数、次数须为整数，比例须在 0 到 100% 之间' },
  TARGET_KEY_UNKNOWN: { status: 404, message: '没有这项目标' },
  REPORT_STAGE_NAME_TAKEN: { status: 409, message: '已有同名的阶段，请换一个名称' },
  REPORT_NARRATIVE_UNIT: { status: 403, message: '阶段工作情况由分局和派出所填写本单位的情况' },
  RANKING_PERIOD_INVALID: { status: 400, message: '通报的起止日期不对：开始不能晚于结束，结束不能晚于今天，最长一年' },
  RANKING_TITLE_TAKEN: { status: 409, message: '已有同名的晒比通报，请换一个标题（或刷新看看是否已发布）' },
  // ── callups ──
  CALLUP_WARTIME_UNIFIED: { status: 409, message: '该区域处于战时状态，由上级统一调度，派出所和社区不能在此发指令' },
  CALLUP_TARGET_INVALID: {
    status: 400,
    message: '请选择本单位或下级的分局、派出所或社区，队伍须属于该范围，范围半径 100 米至 5 公里',
  },
  CALLUP_MODE_NOT_ALLOWED: {
    status: 400,
    message: '本级单位不能使用这种调度模式：社区为日常，派出所为即时，分局和市局可选战时',
  },
  CALLUP_DEADLINE_INVALID: { status: 400, message: '截止时间须晚于现在，且不超过 7 天' },
  CALLUP_ITEMS_INVALID: { status: 400, message: '摸排指令须列出 1 至 50 个摸排对象；普通指令不能有摸排对象' },
  CALLUP_NO_RECIPIENTS: { status: 422, message: '所选范围内没有符合条件的在岗义警，请放宽条件' },
  CALLUP_REQUEST_REUSED: { status: 409, message: '这个请求编号已用于另一条指令，请重新发送' },
  CALLUP_CLOSED: { status: 409, message: '指令已结束' },
  CALLUP_DEADLINE_PASSED: { status: 409, message: '指令已过截止时间' },
  CALLUP_ALREADY_ANSWERED: { status: 409, message: '已经回复过这条指令' },
  CALLUP_NOT_ACCEPTED: { status: 409, message: '请先接受指令，再签到' },
  CALLUP_ALREADY_ARRIVED: { status: 409, message: '已经签到过了' },
  CALLUP_NOT_ARRIVED: { status: 409, message: '请先到达集合点签到，再提交反馈' },
  CALLUP_ALREADY_REPORTED: { status: 409, message: '已经提交过反馈' },
  CALLUP_TOO_FAR: { status: 422, message: '离集合点太远，请到达后再签到，或扫描现场民警出示的二维码' },
  CALLUP_QR_INVALID: { status: 422, message: '二维码已过期或不属于这条指令，请扫描最新的二维码' },
  CALLUP_REPORT_ITEMS_INVALID: { status: 400, message: '请为每个摸排对象选择结果（已找到、未找到或有变化）' },
  CALLUP_PHOTO_INVALID: { status: 400, message: '照片无效或已被使用，请重新上传' },
  CALLUP_DRAW_BRANCH_INVALID: { status: 400, message: '请选择另一个分局来抽调义警' },
  CALLUP_DRAW_EMPTY: { status: 422, message: '该分局人才库中没有符合条件、可抽调的义警' },
  CALLUP_DRAW_DECIDED: { status: 409, message: '这次抽调已经处理过了' },
  CALLUP_PLAN_NAME_TAKEN: { status: 409, message: '本单位已有同名预案，请换一个名称' },
  WARTIME_AREA_INVALID: { status: 400, message: '战时区域须是本分局辖区内的分局、派出所或社区（市局可选任意区域）' },
  WARTIME_PERIOD_INVALID: { status: 400, message: '战时时段有误：结束须晚于开始，且最长 30 天' },
  WARTIME_ALREADY_ENDED: { status: 409, message: '这个战时状态已经结束' },
  WARTIME_OVERLAP: { status: 409, message: '该区域在这段时间内已有战时状态' },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

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

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, code); // not Object.hasOwn: older WeChat runtimes lack it
}

/** The table's message for a code; an unknown code (e.g. from a newer server) reads as an internal error. */
export function messageFor(code: string): string {
  return (isErrorCode(code) ? ERRORS[code] : ERRORS.INTERNAL_ERROR).message;
}

/** The HTTP status a code is always answered with. */
export function statusFor(code: ErrorCode): number {
  return ERRORS[code].status;
}
