import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { MallProductResponse, MyPointsResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { InlineError } from '../../components/States';
import { PagedListView } from '../../components/PagedListView';
import { Chips } from '../../components/activity/Chips';
import { MallBadges } from '../../components/mall/MallBadges';
import { MallThumb } from '../../components/mall/MallThumb';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { errorText } from '../../hooks/useResource';
import { categoriesOf, priceText, productBadges } from '../../logic/mall';
import { PAGES, pageUrl } from '../../logic/routes';
import { mallProducts } from '../../services/mall';
import { myPoints } from '../../services/points';
import '../../components/activity/activity.css';
import '../../components/mall/mall.css';

const ALL = '';

function ProductCard({ p }: { p: MallProductResponse }) {
  const soldOut = p.stock <= 0;
  return (
    <View
      className={`jh-mall-card${soldOut ? ' jh-mall-card--off' : ''}`}
      data-testid="mall-product"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.mallProduct, { id: p.id }) })}
    >
      <MallThumb fileId={p.imageIds[0]} />
      <View className="jh-mall-card__body">
        <Text className="jh-mall-card__name" data-testid="mall-product-name">
          {p.name}
        </Text>
        <Text className="jh-mall-price" data-testid="mall-product-price">
          {priceText(p)}
        </Text>
        <MallBadges badges={productBadges(p)} testId="mall-product-badges" />
      </View>
    </View>
  );
}

function Balance({
  points,
  error,
  onRetry,
}: {
  points: MyPointsResponse | null;
  error: string | null;
  onRetry: () => void;
}) {
  return (
    <View className="jh-card" data-testid="mall-balance-card">
      <View className="jh-mall-balance">
        <Text className="jh-block jh-muted">我的积分</Text>
        <Text
          className="jh-link"
          onClick={() => void Taro.navigateTo({ url: PAGES.mallOrders })}
          data-testid="mall-my-orders"
        >
          我的订单 ›
        </Text>
      </View>
      {error ? (
        <View>
          <InlineError message={`积分没能查到：${error}`} testId="mall-balance-error" />
          <BigButton kind="secondary" onClick={onRetry} testId="mall-balance-retry">
            重新查询积分
          </BigButton>
        </View>
      ) : points ? (
        <Text className="jh-big-number" data-testid="mall-balance">
          {points.balance}
        </Text>
      ) : (
        <Text className="jh-block jh-muted">正在查询积分…</Text>
      )}
    </View>
  );
}

/** 积分商城: the balance, search and categories, then what is on the shelf (what the balance covers first). */
export default function MallHomePage() {
  const [points, setPoints] = useState<MyPointsResponse | null>(null);
  const [pointsError, setPointsError] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [category, setCategory] = useState(ALL);
  const [categories, setCategories] = useState<string[]>([]);

  const loadPoints = useCallback(async () => {
    setPointsError(null);
    try {
      setPoints(await myPoints());
    } catch (caught) {
      setPointsError(errorText(caught));
    }
  }, []);
  useEffect(() => void loadPoints(), [loadPoints]);

  const fetchPage = useCallback(
    (page: number) => mallProducts({ q, category: category || undefined, page, pageSize: PAGE_SIZE }),
    [q, category],
  );
  const list = usePagedList(fetchPage, `mall:${q}|${category}`);
  // The chips come from what the unfiltered shelf shows, so choosing one never hides the others.
  useEffect(() => {
    if (!q && !category && list.status === 'ready')
      setCategories((had) => [...new Set([...had, ...categoriesOf(list.items)])]);
  }, [q, category, list.status, list.items]);

  useDidShow(() => {
    void loadPoints();
    if (list.status === 'ready') list.reload();
  });
  // the list reloads itself on a pull (usePagedList); the balance is the page's own
  usePullDownRefresh(() => {
    void loadPoints();
  });

  const options = [{ value: ALL, label: '全部' }, ...categories.map((c) => ({ value: c, label: c }))];
  return (
    <Screen testId="mall-home">
      <Balance points={points} error={pointsError} onRetry={() => void loadPoints()} />
      <View className="jh-mall-search">
        <Input
          className="jh-input"
          value={typed}
          placeholder="搜索商品名称"
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQ(typed.trim())}
          data-testid="mall-search"
        />
        <View className="jh-mall-search__go" onClick={() => setQ(typed.trim())} data-testid="mall-search-go">
          搜索
        </View>
      </View>
      {categories.length > 1 ? (
        <Chips options={options} value={category} onChange={setCategory} testId="mall-category" />
      ) : null}
      <PagedListView
        list={list}
        testId="mall-products"
        emptyText={
          q || category ? '没有找到符合条件的商品，换个词或分类试试。' : '商城里暂时没有商品，请过几天再来看看。'
        }
        countLabel={(total) => `共 ${total} 件商品`}
        renderItem={(p) => <ProductCard key={p.id} p={p} />}
      />
    </Screen>
  );
}
