import type { AgreementResponse } from '@jianghuai/shared';

/**
 * The volunteer service agreement, versioned. A new text gets a new version here; applicants who
 * signed an older version are asked to sign again (AGREEMENT_VERSION_OUTDATED), and every
 * application records the version it signed and when.
 */
export const AGREEMENTS: AgreementResponse[] = [
  {
    version: '2022.1',
    title: '马鞍山市江淮义警志愿服务协议',
    publishedAt: '2022-04-01T00:00:00.000Z',
    body: [
      '一、本人自愿加入江淮义警队伍，在公安机关的组织和指导下参加治安巡逻、安全防范、宣传发动、矛盾纠纷排查化解等志愿服务，不以任何名义收取报酬。',
      '二、本人承诺无违法犯罪记录，身心健康，能够胜任义警工作；提交的个人信息真实、准确。',
      '三、本人服从公安机关的统一调度和管理，按规定佩戴义警标识、使用装备，不得以义警名义从事与志愿服务无关的活动，不得行使执法权。',
      '四、本人遵守保密规定，对在服务中知悉的警务信息、个人信息予以保密。',
      '五、连续一年未参加义警活动且无特殊情况的，视为自动退出，义警资格予以取消。',
      '六、公安机关按规定为义警办理意外伤害保险，对表现突出的义警给予积分奖励和表彰。',
      '七、本人同意公安机关为组织管理义警队伍之目的，依法处理本人的身份证号、手机号等个人信息。',
    ].join('\n'),
  },
];

export function currentAgreement(): AgreementResponse {
  return AGREEMENTS[AGREEMENTS.length - 1];
}
