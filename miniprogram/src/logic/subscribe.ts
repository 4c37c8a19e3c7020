import { sandboxTemplateId, type ClientConfigResponse, type NotificationTemplate } from '@jianghuai/shared';

/** The sign-up asks for these three at once (result, reminder, changes). */
export const SIGNUP_TEMPLATES = [
  'signup_result',
  'activity_reminder',
  'activity_changed',
] as const satisfies readonly NotificationTemplate[];

/**
 * Placing a mall order asks for its messages (WeChat shows at most three): paid, the order's state (可以领取了 when
 * ready, and when handed over), refunded.
 */
export const MALL_ORDER_TEMPLATES = [
  'mall_paid',
  'order_status',
  'mall_refunded',
] as const satisfies readonly NotificationTemplate[];

export interface TemplateStorage {
  read(): Partial<Record<NotificationTemplate, string>> | null;
  write(ids: Record<NotificationTemplate, string>): void;
}

/**
 * WeChat subscribe-message template ids, as the server sends with them (`GET /client-config`).
 * `wx.requestSubscribeMessage` must be called straight from a tap, before any network wait, so the
 * ids are loaded at launch and read synchronously: the last ones served (kept on the phone for a
 * launch without network), else the sandbox's.
 */
export function createTemplateIds(storage: TemplateStorage) {
  let served: Partial<Record<NotificationTemplate, string>> | null = null;
  const idOf = (key: NotificationTemplate): string => (served ?? storage.read() ?? {})[key] || sandboxTemplateId(key);
  return {
    idOf,
    idsOf<K extends NotificationTemplate>(keys: readonly K[]): Record<K, string> {
      return Object.fromEntries(keys.map((k) => [k, idOf(k)])) as Record<K, string>;
    },
    /** Takes the server's answer; a failed fetch keeps what the phone had. */
    async load(fetchConfig: () => Promise<ClientConfigResponse>): Promise<void> {
      try {
        const { subscribeTemplates } = await fetchConfig();
        served = subscribeTemplates;
        storage.write(subscribeTemplates);
      } catch {
        // offline at launch: the stored (or sandbox) ids stand until the next launch
      }
    },
  };
}

/** The keys the person allowed, from wx.requestSubscribeMessage's answer (`{ [tmplId]: 'accept' | 'reject' | … }`). */
export function acceptedTemplates<K extends NotificationTemplate>(
  answer: Record<string, unknown>,
  ids: Record<K, string>,
): K[] {
  return (Object.keys(ids) as K[]).filter((key) => answer[ids[key]] === 'accept');
}
