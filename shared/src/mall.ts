/** The points mall (docs/mall.md, docs/product.md#points-mall): items for points plus an optional cash part. */
export const MALL_ROUTES = {
  products: '/mall/products',
  product: '/mall/products/:id',
  orders: '/mall/orders',
  myOrders: '/me/orders',
  myOrder: '/me/orders/:id',
  myOrderCancel: '/me/orders/:id/cancel',
  adminProducts: '/admin/mall/products',
  adminProduct: '/admin/mall/products/:id',
  adminProductShelf: '/admin/mall/products/:id/shelf',
  adminProductStock: '/admin/mall/products/:id/stock',
  adminOrders: '/admin/mall/orders',
} as const;

/** The file purpose of a product's pictures: any signed-in user reads a picture attached to a product. */
export const MALL_PRODUCT_IMAGE_PURPOSE = 'product_image';

/** An order with a cash part still unpaid this long after it was placed is cancelled by the mall-unpaid-cancel job. */
export const MALL_UNPAID_CANCEL_MINUTES = 15;

export const MALL_ORDER_STATUSES = ['pending_payment', 'paid', 'ready', 'completed', 'cancelled', 'refunded'] as const;
export type MallOrderStatus = (typeof MALL_ORDER_STATUSES)[number];
export const MALL_ORDER_STATUS_LABELS: Record<MallOrderStatus, string> = {
  pending_payment: '待付款',
  paid: '已兑换',
  ready: '待领取',
  completed: '已领取',
  cancelled: '已取消',
  refunded: '已退款',
};
/** Orders that still hold stock and count towards a person's limit. */
export const MALL_LIVE_ORDER_STATUSES: readonly MallOrderStatus[] = ['pending_payment', 'paid', 'ready', 'completed'];

export interface MallProductResponse {
  id: number;
  name: string;
  category: string;
  description: string;
  imageIds: string[];
  pointsPrice: number;
  cashFen: number;
  stock: number;
  perPersonLimit: number | null;
  onShelf: boolean;
  pickupStationIds: number[];
  delivery: boolean;
  orgUnitId: number;
  /** Guard list only: the caller's balance covers one. */
  affordable?: boolean;
}

export interface MallOrderResponse {
  id: number;
  productId: number;
  productName: string;
  quantity: number;
  pointsTotal: number;
  cashFenTotal: number;
  status: MallOrderStatus;
  statusLabel: string;
  pickupStationId: number | null;
  userId: number;
  createdAt: string;
  cancelledAt: string | null;
}
