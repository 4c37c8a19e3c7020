import { describe, expect, it } from 'vitest';
import type { MallProductResponse } from '@jianghuai/shared';
import {
  EMPTY_ORDER_FILTERS,
  EMPTY_PRODUCT_FORM,
  allowedOrderActions,
  fenToYuanInput,
  orderQuery,
  orderStatusText,
  parsePickupCode,
  parseYuan,
  priceText,
  productBody,
  productErrorField,
  productToForm,
  refundConfirmText,
  refundReasonProblem,
  spacedCode,
  statsRange,
  stockAdjustment,
  usedText,
  yuanText,
  type ProductForm,
} from '../../src/logic/mall-admin';

const valid: ProductForm = {
  ...EMPTY_PRODUCT_FORM,
  name: ' 保温杯 ',
  category: '生活用品',
  pointsPrice: '200',
  stock: '50',
  pickupStationIds: [5, 6],
};

describe('yuan and fen', () => {
  it('reads amounts in yuan as whole fen, empty as no cash part', () => {
    expect(parseYuan('')).toEqual({ fen: 0 });
    expect(parseYuan('  ')).toEqual({ fen: 0 });
    expect(parseYuan('12')).toEqual({ fen: 1200 });
    expect(parseYuan('12.5')).toEqual({ fen: 1250 });
    expect(parseYuan('12.05')).toEqual({ fen: 1205 });
    expect(parseYuan('0.01')).toEqual({ fen: 1 });
    expect(parseYuan('¥3.10')).toEqual({ fen: 310 });
    // 0.1 + 0.2 style float drift never reaches the fen
    expect(parseYuan('19.99')).toEqual({ fen: 1999 });
  });

  it('refuses what is not an amount, with a sentence', () => {
    for (const bad of ['12.345', '-1', 'abc', '1,000', '.5', '1.']) {
      const r = parseYuan(bad);
      expect('problem' in r, bad).toBe(true);
    }
    expect(parseYuan('99999999999')).toEqual({ problem: '现金部分最多 100000 元' });
    // the server's most per item: 100 of them must still fit an order's total
    expect(parseYuan('100000')).toEqual({ fen: 10_000_000 });
    expect(parseYuan('100000.01')).toEqual({ problem: '现金部分最多 100000 元' });
  });

  it('writes fen back as yuan', () => {
    expect(yuanText(1250)).toBe('12.50');
    expect(yuanText(5)).toBe('0.05');
    expect(yuanText(0)).toBe('0.00');
    expect(fenToYuanInput(0)).toBe('');
    expect(fenToYuanInput(1999)).toBe('19.99');
    expect(priceText(200, 0)).toBe('200 积分');
    expect(priceText(200, 1250)).toBe('200 积分 + ¥12.50');
  });
});

