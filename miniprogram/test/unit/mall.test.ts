import { describe, expect, it, vi } from 'vitest';
import type { MallOrderResponse } from '@jianghuai/shared';
import {
  canCancel,
  canPay,
  categoriesOf,
  groupOrders,
  mallErrorText,
  newClientRequestId,
  orderStatusText,
  orderSteps,
  payCountdown,
  priceText,
  productBadges,
  redeemSummary,
  refundText,
  spacedCode,
  waitUntilPaid,
  yuanText,
} from '../../src/logic/mall';
import { MALL_ORDER_TEMPLATES } from '../../src/logic/subscribe';

const PLACED = '2026-11-30T15:50:00.000Z'; // 23:50 in Shanghai

function order(overrides: Partial<MallOrderResponse> = {}): MallOrderResponse {
  return {
    id: 7,
    productId: 3,
    productName: '保温杯',
    quantity: 1,
    pointsTotal: 200,
    cashFenTotal: 0,
    status: 'paid',
    statusLabel: '已兑换',
    pickupStationId: 5,
    userId: 1,
    createdAt: PLACED,
    cancelledAt: null,
    ...overrides,
  };
}

describe('prices', () => {
  it('points alone, or points plus the cash part in yuan with two decimals', () => {
    expect(yuanText(1250)).toBe('¥12.50');
    expect(yuanText(5)).toBe('¥0.05');
    expect(priceText({ pointsPrice: 200, cashFen: 0 })).toBe('200 积分');
    expect(priceText({ pointsPrice: 100, cashFen: 990 })).toBe('100 积分 + ¥9.90');
    expect(priceText({ pointsPrice: 100, cashFen: 990 }, 2)).toBe('200 积分 + ¥19.80');
  });

  it('the confirm box: points taken, cash, balance after, and whether the balance covers it', () => {
    expect(redeemSummary({ pointsPrice: 300, cashFen: 1500 }, 1, 500)).toEqual({
      points: 300,
      cashFen: 1500,
      balanceAfter: 200,
      enough: true,
    });
    expect(redeemSummary({ pointsPrice: 300, cashFen: 0 }, 1, 299).enough).toBe(false);
  });
});

describe('productBadges', () => {
  it('sold out says only 已兑完; otherwise 可兑换 or 积分不足, plus 库存紧张 when 5 or fewer are left', () => {
    expect(productBadges({ stock: 0, affordable: true })).toEqual([{ text: '已兑完', tone: 'off' }]);
    expect(productBadges({ stock: 20, affordable: true })).toEqual([{ text: '可兑换', tone: 'ok' }]);
    expect(productBadges({ stock: 20, affordable: false })).toEqual([{ text: '积分不足', tone: 'warn' }]);
    expect(productBadges({ stock: 5, affordable: true }).map((b) => b.text)).toEqual(['可兑换', '库存紧张（剩 5 件）']);
    expect(productBadges({ stock: 6, affordable: undefined })).toEqual([]);
  });

  it('categories in the order the shelf shows them, each once', () => {
    expect(categoriesOf([{ category: '生活用品' }, { category: '装备' }, { category: '生活用品' }])).toEqual([
      '生活用品',
      '装备',
    ]);
  });
});

