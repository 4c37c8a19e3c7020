import Taro from '@tarojs/taro';
import { CLIENT_CONFIG_ROUTE, type ClientConfigResponse, type NotificationTemplate } from '@jianghuai/shared';
import { createTemplateIds } from '../logic/subscribe';
import { get } from './http';

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
  return templateIds.load(() => get<ClientConfigResponse>(CLIENT_CONFIG_ROUTE, undefined, { toast: false }));
}