describe('the product form', () => {
  it('makes the POST body of a new product, with its stock and the cash part in fen', () => {
    const r = productBody({ ...valid, cashYuan: '12.5', perPersonLimit: '2' }, ['a'.repeat(32)], true);
    expect(r).toEqual({
      body: {
        name: '保温杯',
        category: '生活用品',
        description: '',
        imageIds: ['a'.repeat(32)],
        pointsPrice: 200,
        cashFen: 1250,
        perPersonLimit: 2,
        pickupStationIds: [5, 6],
        delivery: false,
        stock: 50,
      },
    });
  });

  it('leaves the stock out of an edit (库存调整 changes it) and sends no stations for a delivered item', () => {
    const r = productBody({ ...valid, stock: '', delivery: true }, [], false);
    if (!('body' in r)) throw new Error(JSON.stringify(r));
    expect(r.body.stock).toBeUndefined();
    expect(r.body.pickupStationIds).toEqual([]);
    expect(r.body.delivery).toBe(true);
    expect(r.body.perPersonLimit).toBeNull();
  });

  it('puts each problem beside its field', () => {
    const r = productBody(
      { ...EMPTY_PRODUCT_FORM, pointsPrice: '0', cashYuan: 'x', stock: '-1', perPersonLimit: '0' },
      [],
      true,
      true,
    );
    if (!('errors' in r)) throw new Error('errors expected');
    expect(Object.keys(r.errors).sort()).toEqual(
      ['category', 'cashYuan', 'images', 'name', 'perPersonLimit', 'pickup', 'pointsPrice', 'stock'].sort(),
    );
    expect(r.errors.images).toContain('上传');
    expect(r.errors.pickup).toContain('服务站');
  });

  it('refuses more than six pictures and over-long texts', () => {
    const seven = Array.from({ length: 7 }, (_, i) => String(i).repeat(32));
    const r = productBody({ ...valid, name: '名'.repeat(61), category: '类'.repeat(31) }, seven, true);
    if (!('errors' in r)) throw new Error('errors expected');
    expect(r.errors).toMatchObject({ images: '最多 6 张图片' });
    expect(r.errors.name).toContain('60');
    expect(r.errors.category).toContain('30');
  });

  it('fills the form from a product, the cash part back in yuan', () => {
    const p: MallProductResponse = {
      id: 3,
      name: '雨衣',
      category: '装备物资',
      description: '均码',
      imageIds: ['f'.repeat(32)],
      pointsPrice: 300,
      cashFen: 990,
      stock: 7,
      perPersonLimit: null,
      onShelf: true,
      pickupStationIds: [9],
      delivery: false,
      orgUnitId: 1,
    };
    expect(productToForm(p)).toEqual({
      name: '雨衣',
      category: '装备物资',
      description: '均码',
      pointsPrice: '300',
      cashYuan: '9.90',
      stock: '7',
      perPersonLimit: '',
      pickupStationIds: [9],
      delivery: false,
    });
  });

  it("shows the server's refusals at the field they are about", () => {
    expect(productErrorField({ code: 'MALL_PICKUP_INVALID' })).toBe('pickup');
    expect(productErrorField({ code: 'MALL_IMAGE_INVALID' })).toBe('images');
    expect(productErrorField({ code: 'VALIDATION_FAILED', details: [{ field: 'cashFen', message: 'x' }] })).toBe(
      'cashYuan',
    );
    expect(productErrorField({ code: 'VALIDATION_FAILED', details: [{ field: 'imageIds.0', message: 'x' }] })).toBe(
      'images',
    );
    expect(productErrorField({ code: 'MALL_ORG_INVALID' })).toBe('form');
  });

  it('checks a stock adjustment: a non-zero change, never below 0, and a reason', () => {
    expect(stockAdjustment('+10', ' 新到货 ', 5)).toEqual({ delta: 10, reason: '新到货' });
    expect(stockAdjustment('-5', '盘点损耗', 5)).toEqual({ delta: -5, reason: '盘点损耗' });
    expect(stockAdjustment('-6', '盘点损耗', 5)).toEqual({ problem: '现有库存 5，最多只能减少 5' });
    expect('problem' in stockAdjustment('0', '盘点', 5)).toBe(true);
    expect('problem' in stockAdjustment('1.5', '盘点', 5)).toBe(true);
    expect(stockAdjustment('3', '补', 5)).toEqual({ problem: '请写明调整原因（至少 2 个字），会记入操作日志' });
  });
});

