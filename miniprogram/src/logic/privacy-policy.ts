/**
 * The 隐私政策 as data: the page (pages/privacy) draws it, and unit tests hold it to the product's rules
 * (docs/product.md#privacy). Change the words here, and raise PRIVACY_POLICY_VERSION (logic/privacy.ts) when the
 * substance changes, so everyone is asked again.
 */

/**
 * Who answers questions and requests about personal data: the bureau's unit running 江淮义警. A deployment for
 * another bureau changes these lines (and nothing else).
 */
export const PRIVACY_CONTACT = {
  unit: '马鞍山市公安局 江淮义警工作办公室',
  how: '可向您所属派出所的民警提出，或到所属派出所当面办理；我们在 15 个工作日内答复。',
} as const;

export interface PolicySection {
  key: string;
  title: string;
  items: string[];
}

export const PRIVACY_POLICY: readonly PolicySection[] = [
  {
    key: 'collect',
    title: '一、我们收集哪些信息',
    items: [
      '姓名、身份证号：申请加入义警时填写，用于核实身份和年龄、政审。',
      '手机号：经微信验证后取得，用于核实身份和联系您。',
      '照片：您上传的证件照或活动照片。',
      '位置：仅在您签到、查看活动距离、申请时确定派出所等使用时读取，不在后台持续获取。',
      '微信标识（openid）：用于登录和发送您订阅的消息。',
      '活动记录：报名、签到签退、服务时长、积分和消息。',
    ],
  },
  {
    key: 'why',
    title: '二、为什么收集',
    items: [
      '审核您的入队申请，确定管理您的派出所。',
      '组织活动：报名、签到、确认出勤、记录服务时长和积分。',
      '向您发送审核结果、活动提醒、服务确认和积分到账等消息。',
    ],
  },
  {
    key: 'retention',
    title: '三、保存多久',
    items: [
      '未通过或已撤回的申请：自结果产生起保存 1 年，期满删除。',
      '义警的身份信息和活动记录：在队期间保存；离队后保存 3 年（用于服务证明和查询），期满删除或匿名化。',
      '签到位置随出勤记录保存，期限同上；消息保存 1 年。',
      '操作日志按法律要求保存 3 年。',
    ],
  },
  {
    key: 'who',
    title: '四、谁能看到',
    items: [
      '只有管理您的公安机关民警（社区、派出所、分局、市局，按所属范围）能查看，用于审核和管理。',
      '保安从业单位管理员只能看到本单位保安的入队情况，号码只显示部分。',
      '我们不会向其他单位或个人出售、提供您的信息，法律法规另有规定的除外。',
    ],
  },
  {
    key: 'protect',
    title: '五、如何保护',
    items: [
      '身份证号、手机号加密保存，页面上只显示部分号码（如 138****5678）。',
      '民警查看完整号码需有权限，并留有记录。',
      '数据通过加密连接传输，存放在公安机关的服务器上。',
    ],
  },
  {
    key: 'rights',
    title: '六、您的权利',
    items: [
      '查阅、更正：在“我的”查看您的信息；信息有误可申请更正。',
      '删除：撤回申请或离队后，可要求删除您的信息（法律要求保存的除外）。',
      '撤回同意：可在微信“设置 → 隐私”中关闭位置等授权；撤回后需要该信息的功能（如按位置签到）将无法使用，扫码签到等其他功能不受影响。',
    ],
  },
  {
    key: 'contact',
    title: '七、联系我们',
    items: [`负责单位：${PRIVACY_CONTACT.unit}。`, PRIVACY_CONTACT.how],
  },
];
