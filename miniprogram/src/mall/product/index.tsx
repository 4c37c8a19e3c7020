import { useCallback, useEffect, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { MallOrderResponse, MallProductResponse, MyPointsResponse, OrgUnitNode } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InfoRow } from '../../components/Choice';
import { ErrorState, InlineError, LoadingState } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { MallBadges } from '../../components/mall/MallBadges';
import { ProductPictures } from '../../components/mall/ProductPictures';
import { useResource } from '../../hooks/useResource';
import { useRedeem } from '../../hooks/useRedeem';
import { limitText, priceText, productBadges, redeemSummary, yuanText } from '../../logic/mall';
import { PAGES, pageUrl } from '../../logic/routes';
import { fetchCommunities } from '../../services/applications';
import { mallProduct } from '../../services/mall';
import { myPoints } from '../../services/points';
import '../../components/activity/activity.css';
import '../../components/mall/mall.css';

interface Loaded {
  product: MallProductResponse;
  points: MyPointsResponse;
  stations: { id: number; name: string }[];
}

async function load(id: number): Promise<Loaded> {
  const [product, points] = await Promise.all([mallProduct(id), myPoints()]);
  let names: OrgUnitNode[] = [];
  if (product.pickupStationIds.length) names = await fetchCommunities().catch(() => []);
  const nameOf = (sid: number) => names.find((n) => n.id === sid)?.name ?? `服务站 ${sid}`;
  return { product, points, stations: product.pickupStationIds.map((sid) => ({ id: sid, name: nameOf(sid) })) };
}

function Facts({ p, stationText }: { p: MallProductResponse; stationText: string }) {
  return (
    <View className="jh-card">
      <Text className="jh-title jh-block" data-testid="mall-product-title">
        {p.name}
      </Text>
      <Text className="jh-mall-price" data-testid="mall-detail-price">
        {priceText(p)}
      </Text>
      <MallBadges badges={productBadges(p)} />
      {p.description ? <Text className="jh-block">{p.description}</Text> : null}
      <InfoRow label="库存" value={p.stock > 0 ? `${p.stock} 件` : '已兑完'} />
      <InfoRow label="限兑" value={limitText(p.perPersonLimit)} />
      <InfoRow label="领取方式" value={stationText} />
    </View>
  );
}

const backToShop = () => void Taro.navigateBack().catch(() => Taro.redirectTo({ url: PAGES.mallHome }));

function ConfirmBox({
  data,
  stationName,
  redeem,
  onConfirm,
}: {
  data: Loaded;
  stationName: string;
  redeem: ReturnType<typeof useRedeem>;
  onConfirm: () => void;
}) {
  const sum = redeemSummary(data.product, 1, data.points.balance);
  return (
    <View className="jh-card jh-mall-confirm" data-testid="mall-confirm">
      <Text className="jh-section-title jh-block">请确认兑换</Text>
      <InfoRow label="商品" value={data.product.name} />
      <InfoRow label="扣除积分" value={`${sum.points} 积分`} testId="mall-confirm-points" />
      {sum.cashFen > 0 ? <InfoRow label="还需支付" value={yuanText(sum.cashFen)} testId="mall-confirm-cash" /> : null}
      <InfoRow label="兑换后剩余" value={`${sum.balanceAfter} 积分`} testId="mall-confirm-after" />
      <InfoRow label="领取地点" value={stationName} />
      {sum.cashFen > 0 ? (
        <Text className="jh-block jh-muted">确认后请在 15 分钟内完成微信支付，超时订单自动取消、积分退回。</Text>
      ) : null}
      <InlineError message={redeem.error?.message ?? null} testId="mall-confirm-error" />
      {redeem.error?.final ? (
        <BigButton onClick={backToShop} testId="mall-confirm-other">
          看看其他商品
        </BigButton>
      ) : (
        <BigButton onClick={onConfirm} loading={redeem.sending} loadingText="正在提交…" testId="mall-confirm-submit">
          {redeem.error ? '重新提交' : '确认兑换'}
        </BigButton>
      )}
      <BigButton kind="secondary" onClick={redeem.close} testId="mall-confirm-back">
        返回
      </BigButton>
    </View>
  );
}

/** One product: pictures, price and stock, where to pick it up, 立即兑换 → the confirm box → the order. */
export default function MallProductPage() {
  const id = Number(useRouter().params.id);
  const res = useResource(
    useCallback(() => load(id), [id]),
    `mall-product:${id}`,
  );
  const [stationId, setStationId] = useState<number | null>(null);
  useEffect(() => {
    if (res.status === 'ready' && res.data.stations.length === 1) setStationId(res.data.stations[0].id);
  }, [res.status, res.data]);
  const placed = (order: MallOrderResponse) =>
    void Taro.redirectTo({
      url: pageUrl(PAGES.mallOrder, order.status === 'pending_payment' ? { id: order.id, pay: 1 } : { id: order.id }),
    });
  const redeem = useRedeem(placed);

  if (res.status === 'loading')
    return (
      <Screen testId="mall-product-page">
        <LoadingState text="正在加载商品…" />
      </Screen>
    );
  if (res.status === 'error')
    return (
      <Screen testId="mall-product-page">
        <ErrorState message={res.error} onRetry={res.reload} />
      </Screen>
    );
  const { product: p, points, stations } = res.data;
  const stationName = p.delivery ? '邮寄/配送' : (stations.find((s) => s.id === stationId)?.name ?? '请先选择');
  const sum = redeemSummary(p, 1, points.balance);
  const blocked = p.stock <= 0 ? '已兑完' : !sum.enough ? `积分不足（还差 ${sum.points - points.balance} 积分）` : null;
  const needStation = !p.delivery && stations.length > 0 && stationId === null;
  return (
    <Screen testId="mall-product-page">
      <ProductPictures ids={p.imageIds} />
      <Facts p={p} stationText={p.delivery ? '邮寄/配送' : stations.map((s) => s.name).join('、') || '到服务站领取'} />
      {!p.delivery && stations.length > 1 ? (
        <View className="jh-card">
          <Text className="jh-field__label jh-block">选择领取地点</Text>
          <Chips
            options={stations.map((s) => ({ value: s.id, label: s.name }))}
            value={stationId}
            onChange={setStationId}
            testId="mall-station"
          />
        </View>
      ) : null}
      <View className="jh-card">
        <InfoRow label="我的积分" value={`${points.balance} 积分`} testId="mall-detail-balance" />
      </View>
      {redeem.confirming ? (
        <ConfirmBox
          data={res.data}
          stationName={stationName}
          redeem={redeem}
          onConfirm={() => void redeem.confirm(p.id, p.delivery ? undefined : (stationId ?? undefined))}
        />
      ) : (
        <View>
          {blocked ? <InlineError message={`暂时不能兑换：${blocked}`} testId="mall-blocked" /> : null}
          {needStation && !blocked ? <Text className="jh-block jh-notice">请先选择领取地点。</Text> : null}
          <BigButton onClick={redeem.open} disabled={!!blocked || needStation} testId="mall-redeem">
            立即兑换
          </BigButton>
        </View>
      )}
    </Screen>
  );
}
