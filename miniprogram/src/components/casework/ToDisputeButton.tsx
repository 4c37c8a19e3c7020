import Taro from '@tarojs/taro';
import type { TipCategory } from '@jianghuai/shared';
import { BigButton } from '../BigButton';
import { PAGES, pageUrl } from '../../logic/routes';

/** 转为纠纷 on a 矛盾纠纷 tip: opens the new-case form linked to the tip (a tip becomes one case at most). */
export function ToDisputeButton({ tip }: { tip: { id: number; category: TipCategory } }) {
  if (tip.category !== 'dispute') return null;
  return (
    <BigButton
      kind="secondary"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminDisputeNew, { tipId: tip.id }) })}
      testId="tip-to-dispute"
    >
      转为纠纷（登记调解）
    </BigButton>
  );
}
