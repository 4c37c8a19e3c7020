import {
  MALL_ORDER_STATUSES,
  MALL_ORDER_STATUS_LABELS,
  MALL_PICKUP_QR_PREFIX,
  businessDate,
  type MallOrderResponse,
  type MallOrderStatus,
  type MallProductResponse,
} from '@jianghuai/shared';

/**
 * The mall's staff screens (admin-mall sub-package): the product form and its checks, order filters as a query,
 * which actions an order's status allows, pickup codes as typed or scanned, and the statistics period. Pure.
 */

// ── money ─────────────────────────────────────────────────────────────────────────────────

/** The server's ceiling for points and fen (mall.dto.ts). */
export const MALL_MAX_INT = 1_000_000_000;
export const MALL_MAX_IMAGES = 6;
/** The server's most for one item's cash part: ¥100 000 (10 000 000 fen). */
export const MALL_MAX_CASH_FEN = 10_000_000;

/** `12.5` → 1250 fen; '' (no cash part) → 0; anything else says what is wrong. */
export function parseYuan(text: string): { fen: number } | { problem: string } {
  const t = text.trim().replace(/^¥/, '').trim();
  if (t === '') return { fen: 0 };
  if (!/^\d+(\.\d{1,2})?$/.test(t)) return { problem: '现金部分请填金额，如 12.50（最多两位小数），不收现金请留空' };
  const [yuan, cents = ''] = t.split('.');
  const fen = Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
  if (fen > MALL_MAX_CASH_FEN) return { problem: '现金部分最多 100000 元' };
  return { fen };
}

/** 1250 → '12.50'; 0 → '' (the form's empty field). */
export function fenToYuanInput(fen: number): string {
  return fen > 0 ? yuanText(fen) : '';
}

