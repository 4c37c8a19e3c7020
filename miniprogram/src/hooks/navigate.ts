import Taro from '@tarojs/taro';
import { isTabPage } from '../logic/routes';

/** Opens a page: a tab page by switchTab (Taro refuses navigateTo to it, and a tab takes no query). */
export function openPage(url: string): void {
  if (isTabPage(url)) void Taro.switchTab({ url: url.split('?')[0] });
  else void Taro.navigateTo({ url });
}
