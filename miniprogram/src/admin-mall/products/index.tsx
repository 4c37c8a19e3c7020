import { useCallback, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import type { MallProductResponse } from '@jianghuai/shared';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { PagedListView } from '../../components/PagedListView';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { priceText } from '../../logic/mall-admin';
import { PAGES, pageUrl } from '../../logic/routes';
import { adminProducts } from '../../services/mall-admin';
import '../../components/activity/activity.css';
import '../mall-admin.css';

function ProductRow({ p }: { p: MallProductResponse }) {
  return (
    <View
      className="jh-mall-row"
      data-testid="mall-product-row"
      onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.adminMallProduct, { id: p.id }) })}
    >
      <Text className="jh-mall-row__title">
        {p.name}
        <Text className={`jh-mall-tag${p.onShelf ? '' : ' jh-mall-tag--off'}`} data-testid="mall-product-shelf">
          {p.onShelf ? '已上架' : '未上架'}
        </Text>
      </Text>
      <Text className="jh-mall-row__line">价格：{priceText(p.pointsPrice, p.cashFen)}</Text>
      <Text className="jh-mall-row__line" data-testid="mall-product-stock">
        库存：{p.stock}
        {p.stock === 0 ? '（已兑完）' : ''}
      </Text>
      <Text className="jh-mall-row__line">
        {p.category} · {p.delivery ? '邮寄' : `${p.pickupStationIds.length} 个领取点`} ›
      </Text>
    </View>
  );
}

/** 商品管理: the products of the operator's unit and below, newest first; 新增商品; tap one to edit it. */
export default function MallProductsPage() {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const fetchPage = useCallback(
    (page: number) => adminProducts({ page, pageSize: PAGE_SIZE, ...(q ? { q } : {}) }),
    [q],
  );
  const list = usePagedList(fetchPage, `mall-products:${q}`, { reloadOnShow: true });
  return (
    <Screen testId="admin-mall-products">
      <BigButton onClick={() => void Taro.navigateTo({ url: PAGES.adminMallProduct })} testId="mall-product-new">
        新增商品
      </BigButton>
      <View className="jh-field">
        <Text className="jh-field__label">按名称查找</Text>
        <Input
          className="jh-input"
          value={typed}
          placeholder="输入商品名称"
          confirmType="search"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => setQ(typed.trim())}
          data-testid="mall-product-search"
        />
        <BigButton kind="secondary" onClick={() => setQ(typed.trim())} testId="mall-product-search-go">
          查找
        </BigButton>
      </View>
      <PagedListView
        list={list}
        testId="mall-product-list"
        emptyText={q ? '没有名称相符的商品。' : '还没有商品。点上面的“新增商品”添加第一个。'}
        countLabel={(total) => `共 ${total} 件商品`}
        renderItem={(p) => <ProductRow key={p.id} p={p} />}
      />
    </Screen>
  );
}
