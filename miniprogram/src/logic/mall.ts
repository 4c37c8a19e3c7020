import {
  MALL_ORDER_STATUS_LABELS,
  MALL_UNPAID_CANCEL_MINUTES,
  type MallOrderResponse,
  type MallOrderStatus,
  type MallProductResponse,
} from '@jianghuai/shared';
import { formatDateTime } from './format';

/** The guard's points mall (docs/mall.md#screens): words, badges and groupings the pages show. */

/** `¥12.50` from fen. */
export function yuanText(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

/** `200 积分` or `200 积分 + ¥12.50` (× quantity). */
export function priceText(p: { pointsPrice: number; cashFen: number }, quantity = 1): string {
  const points = `${p.pointsPrice * quantity} 积分`;
  return p.cashFen > 0 ? `${points} + ${yuanText(p.cashFen * quantity)}` : points;
}

/** At or under this many left, a card says 库存紧张. */
export const LOW_STOCK = 5;

export type BadgeTone = 'ok' | 'warn' | 'off';
export interface Badge {
  text: string;
  tone: BadgeTone;
}

/** What a product card says besides the price: 已兑完 alone, else 可兑换 / 积分不足 and 库存紧张 when few are left. */
export function productBadges(p: Pick<MallProductResponse, 'stock' | 'affordable'>): Badge[] {
  if (p.stock <= 0) return [{ text: '已兑完', tone: 'off' }];
  const badges: Badge[] = [];
  if (p.affordable !== undefined)
    badges.push(p.affordable ? { text: '可兑换', tone: 'ok' } : { text: '积分不足', tone: 'warn' });
  if (p.stock <= LOW_STOCK) badges.push({ text: `库存紧张（剩 ${p.stock} 件）`, tone: 'warn' });
  return badges;
}

/** The categories on the shelf, in the order first seen (the server lists what the balance covers first). */
export function categoriesOf(products: readonly Pick<MallProductResponse, 'category'>[]): string[] {
  return [...new Set(products.map((p) => p.category).filter(Boolean))];
}

/** `每人限兑 2 件` / `不限`. */
export function limitText(limit: number | null): string {
  return limit ? `每人限兑 ${limit} 件` : '不限';
}

/** What the confirm screen shows: points taken, cash to pay, the balance after. */
export interface RedeemSummary {
  points: number;
  cashFen: number;
  balanceAfter: number;
  enough: boolean;
}

export function redeemSummary(p: { pointsPrice: number; cashFen: number }, quantity: number, balance: number) {
  const points = p.pointsPrice * quantity;
  return {
    points,
    cashFen: p.cashFen * quantity,
    balanceAfter: balance - points,
    enough: balance >= points,
  } satisfies RedeemSummary;
}

/** One id per confirm screen: a retry sends the same one, so the server answers the same order. */
export function newClientRequestId(now: number = Date.now(), random: () => number = Math.random): string {
  const tail = Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  return `m${now.toString(36)}${tail}`;
}

/** Refusals of an order, with what to do next (the server's own Chinese message comes first). */
const NEXT_STEP: Record<string, string> = {
  MALL_OUT_OF_STOCK: '这件商品已经兑完了，请回到商城看看其他商品。',
  MALL_LIMIT_REACHED: '这件商品您不能再兑换了，可以看看其他商品。',
  MALL_POINTS_INSUFFICIENT: '参加活动、上报线索可以攒积分，积分够了再来兑换。',
  MALL_OFF_SHELF: '这件商品已经下架，请回到商城看看其他商品。',
  MALL_PICKUP_INVALID: '请重新选择领取地点后再确认。',
  MALL_ORDER_STATE_CHANGED: '请下拉刷新，看看订单现在的状态。',
  MALL_ORDER_NOT_PAYABLE: '订单已不是待付款状态，请刷新后查看。',
  MALL_PAYMENT_UNAVAILABLE: '请稍等几分钟再点“去支付”，订单会为您保留 15 分钟。',
  MALL_PAYER_UNKNOWN: '请在微信里打开“江淮义警”小程序再付款。',
};

/** Refusals a retry of the same order cannot change: the confirm box offers other items instead of 重新提交. */
export const FINAL_REFUSALS: readonly string[] = [
  'MALL_OUT_OF_STOCK',
  'MALL_LIMIT_REACHED',
  'MALL_POINTS_INSUFFICIENT',
  'MALL_OFF_SHELF',
];

export function mallErrorText(message: string, code?: string): string {
  const next = code ? NEXT_STEP[code] : undefined;
  return next ? `${message}。${next}` : message;
}

// ── orders ──

export type OrderTab = 'pending' | 'pickup' | 'done' | 'closed';
export const ORDER_TABS: readonly { value: OrderTab; label: string }[] = [
  { value: 'pending', label: '待付款' },
  { value: 'pickup', label: '待领取' },
  { value: 'done', label: '已完成' },
  { value: 'closed', label: '已取消/退款' },
];

const TAB_OF: Record<MallOrderStatus, OrderTab> = {
  pending_payment: 'pending',
  paid: 'pickup',
  ready: 'pickup',
  completed: 'done',
  cancelled: 'closed',
  refunded: 'closed',
};

export function orderTabOf(status: MallOrderStatus): OrderTab {
  return TAB_OF[status];
}

/** The orders of each tab, in the order given (newest first from the server), and how many each has. */
export function groupOrders<T extends Pick<MallOrderResponse, 'status'>>(orders: readonly T[]): Record<OrderTab, T[]> {
  const groups: Record<OrderTab, T[]> = { pending: [], pickup: [], done: [], closed: [] };
  for (const o of orders) groups[TAB_OF[o.status]].push(o);
  return groups;
}

/** The status in words: paid waits for the station to get it ready, refunds say how far the money is. */
export function orderStatusText(o: Pick<MallOrderResponse, 'status' | 'refundStatus'>): string {
  if (o.refundStatus === 'processing' && o.status !== 'refunded') return '退款处理中';
  if (o.status === 'paid') return '已兑换，备货中';
  return MALL_ORDER_STATUS_LABELS[o.status];
}

/** The points-and-cash of an order: `200 积分` / `200 积分 + ¥12.50`. */
export function orderPriceText(o: Pick<MallOrderResponse, 'pointsTotal' | 'cashFenTotal'>): string {
  return priceText({ pointsPrice: o.pointsTotal, cashFen: o.cashFenTotal });
}

/** An unpaid order can be paid until MALL_UNPAID_CANCEL_MINUTES after it was placed. */
export function payDeadlineMs(createdAt: string): number {
  return Date.parse(createdAt) + MALL_UNPAID_CANCEL_MINUTES * 60_000;
}

/** `还剩 14 分 05 秒` while it can be paid, else null. */
export function payCountdown(createdAt: string, nowMs: number): string | null {
  const left = Math.floor((payDeadlineMs(createdAt) - nowMs) / 1000);
  if (left <= 0) return null;
  return `还剩 ${Math.floor(left / 60)} 分 ${String(left % 60).padStart(2, '0')} 秒`;
}

export function canPay(o: Pick<MallOrderResponse, 'status' | 'createdAt'>, nowMs: number): boolean {
  return o.status === 'pending_payment' && payCountdown(o.createdAt, nowMs) !== null;
}

/** The server cancels an unpaid order, or a points-only one not yet being got ready. */
export function canCancel(o: Pick<MallOrderResponse, 'status' | 'cashFenTotal'>): boolean {
  return o.status === 'pending_payment' || (o.status === 'paid' && o.cashFenTotal === 0);
}

/** `1234 5678`: the 8-digit pickup code in two groups of four, easy to read out. */
export function spacedCode(code: string): string {
  const digits = code.replace(/\s+/g, '');
  return digits.length === 8 ? `${digits.slice(0, 4)} ${digits.slice(4)}` : digits;
}

export interface OrderStep {
  label: string;
  /** Shanghai time it happened, or null when not yet. */
  at: string | null;
  done: boolean;
}

/** 下单 → (付款) → 备货完成 → 已领取; a cancelled or refunded order ends with that step instead. */
export function orderSteps(
  o: Pick<
    MallOrderResponse,
    'status' | 'createdAt' | 'cashFenTotal' | 'paidAt' | 'readyAt' | 'completedAt' | 'cancelledAt'
  >,
): OrderStep[] {
  const at = (iso: string | null | undefined) => (iso ? formatDateTime(iso) : null);
  const reached = (s: MallOrderStatus[]) => s.includes(o.status);
  const steps: OrderStep[] = [{ label: '下单', at: at(o.createdAt), done: true }];
  if (o.cashFenTotal > 0)
    steps.push({ label: '付款', at: at(o.paidAt), done: !!o.paidAt || reached(['paid', 'ready', 'completed']) });
  if (o.status === 'cancelled') return [...steps, { label: '已取消', at: at(o.cancelledAt), done: true }];
  if (o.status === 'refunded') return [...steps, { label: '已退款', at: null, done: true }];
  steps.push({ label: '备货完成', at: at(o.readyAt), done: reached(['ready', 'completed']) });
  steps.push({ label: '已领取', at: at(o.completedAt), done: reached(['completed']) });
  return steps;
}

/** The refund in words for a refunded order (or one being refunded). */
export function refundText(o: Pick<MallOrderResponse, 'status' | 'refundStatus' | 'cashFenTotal'>): string | null {
  if (o.status !== 'refunded' && !o.refundStatus) return null;
  const money = o.cashFenTotal > 0;
  if (o.refundStatus === 'failed') return '退款没有成功，工作人员会联系您处理。';
  if (o.status === 'refunded' || o.refundStatus === 'succeeded')
    return money ? '积分已退回，现金已原路退回您的微信。' : '积分已退回。';
  return '退款处理中：积分和现金退回后会通知您。';
}

// ── paying ──

/** H5 demo: the event the sandbox pay page fires when it closes, `(outTradeNo, 'done' | 'cancelled' | 'failed')`. */
export const SANDBOX_PAY_EVENT = 'jh:sandbox-pay';

export type PayWait =
  | { kind: 'paid'; order: MallOrderResponse }
  /** cancelled (the 15 minutes ran out) or refunded meanwhile */
  | { kind: 'closed'; order: MallOrderResponse }
  | { kind: 'timeout'; order: MallOrderResponse | null };

const PAID: readonly MallOrderStatus[] = ['paid', 'ready', 'completed'];

function outcome(o: MallOrderResponse): PayWait | null {
  if (PAID.includes(o.status)) return { kind: 'paid', order: o };
  if (o.status === 'cancelled' || o.status === 'refunded') return { kind: 'closed', order: o };
  return null;
}

/**
 * After the payer finished in WeChat: ask the server to check once, then read the order every `intervalMs` until it
 * says paid (the server learns it from WeChat Pay; the phone never marks it paid), at most `maxMs`.
 */
export async function waitUntilPaid(
  check: () => Promise<MallOrderResponse>,
  read: () => Promise<MallOrderResponse>,
  { intervalMs = 2000, maxMs = 20_000, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)) } = {},
): Promise<PayWait> {
  let last: MallOrderResponse | null = null;
  try {
    last = await check();
    const done = outcome(last);
    if (done) return done;
  } catch {
    // the check failed: the reads below still find out
  }
  for (let waited = 0; waited < maxMs; waited += intervalMs) {
    await sleep(intervalMs);
    try {
      last = await read();
      const done = outcome(last);
      if (done) return done;
    } catch {
      // a dropped read: try again on the next tick
    }
  }
  return { kind: 'timeout', order: last };
}
