import { useCallback, useMemo, useState } from 'react';
import Taro from '@tarojs/taro';
import { Input, Text, View } from '@tarojs/components';
import { Screen } from '../../components/Screen';
import { BigButton } from '../../components/BigButton';
import { DateTimeField } from '../../components/DateTimeField';
import { PagedListView } from '../../components/PagedListView';
import { InlineError } from '../../components/States';
import { Chips } from '../../components/activity/Chips';
import { PAGE_SIZE, usePagedList } from '../../hooks/usePagedList';
import { errorText, useResource } from '../../hooks/useResource';
import { ALL, EMPTY_ORDER_FILTERS, ORDER_STATUS_OPTIONS, orderQuery, type OrderFilters } from '../../logic/mall-admin';
import { OrderRow } from '../OrderRow';
import { adminOrders, adminProducts, exportOrders } from '../../services/mall-admin';
import '../../components/activity/activity.css';
import '../mall-admin.css';

/** 商品: every product as a chip (the first hundred of the scope), or all of them. */
function ProductFilter({ value, onChange }: { value: number | null; onChange: (id: number | null) => void }) {
  const products = useResource(
    useCallback(() => adminProducts({ page: 1, pageSize: 100 }), []),
    'mall-order-products',
  );
  if (products.status !== 'ready' || products.data.items.length === 0) return null;
  const options = [
    { value: 0, label: '全部商品' },
    ...products.data.items.map((p) => ({ value: p.id, label: p.name })),
  ];
  return (
    <>
      <Text className="jh-filter-label">商品</Text>
      <Chips
        options={options}
        value={value ?? 0}
        onChange={(id) => onChange(id || null)}
        testId="mall-orders-product"
      />
    </>
  );
}

function useExport(filters: OrderFilters) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    const built = orderQuery(filters);
    if ('problem' in built) return setError(built.problem);
    setError(null);
    setBusy(true);
    try {
      await exportOrders(built.query, '积分商城订单.xlsx');
      void Taro.showToast({ title: '已导出', icon: 'success' });
    } catch (caught) {
      setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** The filters: status, product, order dates and a search (applied with 查找). */
function Filters({
  filters,
  set,
  typed,
  setTyped,
}: {
  filters: OrderFilters;
  set: (patch: Partial<OrderFilters>) => void;
  typed: string;
  setTyped: (text: string) => void;
}) {
  return (
    <>
      <Text className="jh-filter-label">状态</Text>
      <Chips
        options={ORDER_STATUS_OPTIONS}
        value={filters.status}
        onChange={(status) => set({ status })}
        testId="mall-orders-status"
      />
      <ProductFilter value={filters.productId} onChange={(productId) => set({ productId })} />
      <DateTimeField
        label="下单日期从"
        date={filters.from}
        onChange={(v) => set({ from: v.date })}
        optional="不限"
        testId="mall-orders-from"
      />
      <DateTimeField
        label="到"
        date={filters.to}
        onChange={(v) => set({ to: v.date })}
        optional="不限"
        testId="mall-orders-to"
      />
      <View className="jh-field">
        <Text className="jh-field__label">查找（订单号或商品名称）</Text>
        <Input
          className="jh-input"
          value={typed}
          confirmType="search"
          placeholder="输入订单号或商品名称"
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={() => set({ q: typed })}
          data-testid="mall-orders-search"
        />
        <BigButton kind="secondary" onClick={() => set({ q: typed })} testId="mall-orders-search-go">
          查找
        </BigButton>
      </View>
    </>
  );
}

/** 订单: filter by status, product, dates and a search; export what is shown as Excel; tap one to handle it. */
export default function MallOrdersPage() {
  const [filters, setFilters] = useState<OrderFilters>(EMPTY_ORDER_FILTERS);
  const [typed, setTyped] = useState('');
  const set = (patch: Partial<OrderFilters>) => setFilters((f) => ({ ...f, ...patch }));
  const built = useMemo(() => orderQuery(filters), [filters]);
  const fetchPage = useCallback(
    (page: number) => adminOrders({ ...('query' in built ? built.query : {}), page, pageSize: PAGE_SIZE }),
    [built],
  );
  const list = usePagedList(fetchPage, `mall-orders:${JSON.stringify(built)}`, { reloadOnShow: true });
  const exporter = useExport(filters);
  const filtered = Boolean(filters.status !== ALL || filters.productId || filters.from || filters.to || filters.q);
  return (
    <Screen testId="admin-mall-orders">
      <Filters filters={filters} set={set} typed={typed} setTyped={setTyped} />
      {'problem' in built ? <InlineError message={built.problem} testId="mall-orders-filter-error" /> : null}
      <InlineError message={exporter.error} testId="mall-orders-export-error" />
      <BigButton
        kind="secondary"
        onClick={() => void exporter.run()}
        loading={exporter.busy}
        loadingText="正在导出…"
        testId="mall-orders-export"
      >
        导出 Excel
      </BigButton>
      {filtered ? (
        <BigButton
          kind="secondary"
          onClick={() => (setFilters(EMPTY_ORDER_FILTERS), setTyped(''))}
          testId="mall-orders-clear"
        >
          清除筛选
        </BigButton>
      ) : null}
      <PagedListView
        list={list}
        testId="mall-order-list"
        emptyText={filtered ? '没有符合条件的订单。点上方“清除筛选”可看全部订单。' : '还没有义警兑换过商品。'}
        countLabel={(total) => `共 ${total} 个订单`}
        renderItem={(o) => <OrderRow key={o.id} o={o} />}
      />
    </Screen>
  );
}