describe('orders', () => {
  it('groups by tab: 待付款, 待领取 (paid and ready), 已完成, 已取消/退款', () => {
    const all = (['pending_payment', 'paid', 'ready', 'completed', 'cancelled', 'refunded'] as const).map((status, i) =>
      order({ id: i, status }),
    );
    const groups = groupOrders(all);
    expect(groups.pending.map((o) => o.status)).toEqual(['pending_payment']);
    expect(groups.pickup.map((o) => o.status)).toEqual(['paid', 'ready']);
    expect(groups.done.map((o) => o.status)).toEqual(['completed']);
    expect(groups.closed.map((o) => o.status)).toEqual(['cancelled', 'refunded']);
  });

  it('status in words: paid waits for the station, a refund under way says so', () => {
    expect(orderStatusText(order({ status: 'paid' }))).toBe('已兑换，备货中');
    expect(orderStatusText(order({ status: 'ready' }))).toBe('待领取');
    expect(orderStatusText(order({ status: 'paid', refundStatus: 'processing' }))).toBe('退款处理中');
    expect(orderStatusText(order({ status: 'refunded', refundStatus: 'succeeded' }))).toBe('已退款');
  });

  it('15 minutes to pay, counted down in minutes and seconds, then no 去支付', () => {
    const placed = Date.parse(PLACED);
    expect(payCountdown(PLACED, placed)).toBe('还剩 15 分 00 秒');
    expect(payCountdown(PLACED, placed + 55_000)).toBe('还剩 14 分 05 秒');
    expect(payCountdown(PLACED, placed + 15 * 60_000)).toBeNull();
    const unpaid = order({ status: 'pending_payment', cashFenTotal: 990 });
    expect(canPay(unpaid, placed + 14 * 60_000)).toBe(true);
    expect(canPay(unpaid, placed + 15 * 60_000 + 1)).toBe(false);
    expect(canPay(order({ status: 'paid' }), placed)).toBe(false);
  });

  it('cancel: an unpaid order, or a points-only one not yet being got ready', () => {
    expect(canCancel(order({ status: 'pending_payment', cashFenTotal: 990 }))).toBe(true);
    expect(canCancel(order({ status: 'paid', cashFenTotal: 0 }))).toBe(true);
    expect(canCancel(order({ status: 'paid', cashFenTotal: 990 }))).toBe(false);
    expect(canCancel(order({ status: 'ready' }))).toBe(false);
    expect(canCancel(order({ status: 'cancelled' }))).toBe(false);
  });

  it('the pickup code in two groups of four', () => {
    expect(spacedCode('12345678')).toBe('1234 5678');
    expect(spacedCode('1234 5678')).toBe('1234 5678');
    expect(spacedCode('123')).toBe('123');
  });

  it('steps in Shanghai time: 下单 → 付款 (cash only) → 备货完成 → 已领取; a cancelled one ends there', () => {
    const ready = orderSteps(
      order({ status: 'ready', cashFenTotal: 990, paidAt: PLACED, readyAt: '2026-12-01T01:00:00.000Z' }),
    );
    expect(ready.map((s) => [s.label, s.at, s.done])).toEqual([
      ['下单', '2026-11-30 23:50', true],
      ['付款', '2026-11-30 23:50', true],
      ['备货完成', '2026-12-01 09:00', true],
      ['已领取', null, false],
    ]);
    const pointsOnly = orderSteps(order({ status: 'paid' }));
    expect(pointsOnly.map((s) => s.label)).toEqual(['下单', '备货完成', '已领取']);
    const cancelled = orderSteps(order({ status: 'cancelled', cancelledAt: '2026-11-30T16:05:00.000Z' }));
    expect(cancelled.map((s) => [s.label, s.at])).toEqual([
      ['下单', '2026-11-30 23:50'],
      ['已取消', '2026-12-01 00:05'],
    ]);
  });

  it('refund text: done, under way, failed; nothing for an order without a refund', () => {
    expect(refundText(order({ status: 'refunded', cashFenTotal: 990 }))).toContain('原路退回');
    expect(refundText(order({ status: 'refunded' }))).toBe('积分已退回。');
    expect(refundText(order({ status: 'paid', refundStatus: 'processing' }))).toContain('退款处理中');
    expect(refundText(order({ status: 'paid', refundStatus: 'failed' }))).toContain('没有成功');
    expect(refundText(order({ status: 'paid' }))).toBeNull();
  });
});