describe('order filters and actions', () => {
  it('sends only the filters that are set', () => {
    expect(orderQuery(EMPTY_ORDER_FILTERS)).toEqual({ query: {} });
    expect(orderQuery({ status: 'ready', productId: 4, from: '2026-11-01', to: '2026-11-30', q: '  保温杯 ' })).toEqual(
      { query: { status: 'ready', productId: 4, from: '2026-11-01', to: '2026-11-30', q: '保温杯' } },
    );
    expect(orderQuery({ ...EMPTY_ORDER_FILTERS, q: 'x'.repeat(40) })).toEqual({ query: { q: 'x'.repeat(30) } });
  });

  it('refuses a range that ends before it starts', () => {
    expect(orderQuery({ ...EMPTY_ORDER_FILTERS, from: '2026-12-01', to: '2026-11-30' })).toEqual({
      problem: '开始日期不能晚于结束日期',
    });
  });

  it('offers 备货完成 for a paid order, 退款 for paid and ready ones, nothing while a refund is under way', () => {
    expect(allowedOrderActions({ status: 'paid', refundStatus: null })).toEqual(['ready', 'refund']);
    expect(allowedOrderActions({ status: 'ready' })).toEqual(['refund']);
    for (const status of ['pending_payment', 'completed', 'cancelled', 'refunded'] as const)
      expect(allowedOrderActions({ status }), status).toEqual([]);
    expect(allowedOrderActions({ status: 'paid', refundStatus: 'processing' })).toEqual([]);
    // a station officer marks ready but never refunds
    expect(allowedOrderActions({ status: 'paid' }, false)).toEqual(['ready']);
    expect(allowedOrderActions({ status: 'ready' }, false)).toEqual([]);
  });

  it('says 退款处理中 until the money is back', () => {
    expect(orderStatusText({ status: 'paid', refundStatus: 'processing' })).toBe('退款处理中');
    expect(orderStatusText({ status: 'refunded', refundStatus: 'succeeded' })).toBe('已退款');
    expect(orderStatusText({ status: 'ready', refundStatus: 'failed' })).toBe('待领取（退款失败）');
    expect(orderStatusText({ status: 'ready' })).toBe('待领取');
  });

  it('asks for a refund reason of 2–100 characters and says what a refund gives back', () => {
    expect(refundReasonProblem(' 缺 ')).toContain('至少 2 个字');
    expect(refundReasonProblem('商品质量问题')).toBeNull();
    expect(refundReasonProblem('因'.repeat(101))).toContain('100');
    expect(refundConfirmText({ productName: '保温杯', pointsTotal: 200, cashFenTotal: 0 })).toBe(
      '退款后「保温杯」的 200 积分退回义警，不能撤销。确定退款吗？',
    );
    expect(refundConfirmText({ productName: '雨衣', pointsTotal: 300, cashFenTotal: 990 })).toContain(
      '现金 ¥9.90 原路退回',
    );
  });
});

describe('pickup codes', () => {
  it('reads 8 digits typed with spaces or dashes, and the QR text', () => {
    expect(parsePickupCode('12345678')).toEqual({ code: '12345678' });
    expect(parsePickupCode(' 1234 5678 ')).toEqual({ code: '12345678' });
    expect(parsePickupCode('1234-5678')).toEqual({ code: '12345678' });
    expect(parsePickupCode('jhyj-pickup:87654321')).toEqual({ code: '87654321' });
    expect(parsePickupCode('JHYJ-PICKUP:87654321')).toEqual({ code: '87654321' });
  });

  it('says what is wrong with anything else', () => {
    expect(parsePickupCode('')).toEqual({ problem: '请输入义警出示的 8 位领取码' });
    expect(parsePickupCode('1234567')).toEqual({ problem: '领取码是 8 位数字，已输入 7 位' });
    expect(parsePickupCode('123456789')).toEqual({ problem: '领取码是 8 位数字，已输入 9 位' });
    const other = parsePickupCode('jhyj-checkin:abc');
    expect('problem' in other && other.problem).toContain('不是积分商城的领取码');
    expect('problem' in parsePickupCode('jhyj-pickup:1234abcd')).toBe(true);
  });

  it('spaces the code 4 + 4 and says when and by whom it was used', () => {
    expect(spacedCode('12345678')).toBe('1234 5678');
    expect(usedText('2026-11-30T02:05:00Z', '王所长', () => '2026-11-30 10:05')).toBe(
      '这个领取码已于 2026-11-30 10:05 由 王所长 核销，不能再次领取',
    );
    expect(usedText('x', null, (s) => s)).toContain('由 工作人员 核销');
  });
});

describe('the statistics period', () => {
  it('is this month so far in Shanghai, also when UTC is still on the day before', () => {
    // 2026-11-30 23:30 UTC is 2026-12-01 07:30 in Shanghai
    expect(statsRange('month', new Date('2026-11-30T23:30:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-01' });
    expect(statsRange('month', new Date('2026-11-30T15:30:00Z'))).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  });

  it('last month is whole, across a year end; this year starts on 1 January', () => {
    expect(statsRange('lastMonth', new Date('2026-03-10T04:00:00Z'))).toEqual({
      from: '2026-02-01',
      to: '2026-02-28',
    });
    expect(statsRange('lastMonth', new Date('2026-12-31T23:30:00Z'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(statsRange('lastMonth', new Date('2027-01-05T04:00:00Z'))).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(statsRange('year', new Date('2026-11-30T23:30:00Z'))).toEqual({ from: '2026-01-01', to: '2026-12-01' });
  });
});
