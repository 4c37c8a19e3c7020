import Taro from '@tarojs/taro';
import {
  MALL_ROUTES,
  apiPath,
  type MallAdminOrderDetail,
  type MallOrderResponse,
  type MallPickupLookup,
  type MallProductResponse,
  type MallStats,
  type Page,
} from '@jianghuai/shared';
import type { OrderQuery, ProductBody } from '../logic/mall-admin';
import { get, http, HttpError, post } from './http';
import { absolute, authHeader, openXlsx } from './transfer';

/** The mall's staff side (docs/mall.md): products, orders, pickup, statistics. Pages show errors inline. */
const quiet = { toast: false } as const;

export const adminProducts = (q: { page: number; pageSize: number; q?: string }) =>
  get<Page<MallProductResponse>>(MALL_ROUTES.adminProducts, q, quiet);

export const createProduct = (body: ProductBody) => post<MallProductResponse>(MALL_ROUTES.adminProducts, body, quiet);

export const updateProduct = (id: number, body: Omit<ProductBody, 'stock'>) =>
  http.request<MallProductResponse>('PUT', apiPath(MALL_ROUTES.adminProduct, { id }), { body, toast: false });

export const setShelf = (id: number, onShelf: boolean) =>
  post<MallProductResponse>(apiPath(MALL_ROUTES.adminProductShelf, { id }), { onShelf }, quiet);

export const adjustStock = (id: number, delta: number, reason: string) =>
  post<MallProductResponse>(apiPath(MALL_ROUTES.adminProductStock, { id }), { delta, reason }, quiet);

/**
 * One product of the operator's scope. The admin API has no read by id (PUT only), so it is found in the list,
 * newest first, a page of 100 at a time; not in scope (or gone) is the usual 404.
 */
export async function adminProduct(id: number): Promise<MallProductResponse> {
  for (let page = 1; page <= 20; page++) {
    const result = await adminProducts({ page, pageSize: 100 });
    const found = result.items.find((p) => p.id === id);
    if (found) return found;
    if (page * 100 >= result.total) break;
  }
  throw new HttpError(404, { code: 'NOT_FOUND', message: '没有找到这个商品，可能已被删除或不在您的管辖范围' });
}

export const adminOrders = (q: OrderQuery & { page: number; pageSize: number }) =>
  get<Page<MallOrderResponse>>(MALL_ROUTES.adminOrders, q, quiet);

export const adminOrder = (id: number) =>
  get<MallAdminOrderDetail>(apiPath(MALL_ROUTES.adminOrder, { id }), undefined, quiet);

export const markReady = (id: number) =>
  post<MallOrderResponse>(apiPath(MALL_ROUTES.adminOrderReady, { id }), undefined, quiet);

export const refundOrder = (id: number, reason: string) =>
  post<MallOrderResponse>(apiPath(MALL_ROUTES.adminOrderRefund, { id }), { reason }, quiet);

export const lookupPickup = (code: string) => post<MallPickupLookup>(MALL_ROUTES.adminPickupLookup, { code }, quiet);

export const confirmPickup = (code: string) => post<MallOrderResponse>(MALL_ROUTES.adminPickupConfirm, { code }, quiet);

export const mallStats = (range: { from: string; to: string }) => get<MallStats>(MALL_ROUTES.adminStats, range, quiet);

// ── the .xlsx export: bytes, not JSON, so downloaded with the token rather than through http.request ─────

/** 导出 Excel: the filtered orders as .xlsx; WeChat opens it (share or save from there), the browser saves it. */
export function exportOrders(query: OrderQuery, fileName: string): Promise<void> {
  return openXlsx(
    () => Taro.downloadFile({ url: absolute(MALL_ROUTES.adminOrdersExport, query), header: authHeader() }),
    fileName,
  );
}
