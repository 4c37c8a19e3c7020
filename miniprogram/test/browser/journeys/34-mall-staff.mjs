// Points mall, the staff's side: the operator creates a product with a picture, puts it on the shelf and adjusts its
// stock; 张伟 redeems it twice through the API (points credited by the station's audited adjustment); the operator
// marks one order ready; 王所长 (平湖派出所) verifies its pickup code in 积分商城核销, and the same code again shows
// when and by whom it was used; the operator refunds the other order with a reason and 统计 moves.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  api,
  assert,
  byTestId,
  checkOlderUserSizes,
  clockNow,
  confirmModal,
  fillInput,
  fillTextarea,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
  visible,
} from '../support.mjs';
import { staffTokenOf, wechatTokens } from './12-user-fixes.mjs';

const PHOTO = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/tip-photo.jpg');

/** The operator: 商品管理 → 新增商品 with a picture, pickup at 平湖派出所 → 保存 → 上架 → 库存调整 +5. */
async function createProduct(page, base, name) {
  await signInAsStaff(page, base, 'mall');
  await tap(page, 'tile-products');
  await visible(page, 'admin-mall-products');
  await tap(page, 'mall-product-new');
  await visible(page, 'mall-product-form');
  await tap(page, 'mall-form-save');
  const nameError = await textOf(page, 'mall-form-name-error');
  assert(nameError.includes('商品名称'), `an empty form says "${nameError}" at the name`);
  await fillInput(page, 'mall-form-name', name);
  await tap(page, 'mall-form-category-生活用品');
  await fillTextarea(page, 'mall-form-description', '不锈钢，500 毫升');
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: STEP_TIMEOUT_MS }),
    tap(page, 'mall-form-add-picture'),
  ]);
  await chooser.setFiles(PHOTO);
  await visible(page, 'mall-form-picture');
  await fillInput(page, 'mall-form-pointsPrice', '5');
  await fillInput(page, 'mall-form-cashYuan', '1.234');
  await fillInput(page, 'mall-form-stock', '10');
  await page.locator('[data-testid^="mall-form-station-"][data-name="平湖派出所"]').first().click();
  await tap(page, 'mall-form-save');
  const cashError = await textOf(page, 'mall-form-cashYuan-error');
  assert(cashError.includes('两位小数'), `a cash part of 1.234 says "${cashError}"`);
  await fillInput(page, 'mall-form-cashYuan', '');
  await shot(page, 'mall-staff01-new-product');
  await tap(page, 'mall-form-save');
  const saved = await textContaining(page, 'mall-form-saved', '已创建');
  assert(saved.includes('未上架'), `after saving the form says "${saved}"`);
  await tap(page, 'mall-shelf-toggle');
  const state = await textContaining(page, 'mall-product-state', '已上架');
  assert(state.startsWith('已上架'), `after 上架 the product reads "${state}"`);
  await fillInput(page, 'mall-stock-delta', '5');
  await fillInput(page, 'mall-stock-reason', '新到货');
  await tap(page, 'mall-stock-submit');
  const result = await textOf(page, 'mall-stock-result');
  assert(result.includes('10 调整为 15'), `the stock adjustment reads "${result}"`);
  await checkOlderUserSizes(page, { textId: 'mall-product-state', targetIds: ['mall-shelf-toggle', 'mall-form-save'] });
  await shot(page, 'mall-staff02-on-shelf');
}

/** 张伟 gets points from the station (audited adjustment) and redeems the product twice: returns both orders. */
async function guardRedeemsTwice(base, name) {
  const station = await staffTokenOf(base, 'pinghu_station');
  const mall = await staffTokenOf(base, 'mall');
  const zhang = (await wechatTokens(base, 'zhangwei')).accessToken;
  const found = await api(base, 'GET', '/admin/volunteers?q=MAS2026000001', station);
  const volunteer = found.items[0];
  assert(volunteer, '张伟 is not in 平湖派出所’s volunteers');
  await api(base, 'POST', '/admin/points/adjustments', station, {
    volunteerId: volunteer.id,
    amount: 20,
    reason: '积分商城演示',
  });
  const products = await api(base, 'GET', `/admin/mall/products?q=${encodeURIComponent(name)}`, mall);
  const product = products.items[0];
  assert(product && product.onShelf && product.stock === 15, `the product reads ${JSON.stringify(product)}`);
  const tag = clockNow().toString(36);
  const order = (n) =>
    api(base, 'POST', '/mall/orders', zhang, {
      productId: product.id,
      quantity: 1,
      pickupStationId: product.pickupStationIds[0],
      clientRequestId: `staff-journey-${tag}-${n}`,
    });
  const first = await order(1);
  const second = await order(2);
  assert(first.status === 'paid' && second.status === 'paid', `the orders are ${first.status} and ${second.status}`);
  return { zhang, first, second };
}

/** 导出 Excel on 订单, filtered by the product: the browser saves an .xlsx (a zip: it starts with PK). */
async function exportOrders(page, base, name) {
  await tap(page, 'tile-orders');
  await visible(page, 'admin-mall-orders');
  await fillInput(page, 'mall-orders-search', name);
  await tap(page, 'mall-orders-search-go');
  await page.locator('[data-testid="mall-order-row"]').first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: STEP_TIMEOUT_MS }),
    tap(page, 'mall-orders-export'),
  ]);
  assert(download.suggestedFilename().endsWith('.xlsx'), `the export is named ${download.suggestedFilename()}`);
  const bytes = readFileSync(await download.path());
  assert(
    bytes.length > 1000 && bytes.subarray(0, 2).toString() === 'PK',
    `the export is ${bytes.length} bytes, no xlsx`,
  );
  console.log(`    导出 Excel: ${download.suggestedFilename()}, ${bytes.length} bytes`);
  await backHome(page, base);
}

