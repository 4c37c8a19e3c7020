import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MallOrderResponse } from '@jianghuai/shared';
import { formatDateTime } from '../logic/format';
import { orderStatusText, priceText } from '../logic/mall-admin';
import { PAGES, pageUrl } from '../logic/routes';

/** One order in a staff list (订单, 核销's hand-over list): tap to open it. */
export function OrderRow({ o }: { o: MallOrderResponse }) {
  return (
    <View
      className="jh-mall-row"
      data-testid="mall-order-row"
      data-order-id={o.id}
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminMallOrder, { id: o.id }) })}
    >
      <Text className="jh-mall-row__title">
        {o.productName} × {o.quantity}
      </Text>
      <Text className="jh-mall-row__line" data-testid="mall-order-row-status">
        状态：{orderStatusText(o)}
      </Text>
      <Text className="jh-mall-row__line">
        {priceText(o.pointsTotal, o.cashFenTotal)} · 订单号 {o.id}
      </Text>
      <Text className="jh-mall-row__line">
        下单：<Text className="jh-time">{formatDateTime(o.createdAt)}</Text> ›
      </Text>
    </View>
  );
}
