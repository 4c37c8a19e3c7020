import Taro from '@tarojs/taro';
import { comingSoonMessage, type HomeTile } from '../logic/home';
import { openPage } from './navigate';

/** The default modal green is 2.3:1 on white; our blue is 10:1 (≥ 4.5:1 is required: docs/product.md#older-users). */
const BRAND_BLUE = '#0b3d91';

/** A built feature opens its page; one not built yet says so plainly instead of a blank page. */
export function openTile(tile: HomeTile): void {
  if (tile.target.kind === 'page') {
    openPage(tile.target.url);
    return;
  }
  void Taro.showModal({
    title: '即将开放',
    content: comingSoonMessage(tile.label),
    showCancel: false,
    confirmText: '知道了',
    confirmColor: BRAND_BLUE,
  });
}

export async function confirmSignOut(): Promise<boolean> {
  const { confirm } = await Taro.showModal({
    title: '退出登录',
    content: '确定要退出登录吗？',
    confirmText: '退出',
    confirmColor: BRAND_BLUE,
    cancelText: '取消',
    cancelColor: '#344054',
  });
  return confirm;
}
