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
  // ── payment of the cash part (docs/mall.md#payment) ──
  /** POST: WeChat Pay prepay for a `pending_payment` order → `MallPaymentStart` (a new merchant order number after a closed prepay). */
  myOrderPay: '/me/orders/:id/pay',
  /** POST: "I finished paying": the server asks WeChat Pay (order query) and answers the order; the client never marks it paid. */
  myOrderPaymentCheck: '/me/orders/:id/payment-check',
  // ── pickup (核销) and order handling ──
  /** GET: one order in scope, with its payments, refund and pickup history (`MallAdminOrderDetail`). */
  adminOrder: '/admin/mall/orders/:id',
  /** GET: the filtered order list as .xlsx (same query as adminOrders). */
  adminOrdersExport: '/admin/mall/orders/export',
  /** POST: `paid` → `ready` (the item is at the pickup station, or sent for delivery). */
  adminOrderReady: '/admin/mall/orders/:id/ready',
  /** POST `{ reason }`: refund (points, stock and the cash part through WeChat Pay); `refunded` when the money is back. */
  adminOrderRefund: '/admin/mall/orders/:id/refund',
  /** POST `{ code }` (8 digits or the QR text): what the code is for, or when and by whom it was used (`MallPickupLookup`). */
  adminPickupLookup: '/admin/mall/pickups/lookup',
  /** POST `{ code }`: confirm the hand-over once → `completed`; a second confirm is `MALL_PICKUP_USED` with when and by whom. */
  adminPickupConfirm: '/admin/mall/pickups/confirm',
  /** GET `?from=&to=` (Shanghai dates): sales per product org, points liability per issuing org (`MallStats`). */
  adminStats: '/admin/mall/stats',
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
  /** Pickup orders once `ready` (and `completed`), only in the owner's own views: 8 digits, shown with its QR. */
  pickupCode?: string | null;
  /** QR text of the pickup code (`jhyj-pickup:<code>`), what the station scans. */
  pickupQr?: string | null;
  paidAt?: string | null;
  readyAt?: string | null;
  completedAt?: string | null;
  /** A refund under way or done: `processing` until WeChat Pay says the money is back. */
  refundStatus?: 'processing' | 'succeeded' | 'failed' | null;
  refundReason?: string | null;
}

/** What `POST /me/orders/:id/pay` answers: the parameters of `Taro.requestPayment` and the merchant order number. */
export interface MallPaymentStart {
  orderId: number;
  outTradeNo: string;
  /** `{ timeStamp, nonceStr, package: 'prepay_id=…', signType: 'RSA', paySign }` (appId included for H5 tooling). */
  payment: { appId: string; timeStamp: string; nonceStr: string; package: string; signType: 'RSA'; paySign: string };
}

/** The prefix of the pickup QR text; the 8 digits follow. */
export const MALL_PICKUP_QR_PREFIX = 'jhyj-pickup:';

/** What a pickup code is for (lookup before confirming), or when and by whom it was already used. */
export interface MallPickupLookup {
  orderId: number;
  productName: string;
  quantity: number;
  /** The volunteer, masked (e.g. 张*). */
  volunteerName: string;
  pickupStationName: string | null;
  status: MallOrderStatus;
  statusLabel: string;
  usedAt: string | null;
  usedByName: string | null;
}

export interface MallAdminOrderDetail extends MallOrderResponse {
  productOrgUnitId: number;
  volunteerName: string;
  payments: { outTradeNo: string; state: string; createdAt: string; paidAt: string | null }[];
  verifiedAt: string | null;
  verifiedByName: string | null;
}

export interface MallStats {
  from: string;
  to: string;
  /** Sales per product org in the period (completed + paid + ready orders; refunded ones excluded). */
  sales: {
    orgUnitId: number;
    orgName: string;
    orders: number;
    units: number;
    pointsRedeemed: number;
    cashFen: number;
  }[];
  /** Points held by volunteers, per org that issued them, now. */
  liability: { orgUnitId: number; orgName: string; points: number }[];
}
