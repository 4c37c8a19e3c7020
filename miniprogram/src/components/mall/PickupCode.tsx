import { Image, Text, View } from '@tarojs/components';
import type { MallOrderResponse } from '@jianghuai/shared';
import { qrDataUrl } from '../../logic/qr-image';
import { spacedCode } from '../../logic/mall';

/** The pickup code, big and spaced 4+4, with its QR for the station to scan. */
export function PickupCode({ o, placeName }: { o: MallOrderResponse; placeName: string }) {
  if (!o.pickupCode) return null;
  const used = o.status === 'completed';
  return (
    <View className="jh-card" data-testid="mall-pickup">
      <Text className="jh-section-title jh-block">{used ? '领取码（已使用）' : '领取码'}</Text>
      <Text className="jh-mall-code" data-testid="mall-pickup-code">
        {spacedCode(o.pickupCode)}
      </Text>
      {o.pickupQr && !used ? (
        <Image
          className="jh-mall-qr"
          src={qrDataUrl(o.pickupQr)}
          style={{ width: '240px', height: '240px' }}
          data-testid="mall-pickup-qr"
        />
      ) : null}
      <Text className="jh-block" data-testid="mall-pickup-hint">
        {used ? '这件商品已经领取了。' : `请到 ${placeName} 出示这个二维码或领取码，工作人员核对后交给您。`}
      </Text>
    </View>
  );
}
