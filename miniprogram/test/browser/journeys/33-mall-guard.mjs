// Points mall, the guard's side: 张伟 opens 积分商城 from the home tile, redeems a points-only item (confirm box,
// balance after), then an item with a cash part and pays it on the sandbox's pay page (the server confirms the
// payment; the page waits with 支付确认中…), is refused a second one with the reason in words, sees both under
// 待领取 in 我的订单, and once the station marks one ready (through the API as 平湖派出所), its pickup code spaced
// 4+4 with the QR. Screens and taps are counted and printed.
import {
  assert,
  byTestId,
  checkOlderUserSizes,
  confirmModal,
  shot,
  STAFF_PASSWORD,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
  visible,
} from '../support.mjs';
import { openAs, wechatTokens } from './12-user-fixes.mjs';

const POINTS_ONLY = '义警保温杯';
const VEST = '反光背心';
const WITH_CASH = '强光手电筒';

async function api(base, method, path, token, body) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function staffToken(base, username) {
  const res = await api(base, 'POST', '/auth/staff/login', null, { username, password: STAFF_PASSWORD });
  assert(res.status === 200, `${username} could not sign in: ${res.status}`);
  return res.body.accessToken;
}

/** The demo seed gives 张伟 1000 points; a run where other journeys spent them tops him up by an officer's adjustment. */
async function ensurePoints(base, guard, needed) {
  const balance = (await api(base, 'GET', '/me/points', guard.accessToken)).body.balance;
  if (balance >= needed) return balance;
  const station = await staffToken(base, 'pinghu_station');
  const list = await api(base, 'GET', '/admin/volunteers?q=%E5%BC%A0%E4%BC%9F&pageSize=5', station);
  const volunteer = list.body.items.find((v) => v.name === '张伟');
  const body = {
    volunteerId: volunteer.id,
    amount: Math.min(1000, needed - balance + 100),
    reason: '积分商城演示补充积分',
  };
  const res = await api(base, 'POST', '/admin/points/adjustments', station, body);
  assert(
    res.status === 200 || res.status === 201,
    `张伟 has ${balance} points and the adjustment answered ${res.status}`,
  );
  return (await api(base, 'GET', '/me/points', guard.accessToken)).body.balance;
}

async function openProduct(page, name, press) {
  const card = page.locator('[data-testid="mall-product"]', { hasText: name }).first();
  await card.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await card.click();
  press.taps += 1;
  await visible(page, 'mall-redeem');
}

/** From the home tile to the order page: the home, the product with its confirm box, the order. */
async function redeem(page, name, balance) {
  const press = { taps: 0, screens: new Set() };
  const step = async (id) => {
    await tap(page, id);
    press.taps += 1;
  };
  await step('tile-mall');
  await visible(page, 'mall-home');
  press.screens.add('home');
  const shown = Number(await textOf(page, 'mall-balance'));
  assert(shown === balance, `the mall shows ${shown} points, the server ${balance}`);
  if (name === POINTS_ONLY) {
    await checkOlderUserSizes(page, { textId: 'mall-product-name', targetIds: ['mall-product'] });
    await shot(page, 'mall00-home');
  }
  await openProduct(page, name, press);
  press.screens.add('product');
  await step('mall-redeem');
  await visible(page, 'mall-confirm');
  return press;
}

async function pointsOnly(page, balance) {
  const press = await redeem(page, POINTS_ONLY, balance);
  const after = await textOf(page, 'mall-confirm-after');
  assert(after.includes(`${balance - 200} 积分`), `the confirm box says after: "${after}"`);
  await checkOlderUserSizes(page, { textId: 'mall-confirm-points', targetIds: ['mall-confirm-submit'] });
  await shot(page, 'mall01-confirm-points-only');
  await tap(page, 'mall-confirm-submit');
  press.taps += 1;
  await visible(page, 'mall-order');
  press.screens.add('order');
  const state = await textContaining(page, 'mall-order-state', '已兑换');
  assert(state === '已兑换，备货中', `a points-only order reads "${state}"`);
  await shot(page, 'mall02-order-points-only');
  return press;
}

