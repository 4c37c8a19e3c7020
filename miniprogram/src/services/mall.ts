import {
  MALL_ROUTES,
  ROUTES,
  apiPath,
  type MallOrderResponse,
  type MallPaymentStart,
  type MallProductResponse,
  type Page,
} from '@jianghuai/shared';
import { get, post } from './http';

/** The guard's points mall (docs/mall.md). Pages show errors in words on the page, so calls pass `toast: false`. */

const quiet = { toast: false };

export interface ProductQuery {
  q?: string;
  category?: string;
  page: number;
  pageSize: number;
}

export function mallProducts(query: ProductQuery): Promise<Page<MallProductResponse>> {
  const params: Record<string, string | number> = { page: query.page, pageSize: query.pageSize };
  if (query.q) params.q = query.q;
  if (query.category) params.category = query.category;
  return get<Page<MallProductResponse>>(MALL_ROUTES.products, params, quiet);
}

export function mallProduct(id: number): Promise<MallProductResponse> {
  return get<MallProductResponse>(apiPath(MALL_ROUTES.product, { id }), undefined, quiet);
}

export interface PlaceOrder {
  productId: number;
  quantity: number;
  pickupStationId?: number;
  clientRequestId: string;
}

export function placeOrder(body: PlaceOrder): Promise<MallOrderResponse> {
  return post<MallOrderResponse>(MALL_ROUTES.orders, body, quiet);
}

export function myOrders(page: number, pageSize: number): Promise<Page<MallOrderResponse>> {
  return get<Page<MallOrderResponse>>(MALL_ROUTES.myOrders, { page, pageSize }, quiet);
}

export function myOrder(id: number): Promise<MallOrderResponse> {
  return get<MallOrderResponse>(apiPath(MALL_ROUTES.myOrder, { id }), undefined, quiet);
}

export function cancelMyOrder(id: number): Promise<MallOrderResponse> {
  return post<MallOrderResponse>(apiPath(MALL_ROUTES.myOrderCancel, { id }), undefined, quiet);
}

/** WeChat Pay parameters for the order's cash part (a fresh merchant number after a closed attempt). */
export function startPayment(id: number): Promise<MallPaymentStart> {
  return post<MallPaymentStart>(apiPath(MALL_ROUTES.myOrderPay, { id }), undefined, quiet);
}

/** "I finished paying": the server asks WeChat Pay and answers the order as it is now. */
export function checkPayment(id: number): Promise<MallOrderResponse> {
  return post<MallOrderResponse>(apiPath(MALL_ROUTES.myOrderPaymentCheck, { id }), undefined, quiet);
}

/** H5 demo only: the sandbox's stand-in for paying in WeChat (the server passes it to the WeChat Pay sandbox). */
export function sandboxPay(outTradeNo: string): Promise<{ ok: true }> {
  return post<{ ok: true }>(ROUTES.sandboxPay, { outTradeNo }, quiet);
}
