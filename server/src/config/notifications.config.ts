import { NOTIFICATION_TEMPLATE_KEYS, sandboxTemplateId, type NotificationTemplate } from '@jianghuai/shared';
import { defineConfig } from './config-area.js';

/**
 * WeChat subscribe-message template ids: `WECHAT_TEMPLATE_<KEY>` (upper-case key, e.g.
 * WECHAT_TEMPLATE_SIGNUP_RESULT), defaulting to the sandbox's ids.
 */
export const notificationsConfig = defineConfig('notifications', (env) => ({
  templateIds: Object.fromEntries(
    NOTIFICATION_TEMPLATE_KEYS.map((key) => [
      key,
      env[`WECHAT_TEMPLATE_${key.toUpperCase()}`] || sandboxTemplateId(key),
    ]),
  ) as Record<NotificationTemplate, string>,
}));

export type NotificationsConfig = ReturnType<typeof notificationsConfig>;