/** The operator opens one order of the product from 订单 (searched by the product's name). */
async function openOrder(page, name, orderId) {
  await tap(page, 'tile-orders');
  await visible(page, 'admin-mall-orders');
  await fillInput(page, 'mall-orders-search', name);
  await tap(page, 'mall-orders-search-go');
  const row = page.locator(`[data-testid="mall-order-row"][data-order-id="${orderId}"]`).first();
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const count = await textOf(page, 'mall-order-list-count');
  assert(count === '共 2 个订单', `searching "${name}" lists "${count}"`);
  await row.click();
  await visible(page, 'admin-mall-order');
}

/** A fresh page stack on the home (the staff home of whoever is signed in). */
async function backHome(page, base) {
  await page.goto(`${base}/#/pages/index/index`);
  await page.reload();
  await page
    .locator('[data-testid="home-staff"]:visible')
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** 王所长: 积分商城核销 → the code → what it is for (masked name) → 确认核销 → the same code again → 已核销. */
async function verifyAtStation(page, base, code, name) {
  await signInAsStaff(page, base, 'pinghu_station');
  await tap(page, 'tile-station-mall-verify');
  await visible(page, 'admin-mall-verify');
  const handover = page.locator('[data-testid="mall-handover"] [data-testid="mall-order-row"]', { hasText: name });
  await handover.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await fillInput(page, 'mall-verify-code', '00000000');
  await tap(page, 'mall-verify-lookup');
  const unknown = await textOf(page, 'mall-verify-error');
  assert(unknown.length > 4 && !unknown.includes(name), `an unknown code says "${unknown}"`);
  await fillInput(page, 'mall-verify-code', `${code.slice(0, 4)} ${code.slice(4)}`);
  await tap(page, 'mall-verify-lookup');
  await visible(page, 'mall-verify-found');
  assert((await textOf(page, 'mall-verify-product')) === name, 'the lookup shows another product');
  const who = await textOf(page, 'mall-verify-name');
  assert(who.startsWith('张') && !who.includes('张伟'), `the volunteer is shown as "${who}", not masked`);
  await checkOlderUserSizes(page, { textId: 'mall-verify-product', targetIds: ['mall-verify-confirm'] });
  await shot(page, 'mall-staff04-verify-lookup');
  await tap(page, 'mall-verify-confirm');
  await visible(page, 'mall-verify-done');
  await shot(page, 'mall-staff05-verified');
  await tap(page, 'mall-verify-next');
  await fillInput(page, 'mall-verify-code', code);
  await tap(page, 'mall-verify-lookup');
  const used = await textOf(page, 'mall-verify-used');
  assert(used.includes('已于') && used.includes('王所长'), `a used code says "${used}"`);
  assert((await byTestId(page, 'mall-verify-confirm').count()) === 0, 'a used code still offers 确认核销');
  await shot(page, 'mall-staff06-already-used');
}

/** The 合计 line of 统计's sales table (orders, units, points, cash). */
async function statsTotal(page, base) {
  await tap(page, 'tile-mall-stats');
  await visible(page, 'admin-mall-stats');
  const total = (await textOf(page, 'mall-stats-total')).replace(/\s+/g, ' ');
  await backHome(page, base);
  return total;
}

export default [
  {
    name: 'mall-staff',
    title:
      '(商城) 运营新增商品带图片并上架 → 张伟兑换两单 → 运营备货 → 平湖派出所核销领取码（再扫显示已核销）→ 运营退款另一单，统计随之变化',
    async run(page, base) {
      const name = `保温杯 ${String(clockNow() % 1_000_000)}`;
      await createProduct(page, base, name);
      const { zhang, first, second } = await guardRedeemsTwice(base, name);

      await backHome(page, base);
      await openOrder(page, name, first.id);
      await tap(page, 'mall-order-ready');
      const ready = await textContaining(page, 'mall-order-status', '待领取');
      assert(ready === '待领取', `after 备货完成 the order reads "${ready}"`);
      await shot(page, 'mall-staff03-ready');
      const mine = await api(base, 'GET', `/me/orders/${first.id}`, zhang);
      assert(/^\d{8}$/.test(mine.pickupCode ?? ''), `张伟's ready order has the code "${mine.pickupCode}"`);

      await verifyAtStation(page, base, mine.pickupCode, name);

      await signInAsStaff(page, base, 'mall');
      const before = await statsTotal(page, base);
      await openOrder(page, name, second.id);
      await tap(page, 'mall-order-refund-start');
      await tap(page, 'mall-refund-confirm');
      const missing = await textOf(page, 'mall-order-error');
      assert(missing.includes('退款原因'), `a refund without a reason says "${missing}"`);
      await fillTextarea(page, 'mall-refund-reason', '商品缺货，协商退款');
      await tap(page, 'mall-refund-confirm');
      await confirmModal(page, '确定退款');
      const refunded = await textContaining(page, 'mall-order-status', '已退款');
      assert(refunded === '已退款', `after 退款 the order reads "${refunded}"`);
      const reason = await textOf(page, 'mall-order-refund');
      assert(reason.includes('商品缺货，协商退款'), `the refund line reads "${reason}"`);
      await shot(page, 'mall-staff07-refunded');
      await backHome(page, base);
      const after = await statsTotal(page, base);
      console.log(`    统计 合计: before "${before}", after "${after}"`);
      const orders = (line) => Number(line.split(' ')[1]);
      assert(orders(after) === orders(before) - 1, `统计 did not drop the refunded order: "${before}" → "${after}"`);
      await exportOrders(page, base, name);
      await tap(page, 'tile-mall-stats');
      await visible(page, 'mall-stats-liability');
      await shot(page, 'mall-staff08-stats');
    },
  },
];