describe('placing and paying', () => {
  it('a request id the server accepts (8–64 of A-Z a-z 0-9 _ -), different each time the confirm box opens', () => {
    const a = newClientRequestId(Date.parse(PLACED), () => 0.5);
    expect(a).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(newClientRequestId(Date.parse(PLACED), () => 0.25)).not.toBe(a);
    expect(newClientRequestId(Date.parse(PLACED), () => 0)).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
  });

  it('refusals keep the server words and add what to do next', () => {
    expect(mallErrorText('积分不足，无法兑换', 'MALL_POINTS_INSUFFICIENT')).toBe(
      '积分不足，无法兑换。参加活动、上报线索可以攒积分，积分够了再来兑换。',
    );
    expect(mallErrorText('已兑完，库存不足', 'MALL_OUT_OF_STOCK')).toContain('看看其他商品');
    expect(mallErrorText('已达到每人限兑数量', 'MALL_LIMIT_REACHED')).toBe(
      '已达到每人限兑数量。这件商品您不能再兑换了，可以看看其他商品。',
    );
    expect(mallErrorText('该商品已下架', 'MALL_OFF_SHELF')).toContain('下架');
    expect(mallErrorText('别的错误', 'SOMETHING_ELSE')).toBe('别的错误');
  });

  it('waits for the server to say paid: a check, then a read every 2 s, never marking it paid itself', async () => {
    const slept: number[] = [];
    const sleep = async (ms: number) => void slept.push(ms);
    const reads = [
      order({ status: 'pending_payment' }),
      order({ status: 'pending_payment' }),
      order({ status: 'paid' }),
    ];
    const result = await waitUntilPaid(
      async () => order({ status: 'pending_payment' }),
      async () => reads.shift()!,
      { sleep },
    );
    expect(result.kind).toBe('paid');
    expect(slept).toEqual([2000, 2000, 2000]);
  });

  it('gives up after about 20 s still unpaid, and reports a cancelled order as closed', async () => {
    const sleep = async () => undefined;
    let reads = 0;
    const unpaid = await waitUntilPaid(
      async () => {
        throw new Error('network');
      },
      async () => {
        reads += 1;
        return order({ status: 'pending_payment' });
      },
      { sleep },
    );
    expect(unpaid.kind).toBe('timeout');
    expect(reads).toBe(10);
    const closed = await waitUntilPaid(
      async () => order({ status: 'cancelled' }),
      async () => order({ status: 'cancelled' }),
      { sleep },
    );
    expect(closed.kind).toBe('closed');
  });
});

describe('order messages', () => {
  it('asks for at most three templates (the limit of WeChat), among them the order state that says 可以领取了', () => {
    expect(MALL_ORDER_TEMPLATES).toEqual(['mall_paid', 'order_status', 'mall_refunded']);
  });
});

describe('app.config', () => {
  type Config = { subPackages: { root: string; pages: string[] }[] };
  async function mallPages(sandboxLogin: string | undefined, taroEnv = 'h5'): Promise<string[]> {
    const g = globalThis as unknown as { defineAppConfig?: (c: unknown) => unknown };
    const before = { env: { ...process.env }, define: g.defineAppConfig };
    g.defineAppConfig = (c) => c;
    try {
      vi.resetModules();
      process.env.TARO_ENV = taroEnv;
      if (sandboxLogin === undefined) delete process.env.JH_BUILD_SANDBOX_LOGIN;
      else process.env.JH_BUILD_SANDBOX_LOGIN = sandboxLogin;
      const config = (await import('../../src/app.config')).default as unknown as Config;
      const mall = config.subPackages.find((p) => p.root === 'mall');
      return (mall?.pages ?? []).map((page) => `mall/${page}`);
    } finally {
      process.env = before.env;
      g.defineAppConfig = before.define;
    }
  }

  it('the mall sub-package has the pages messages link to; the sandbox pay page only in H5 demo builds', async () => {
    const demo = await mallPages('true');
    expect(demo).toEqual(expect.arrayContaining(['mall/index/index', 'mall/order/index', 'mall/sandbox-pay/index']));
    expect(await mallPages('false')).not.toContain('mall/sandbox-pay/index');
    expect(await mallPages(undefined, 'weapp')).toEqual([
      'mall/index/index',
      'mall/product/index',
      'mall/orders/index',
      'mall/order/index',
    ]);
  });
});