async function withCash(page, balance) {
  const press = await redeem(page, WITH_CASH, balance);
  const cash = await textOf(page, 'mall-confirm-cash');
  assert(cash.includes('¥19.90'), `the confirm box says the cash part "${cash}"`);
  await tap(page, 'mall-confirm-submit');
  press.taps += 1;
  // the order page starts paying at once: the sandbox's pay page stands in for WeChat's cashier
  await visible(page, 'sandbox-pay');
  press.screens.add('pay');
  assert((await textOf(page, 'sandbox-pay-amount')) === '¥19.90', 'the sandbox pay page shows another amount');
  await checkOlderUserSizes(page, { textId: 'sandbox-pay-notice', targetIds: ['sandbox-pay-confirm'] });
  await shot(page, 'mall03-sandbox-pay');
  await tap(page, 'sandbox-pay-confirm');
  press.taps += 1;
  await visible(page, 'mall-order');
  await byTestId(page, 'mall-paid-notice').waitFor({ state: 'visible', timeout: 25_000 });
  const state = await textOf(page, 'mall-order-state');
  assert(state === '已兑换，备货中', `after paying the order reads "${state}"`);
  await shot(page, 'mall04-paid');
  return press;
}

/**
 * The vest allows two per person: earlier journeys of the full run (the readability walk opens a real order of it) may
 * hold some, so 张伟 first cancels his vest orders that can still be cancelled, leaving room for this journey's two.
 */
async function freeVestLimit(base, guard) {
  const mine = (await api(base, 'GET', '/me/orders?page=1&pageSize=100', guard.accessToken)).body;
  const live = (mine.items ?? mine).filter(
    (o) => o.productName === VEST && (o.status === 'paid' || o.status === 'pending_payment'),
  );
  for (const o of live) {
    const res = await api(base, 'POST', `/me/orders/${o.id}/cancel`, guard.accessToken);
    assert(
      res.status === 200,
      `cancelling an earlier ${VEST} order answered ${res.status}: ${JSON.stringify(res.body)}`,
    );
  }
}

