import {
  MALL_ORDER_STATUS_LABELS,
  MALL_PICKUP_QR_PREFIX,
  type MallOrderResponse,
  type MallProductResponse,
} from '@jianghuai/shared';
import type { MallOrder } from './entities/mall-order.entity.js';
import type { MallProduct } from './entities/mall-product.entity.js';

export function productResponse(p: MallProduct, balance?: number): MallProductResponse {
  return {
    id: p.id,
    name: p.name,
    category: p.category,
    description: p.description,
    imageIds: p.imageIds,
    pointsPrice: p.pointsPrice,
    cashFen: p.cashFen,
    stock: p.stock,
    perPersonLimit: p.perPersonLimit,
    onShelf: p.onShelf,
    pickupStationIds: p.pickupStationIds,
    delivery: p.delivery,
    orgUnitId: p.orgUnitId,
    ...(balance === undefined ? {} : { affordable: balance >= p.pointsPrice }),
  };
}

export function orderResponse(o: MallOrder): MallOrderResponse {
  return {
    id: o.id,
    productId: o.productId,
    productName: o.productName,
    quantity: o.quantity,
    pointsTotal: o.pointsTotal,
    cashFenTotal: o.cashFenTotal,
    status: o.status,
    statusLabel: MALL_ORDER_STATUS_LABELS[o.status],
    pickupStationId: o.pickupStationId,
    userId: o.userId,
    createdAt: o.createdAt.toISOString(),
    cancelledAt: o.cancelledAt?.toISOString() ?? null,
    paidAt: o.paidAt?.toISOString() ?? null,
    refundStatus: o.refundStatus,
    refundReason: o.refundReason,
    readyAt: o.readyAt?.toISOString() ?? null,
    completedAt: o.completedAt?.toISOString() ?? null,
  };
}

/** The guard's own view: the pickup code and its QR text once the order is ready (and after it was used). */
export function ownOrderResponse(o: MallOrder): MallOrderResponse {
  const shown = o.pickupCode !== null && (o.status === 'ready' || o.status === 'completed');
  return {
    ...orderResponse(o),
    pickupCode: shown ? o.pickupCode : null,
    pickupQr: shown ? `${MALL_PICKUP_QR_PREFIX}${o.pickupCode}` : null,
  };
}

/** A LIKE pattern (with `ESCAPE '!'`) for "contains `s`". */
export function likeContaining(s: string): string {
  return `%${s.replace(/[%_!]/g, '!$&')}%`;
}
