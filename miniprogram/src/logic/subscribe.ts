import type { SubscribeTemplateKey } from '../services/activities';

/**
 * WeChat subscribe-message template ids by the server's template key. The server sends with
 * `WECHAT_TEMPLATE_<KEY>` and defaults to `sandbox-tmpl-<key>`; these defaults match the
 * sandbox. A production build must carry the same ids as the server's environment.
 */
export const SIGNUP_TEMPLATE_IDS: Record<SubscribeTemplateKey, string> = {
  signup_result: 'sandbox-tmpl-signup_result',
  activity_reminder: 'sandbox-tmpl-activity_reminder',
  activity_changed: 'sandbox-tmpl-activity_changed',
};

/** The keys the person allowed, from wx.requestSubscribeMessage's answer (`{ [tmplId]: 'accept' | 'reject' | … }`). */
export function acceptedTemplates(answer: Record<string, unknown>, ids: Record<SubscribeTemplateKey, string> = SIGNUP_TEMPLATE_IDS): SubscribeTemplateKey[] {
  return (Object.keys(ids) as SubscribeTemplateKey[]).filter((key) => answer[ids[key]] === 'accept');
}