/** 反光背心 ordered through the API (a fresh request id each time): the order. */
async function orderVest(base, guard) {
  const shelf = (await api(base, 'GET', `/mall/products?q=${encodeURIComponent(VEST)}`, guard.accessToken)).body.items;
  const vest = shelf.find((p) => p.name === VEST);
  const res = await api(base, 'POST', '/mall/orders', guard.accessToken, {
    productId: vest.id,
    quantity: 1,
    pickupStationId: vest.pickupStationIds[0],
    clientRequestId: `journey${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  });
  assert(res.status === 200, `ordering ${VEST} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

const rowOf = (page, id) => page.locator(`[data-testid="mall-order-row"][data-order-id="${id}"]`).first();

export default [
  {
    name: 'mall-guard-redeem-pay-pickup',
    title:
      '(积分商城) 张伟兑换纯积分商品 → 兑换带现金的商品并在沙箱支付页付款 → 我的订单待领取 → 备货完成后看到领取码和二维码',
    async run(page, base) {
      const zhang = await wechatTokens(base, 'zhangwei');
      const start = await ensurePoints(base, zhang, 600);
      await openAs(page, base, zhang, 'home-volunteer');

      const first = await pointsOnly(page, start);
      console.log(`    积分兑换: ${first.screens.size} screens, ${first.taps} taps`);
      await page.goto(`${base}/#/pages/index/index`);
      await visible(page, 'home-volunteer');
      const second = await withCash(page, start - 200);
      console.log(`    现金兑换并支付: ${second.screens.size} screens, ${second.taps} taps`);

      // a second one passes the per-person limit: refused in words, with what to do next
      await page.goto(`${base}/#/mall/index/index`);
      await openProduct(page, WITH_CASH, { taps: 0 });
      await tap(page, 'mall-redeem');
      await tap(page, 'mall-confirm-submit');
      const refused = await textOf(page, 'mall-confirm-error');
      assert(refused.includes('每人限兑'), `the second order is refused with "${refused}"`);
      await visible(page, 'mall-confirm-other');
      await shot(page, 'mall05-limit-reached');

      // 我的 → 我的订单: both under 待领取
      await page.goto(`${base}/#/pages/mine/index`);
      await tap(page, 'mine-mall-orders');
      await visible(page, 'mall-orders');
      await tap(page, 'mall-order-tab-pickup');
      for (const name of [POINTS_ONLY, WITH_CASH])
        await page
          .locator('[data-testid="mall-order-row"]', { hasText: name })
          .first()
          .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await checkOlderUserSizes(page, { textId: 'mall-order-status', targetIds: ['mall-orders-shop'] });
      await shot(page, 'mall06-my-orders');

      // the station has it ready: the pickup code, spaced 4+4, and its QR
      const mine = (await api(base, 'GET', '/me/orders?pageSize=20', zhang.accessToken)).body.items;
      const cup = mine.find((o) => o.productName === POINTS_ONLY && o.status === 'paid');
      const station = await staffToken(base, 'pinghu_station');
      const ready = await api(base, 'POST', `/admin/mall/orders/${cup.id}/ready`, station);
      assert(ready.status === 200, `marking the order ready answered ${ready.status}`);
      await page.goto(`${base}/#/mall/order/index?id=${cup.id}`);
      const code = await textOf(page, 'mall-pickup-code');
      assert(/^\d{4} \d{4}$/.test(code), `the pickup code reads "${code}"`);
      await visible(page, 'mall-pickup-qr');
      const hint = await textOf(page, 'mall-pickup-hint');
      assert(hint.includes('平湖派出所'), `the pickup hint reads "${hint}"`);
      assert((await textOf(page, 'mall-order-state')) === '待领取', 'a ready order does not read 待领取');
      await checkOlderUserSizes(page, { textId: 'mall-pickup-hint', targetIds: ['mall-order-all'] });
      await shot(page, 'mall07-pickup-code');
    },
  },
  {
    name: 'mall-guard-cancel-and-refund',
    title: '(积分商城) 张伟在我的订单里取消一个纯积分订单（确认对话框，积分退回）；运营退款的订单显示原因和退款状态',
    async run(page, base) {
      const zhang = await wechatTokens(base, 'zhangwei');
      await ensurePoints(base, zhang, 300);
      await freeVestLimit(base, zhang);
      const toCancel = await orderVest(base, zhang);
      const toRefund = await orderVest(base, zhang);
      const before = (await api(base, 'GET', '/me/points', zhang.accessToken)).body.balance;
      await openAs(page, base, zhang, 'home-volunteer');
      await page.goto(`${base}/#/mall/orders/index`);
      await visible(page, 'mall-orders');
      await tap(page, 'mall-order-tab-pickup');
      const row = rowOf(page, toCancel.id);
      await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await row.locator('[data-testid="mall-order-cancel"]').click();
      await confirmModal(page, '确认取消');
      await tap(page, 'mall-order-tab-closed');
      const cancelled = rowOf(page, toCancel.id);
      await cancelled.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const status = (await cancelled.locator('[data-testid="mall-order-status"]').innerText()).trim();
      assert(status === '状态：已取消', `the cancelled order reads "${status}"`);
      const after = (await api(base, 'GET', '/me/points', zhang.accessToken)).body.balance;
      assert(after === before + toCancel.pointsTotal, `cancelling gave back ${after - before} points`);
      await shot(page, 'mall08-cancelled');

      const operator = await staffToken(base, 'mall');
      const reason = '商品批次有质量问题，已退回积分';
      const refund = await api(base, 'POST', `/admin/mall/orders/${toRefund.id}/refund`, operator, { reason });
      assert(refund.status === 200, `the refund answered ${refund.status}: ${JSON.stringify(refund.body)}`);
      await page.goto(`${base}/#/mall/order/index?id=${toRefund.id}`);
      const shown = await textContaining(page, 'mall-refund', reason);
      assert(shown.includes(reason) && shown.includes('积分已退回'), `the refund box reads "${shown}"`);
      assert((await textOf(page, 'mall-order-state')) === '已退款', 'a refunded order does not read 已退款');
      await checkOlderUserSizes(page, { textId: 'mall-refund', targetIds: ['mall-order-all'] });
      await shot(page, 'mall09-refunded');
    },
  },
];
