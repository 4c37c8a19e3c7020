import Taro from '@tarojs/taro';
import { ROUTES, type ClientConfigResponse, type NotificationTemplate } from '@jianghuai/shared';
import { acceptedTemplates, createTemplateIds } from '../logic/subscribe';
import { get, post } from './http';

const STORAGE_KEY = 'jh.subscribeTemplates';

/** The app's template ids (see createTemplateIds); `loadClientConfig()` runs once at launch. */
export const templateIds = createTemplateIds({
  read() {
    try {
      const value: unknown = Taro.getStorageSync(STORAGE_KEY);
      return value && typeof value === 'object' ? (value as Partial<Record<NotificationTemplate, string>>) : null;
    } catch {
      return null;
    }
  },
  write(ids) {
    try {
      Taro.setStorageSync(STORAGE_KEY, ids);
    } catch {
      // a full storage only means the sandbox ids on an offline launch
    }
  },
});

export function loadClientConfig(): Promise<void> {
  return templateIds.load(() => get<ClientConfigResponse>(ROUTES.clientConfig, undefined, { toast: false }));
}

/**
 * Inside WeChat, asks for subscribe-message consent (docs/product.md#notifications) and tells the server which templates
 * were allowed. Call it straight from the tap, before any network wait, or WeChat refuses to show
 * the dialog. Never in the way of the action itself: a refusal or a failure only means no push,
 * and the in-app message list still gets everything.
 */
export async function askConsent(keys: readonly NotificationTemplate[]): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp') return;
  try {
    const ids = templateIds.idsOf(keys);
    const answer = await Taro.requestSubscribeMessage({ tmplIds: Object.values(ids), entityIds: [] } as never);
    const accepted = acceptedTemplates(answer as unknown as Record<string, unknown>, ids);
    if (accepted.length)
      void post<void>(ROUTES.subscriptions, { templates: accepted }, { toast: false }).catch(() => undefined);
  } catch {
    // declined or unsupported
  }
}