/** 1250 → '12.50'. */
export function yuanText(fen: number): string {
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** What an item costs: `200 积分` or `200 积分 + ¥12.50`. */
export function priceText(pointsPrice: number, cashFen: number): string {
  return cashFen > 0 ? `${pointsPrice} 积分 + ¥${yuanText(cashFen)}` : `${pointsPrice} 积分`;
}

// ── the product form ──────────────────────────────────────────────────────────────────────

/** Categories offered as chips; the operator may also type another. */
export const COMMON_CATEGORIES = ['生活用品', '食品饮料', '装备物资', '文体用品', '数码配件', '荣誉纪念'] as const;

export interface ProductForm {
  name: string;
  category: string;
  description: string;
  pointsPrice: string;
  cashYuan: string;
  /** Only for a new product: later changes go through 库存调整. */
  stock: string;
  perPersonLimit: string;
  pickupStationIds: number[];
  delivery: boolean;
}

export type ProductField =
  | 'name'
  | 'category'
  | 'description'
  | 'images'
  | 'pointsPrice'
  | 'cashYuan'
  | 'stock'
  | 'perPersonLimit'
  | 'pickup'
  | 'form';
export type ProductErrors = Partial<Record<ProductField, string>>;

export const EMPTY_PRODUCT_FORM: ProductForm = {
  name: '',
  category: '',
  description: '',
  pointsPrice: '',
  cashYuan: '',
  stock: '',
  perPersonLimit: '',
  pickupStationIds: [],
  delivery: false,
};

export function productToForm(p: MallProductResponse): ProductForm {
  return {
    name: p.name,
    category: p.category,
    description: p.description,
    pointsPrice: String(p.pointsPrice),
    cashYuan: fenToYuanInput(p.cashFen),
    stock: String(p.stock),
    perPersonLimit: p.perPersonLimit === null ? '' : String(p.perPersonLimit),
    pickupStationIds: [...p.pickupStationIds],
    delivery: p.delivery,
  };
}

/** A whole number in [min, max], or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

export interface ProductBody {
  name: string;
  category: string;
  description: string;
  imageIds: string[];
  pointsPrice: number;
  cashFen: number;
  perPersonLimit: number | null;
  pickupStationIds: number[];
  delivery: boolean;
  stock?: number;
}

function checkTexts(f: ProductForm, errors: ProductErrors): void {
  const name = f.name.trim();
  if (!name) errors.name = '请填写商品名称';
  else if (name.length > 60) errors.name = '商品名称不能超过 60 个字';
  const category = f.category.trim();
  if (!category) errors.category = '请选择或填写分类';
  else if (category.length > 30) errors.category = '分类不能超过 30 个字';
  if (f.description.trim().length > 2000) errors.description = '说明不能超过 2000 个字';
}

/**
 * The form as the body of POST (new, with its stock) or PUT, or each problem beside its field. `imageIds` are the
 * pictures already on the server; `uploading` says some are still on their way (the form waits for them).
 */
export function productBody(
  f: ProductForm,
  imageIds: readonly string[],
  isNew: boolean,
  uploading = false,
): { body: ProductBody } | { errors: ProductErrors } {
  const errors: ProductErrors = {};
  checkTexts(f, errors);
  if (uploading) errors.images = '图片还在上传，请等上传完成后再保存';
  else if (imageIds.length > MALL_MAX_IMAGES) errors.images = `最多 ${MALL_MAX_IMAGES} 张图片`;
  const points = wholeNumber(f.pointsPrice, 1, MALL_MAX_INT);
  if (points === null) errors.pointsPrice = '所需积分请填大于 0 的整数';
  const cash = parseYuan(f.cashYuan);
  if ('problem' in cash) errors.cashYuan = cash.problem;
  const stock = wholeNumber(f.stock, 0, MALL_MAX_INT);
  if (isNew && stock === null) errors.stock = '库存请填 0 或正整数';
  const limit = f.perPersonLimit.trim() === '' ? null : wholeNumber(f.perPersonLimit, 1, 1000);
  if (f.perPersonLimit.trim() !== '' && limit === null)
    errors.perPersonLimit = '每人限兑请填 1–1000 的整数，不限请留空';
  if (!f.delivery && f.pickupStationIds.length === 0) errors.pickup = '请至少选择一个领取服务站，或选择邮寄';
  if (Object.keys(errors).length) return { errors };
  const body: ProductBody = {
    name: f.name.trim(),
    category: f.category.trim(),
    description: f.description.trim(),
    imageIds: [...imageIds],
    pointsPrice: points as number,
    cashFen: 'fen' in cash ? cash.fen : 0,
    perPersonLimit: limit,
    pickupStationIds: f.delivery ? [] : [...f.pickupStationIds],
    delivery: f.delivery,
  };
  if (isNew) body.stock = stock as number;
  return { body };
}

/** Request fields (VALIDATION_FAILED details) and mall codes → the field the message is shown at. */
export function productErrorField(error: { code: string; details?: unknown }): ProductField {
  switch (error.code) {
    case 'MALL_PICKUP_INVALID':
      return 'pickup';
    case 'MALL_IMAGE_INVALID':
    case 'FILE_NOT_FOUND':
      return 'images';
    case 'MALL_STOCK_NEGATIVE':
      return 'stock';
  }
  const details = Array.isArray(error.details) ? (error.details[0] as { field?: unknown } | undefined) : undefined;
  const field = typeof details?.field === 'string' ? details.field.split('.')[0] : '';
  const byRequest: Record<string, ProductField> = {
    name: 'name',
    category: 'category',
    description: 'description',
    imageIds: 'images',
    pointsPrice: 'pointsPrice',
    cashFen: 'cashYuan',
    stock: 'stock',
    perPersonLimit: 'perPersonLimit',
    pickupStationIds: 'pickup',
    delivery: 'pickup',
  };
  return byRequest[field] ?? 'form';
}

/** 库存调整: a non-zero whole change and a reason of 2–200 characters (audited). */
export function stockAdjustment(
  deltaText: string,
  reason: string,
  stock: number,
): { delta: number; reason: string } | { problem: string } {
  const t = deltaText.trim();
  if (!/^[+-]?\d+$/.test(t) || Number(t) === 0)
    return { problem: '请填写库存变化：补货填正数（如 10），减少填负数（如 -3）' };
  const delta = Number(t);
  if (Math.abs(delta) > MALL_MAX_INT) return { problem: '库存变化过大' };
  if (stock + delta < 0) return { problem: `现有库存 ${stock}，最多只能减少 ${stock}` };
  const r = reason.trim();
  if (r.length < 2) return { problem: '请写明调整原因（至少 2 个字），会记入操作日志' };
  if (r.length > 200) return { problem: '调整原因不能超过 200 个字' };
  return { delta, reason: r };
}

// ── orders ────────────────────────────────────────────────────────────────────────────────

export const ALL = 'all';

export interface OrderFilters {
  status: MallOrderStatus | typeof ALL;
  productId: number | null;
  /** Shanghai dates, '' when not set. */
  from: string;
  to: string;
  q: string;
}

export const EMPTY_ORDER_FILTERS: OrderFilters = { status: ALL, productId: null, from: '', to: '', q: '' };

export type OrderQuery = Partial<{
  status: MallOrderStatus;
  productId: number;
  from: string;
  to: string;
  q: string;
  pickupStationId: number;
}>;

export const ORDER_STATUS_OPTIONS: readonly { value: MallOrderStatus | typeof ALL; label: string }[] = [
  { value: ALL, label: '全部' },
  ...MALL_ORDER_STATUSES.map((s) => ({ value: s, label: MALL_ORDER_STATUS_LABELS[s] })),
];

/** The filters as the query of adminOrders / adminOrdersExport (only what is set), or why the dates do not fit. */
export function orderQuery(f: OrderFilters): { query: OrderQuery } | { problem: string } {
  if (f.from && f.to && f.from > f.to) return { problem: '开始日期不能晚于结束日期' };
  const query: OrderQuery = {};
  if (f.status !== ALL) query.status = f.status;
  if (f.productId) query.productId = f.productId;
  if (f.from) query.from = f.from;
  if (f.to) query.to = f.to;
  const q = f.q.trim().slice(0, 30);
  if (q) query.q = q;
  return { query };
}

export type OrderAction = 'ready' | 'refund';

/**
 * What the staff may do with an order now: 备货完成 for a paid one; 退款 (the operator only: `canRefund`) for a paid
 * or ready one whose refund is not already under way. The server decides again (a stale screen gets
 * MALL_ORDER_STATE_CHANGED).
 */
export function allowedOrderActions(
  o: Pick<MallOrderResponse, 'status' | 'refundStatus'>,
  canRefund = true,
): OrderAction[] {
  if (o.refundStatus === 'processing') return [];
  const actions: OrderAction[] = [];
  if (o.status === 'paid') actions.push('ready');
  if (canRefund && (o.status === 'paid' || o.status === 'ready')) actions.push('refund');
  return actions;
}

/** The status as the staff read it, with a refund under way said plainly. */
export function orderStatusText(o: Pick<MallOrderResponse, 'status' | 'refundStatus'>): string {
  if (o.refundStatus === 'processing' && o.status !== 'refunded') return '退款处理中';
  if (o.refundStatus === 'failed' && o.status !== 'refunded')
    return `${MALL_ORDER_STATUS_LABELS[o.status]}（退款失败）`;
  return MALL_ORDER_STATUS_LABELS[o.status];
}

/** 退款 is audited and the volunteer is told: 2–100 characters. */
export function refundReasonProblem(reason: string): string | null {
  const r = reason.trim();
  if (r.length < 2) return '请写明退款原因（至少 2 个字），会告诉兑换的义警';
  if (r.length > 100) return '退款原因不能超过 100 个字';
  return null;
}

export function refundConfirmText(o: Pick<MallOrderResponse, 'productName' | 'pointsTotal' | 'cashFenTotal'>): string {
  const cash = o.cashFenTotal > 0 ? `，现金 ¥${yuanText(o.cashFenTotal)} 原路退回` : '';
  return `退款后「${o.productName}」的 ${o.pointsTotal} 积分退回义警${cash}，不能撤销。确定退款吗？`;
}

// ── pickup codes ──────────────────────────────────────────────────────────────────────────

/** What was typed or scanned: the 8 digits (spaces and dashes ignored), or the QR text `jhyj-pickup:<8 digits>`. */
export function parsePickupCode(raw: string): { code: string } | { problem: string } {
  let t = raw.trim();
  if (t.toLowerCase().startsWith(MALL_PICKUP_QR_PREFIX)) t = t.slice(MALL_PICKUP_QR_PREFIX.length);
  const digits = t.replace(/[\s-]/g, '');
  if (!digits) return { problem: '请输入义警出示的 8 位领取码' };
  if (!/^\d+$/.test(digits))
    return { problem: '这不是积分商城的领取码。请扫义警“我的订单”里的领取码，或输入 8 位数字' };
  if (digits.length !== 8) return { problem: `领取码是 8 位数字，已输入 ${digits.length} 位` };
  return { code: digits };
}

/** 8 digits as `1234 5678`, easier to read aloud. */
export function spacedCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)} ${code.slice(4)}` : code;
}

/** An already used code, said in one line. */
export function usedText(usedAt: string, usedByName: string | null, format: (iso: string) => string): string {
  return `这个领取码已于 ${format(usedAt)} 由 ${usedByName || '工作人员'} 核销，不能再次领取`;
}

// ── statistics ────────────────────────────────────────────────────────────────────────────

export type StatsPeriod = 'month' | 'lastMonth' | 'year';

export const STATS_PERIODS: readonly { value: StatsPeriod; label: string }[] = [
  { value: 'month', label: '本月' },
  { value: 'lastMonth', label: '上月' },
  { value: 'year', label: '今年' },
];

/** The `from`/`to` (Shanghai dates, inclusive) of a period, as of `now`. */
export function statsRange(period: StatsPeriod, now: Date): { from: string; to: string } {
  const today = businessDate(now);
  const [y, m] = today.split('-').map(Number);
  if (period === 'year') return { from: `${y}-01-01`, to: today };
  if (period === 'month') return { from: `${today.slice(0, 8)}01`, to: today };
  const py = m === 1 ? y - 1 : y;
  const pm = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(py, pm, 0)).getUTCDate();
  const mm = String(pm).padStart(2, '0');
  return { from: `${py}-${mm}-01`, to: `${py}-${mm}-${String(last).padStart(2, '0')}` };
}
