// War-time and a plan launched in one step: the 雨山分局 officer declares war-time over 平湖派出所's area from 战时状态;
// 张伟 (a guard there) sees the red banner on his home; the branch launches the plan 平湖片区重点单位摸排 (war-time mode);
// on the live board the figures fill without a reload as 王建国 accepts and arrives; 张伟 accepts, arrives at the rally
// point (the browser's position) and files the 摸排 form item by item; the board shows his report. War-time is ended
// early at the end (also when a step failed), so later journeys see no war-time default.
import { gcj02ToWgs84 } from '@jianghuai/shared';
import {
  api,
  assert,
  byTestId,
  clockNow,
  confirmModal,
  fillInput,
  shot,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
  textContaining,
  textOf,
  visible,
} from '../support.mjs';
import { openAs, staffTokenOf, wechatTokens } from './12-user-fixes.mjs';

export const PLAN_NAME = '平湖片区重点单位摸排';

/** The unit named `name` in the officer's org tree. */
export async function unitId(base, token, name) {
  const walk = (nodes) => nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);
  const unit = walk(await api(base, 'GET', '/org-units/tree', token)).find((n) => n.name === name);
  assert(unit, `no unit named ${name} in the officer's tree`);
  return unit.id;
}

/** The browser's reading (WGS-84) for a stored point (GCJ-02), as the guard's phone would report it there. */
export const browserReading = (gcj) => {
  const { lat, lng } = gcj02ToWgs84(gcj);
  return { latitude: lat, longitude: lng, accuracy: 15 };
};

/** The board's figure `label` as a number, once it reads at least `atLeast` (polled by the page, never reloaded). */
export async function figureAtLeast(page, label, atLeast) {
  const locator = byTestId(page, `board-${label}`).locator('.jh-cu-figure__n');
  const deadline = Date.now() + 20_000;
  let n = NaN;
  while (Date.now() < deadline) {
    n = Number(await locator.innerText().catch(() => 'NaN'));
    if (n >= atLeast) return n;
    await page.waitForTimeout(500);
  }
  throw new Error(`the board's ${label} stayed at ${n}, expected at least ${atLeast}`);
}

/** The demo plan, made through the API when the demo data does not hold it. */
async function ensurePlan(base, branch) {
  const plans = await api(base, 'GET', '/admin/callup-plans?pageSize=100', branch);
  if (plans.items.some((p) => p.name === PLAN_NAME)) return;
  await api(base, 'POST', '/admin/callup-plans', branch, {
    name: PLAN_NAME,
    kind: 'verification',
    target: { unitId: await unitId(base, branch, '平湖派出所') },
    title: PLAN_NAME,
    task: '逐一核对片区重点单位的人员、门岗和消防通道，如实填写。',
    rally: { address: '平湖派出所门口', lat: 31.6612, lng: 118.5037 },
    deadlineMinutes: 240,
    items: ['湖东路加油站', '平湖小学'],
  });
}

/** The branch officer: 战时状态 → 宣布 → 平湖派出所, 6 hours, a reason → the list says 战时中. */
async function declare(page, base, reason) {
  await signInAsStaff(page, base, 'yushan_branch');
  await tap(page, 'tile-wartime');
  await visible(page, 'wartime-page');
  await tap(page, 'wartime-new');
  await tap(page, 'wartime-area-平湖派出所');
  await tap(page, 'wartime-hours-6');
  await fillInput(page, 'wartime-reason', reason);
  await shot(page, 'cw01-declare-form');
  await tap(page, 'wartime-declare');
  const row = page.locator('[data-testid="wartime-row"]', { hasText: reason }).first();
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  assert((await row.innerText()).includes('战时中'), `the declared state reads "${await row.innerText()}"`);
}

/** 张伟 opens the call-up from his home, accepts, arrives by location and files the 摸排 form. */
async function guardAnswers(page, base, title) {
  const zhang = await wechatTokens(base, 'zhangwei');
  await openAs(page, base, zhang, 'home-volunteer');
  await tap(page, 'tile-callups');
  const row = page.locator('[data-testid="my-callup-row"]', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  assert((await row.innerText()).includes('战时'), `the list row reads "${await row.innerText()}"`);
  await row.click();
  await visible(page, 'my-callup');
  await tap(page, 'callup-accept');
  await textContaining(page, 'callup-done', '已接受');
  const id = Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
  const mine = await api(base, 'GET', `/callups/${id}`, zhang.accessToken);
  await page.context().grantPermissions(['geolocation'], { origin: base });
  await page.context().setGeolocation(browserReading(mine.rally));
  await tap(page, 'callup-arrive');
  await textContaining(page, 'callup-status', '已到达');
  await shot(page, 'cw04-guard-arrived');
  await tap(page, 'callup-report');
  await visible(page, 'callup-report-page');
  const items = page.locator('[data-testid="callup-item"]');
  await items.first().waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const count = await items.count();
  assert(count === mine.items.length && count > 0, `the form shows ${count} items for ${mine.items.length}`);
  for (let i = 0; i < count; i++) await items.nth(i).locator('[data-testid="callup-item-found"]').click();
  await items
    .nth(count - 1)
    .locator('[data-testid="callup-item-changed"]')
    .click();
  await items
    .nth(count - 1)
    .locator('[data-testid="callup-item-note"] input')
    .fill('门岗换了位置，已登记');
  await shot(page, 'cw05-guard-verification-form');
  await tap(page, 'callup-report-submit');
  await visible(page, 'callup-my-report');
  assert((await textOf(page, 'callup-status')).includes('已反馈'), 'after the report the call-up does not say 已反馈');
  return id;
}

export default [
  {
    name: 'callups-wartime-plan',
    title:
      '(调度) 雨山分局宣布平湖派出所辖区战时状态 → 张伟首页看到战时横幅 → 分局一键启动摸排预案（战时模式）→ 看板不刷新即更新 → 张伟接受、到达、填写摸排表 → 看板显示已反馈',
    async run(page, base) {
      const tag = String(clockNow() % 1_000_000);
      const reason = `防汛集结演练 ${tag}`;
      const branch = await staffTokenOf(base, 'yushan_branch');
      await ensurePlan(base, branch);
      try {
        await declare(page, base, reason);

        const zhang = await wechatTokens(base, 'zhangwei');
        await openAs(page, base, zhang, 'home-volunteer');
        const banner = await textContaining(page, 'wartime-banner', reason);
        assert(banner.includes('战时状态') && banner.includes(reason), `张伟's home shows "${banner}"`);
        await shot(page, 'cw02-guard-banner');

        await signInAsStaff(page, base, 'yushan_branch');
        await tap(page, 'tile-dispatch');
        await tap(page, 'admin-callup-plans');
        const card = page.locator(`[data-testid="plan-card"][data-plan-name="${PLAN_NAME}"]`).first();
        await card.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        await card.locator('[data-testid="plan-launch"]').click();
        await confirmModal(page, '启动');
        await visible(page, 'callup-board');
        const head = await textOf(page, 'board-title');
        assert(head.includes('战时'), `the board's title reads "${head}"`);
        const asked = await figureAtLeast(page, '已通知', 2);
        const id = Number(new URL(page.url().replace('#', '')).searchParams.get('id'));
        const title = (await api(base, 'GET', `/admin/callups/${id}`, branch)).title;
        await shot(page, 'cw03-board-launched');

        // 王建国 answers on his phone while the officer watches: the board moves without a reload.
        const wang = (await wechatTokens(base, 'wangjianguo')).accessToken;
        await api(base, 'POST', `/callups/${id}/answer`, wang, { answer: 'accept' });
        await figureAtLeast(page, '已接受', 1);
        const rally = (await api(base, 'GET', `/callups/${id}`, wang)).rally;
        await api(base, 'POST', `/callups/${id}/arrive`, wang, { lat: rally.lat, lng: rally.lng });
        await figureAtLeast(page, '已到达', 1);

        await guardAnswers(page, base, title);

        await signInAsStaff(page, base, 'yushan_branch');
        await page.goto(`${base}/#/admin-callups/board/index?id=${id}`);
        await visible(page, 'callup-board');
        await figureAtLeast(page, '已反馈', 1);
        await figureAtLeast(page, '已到达', 1);
        const reported = await textOf(page, 'board-list-已反馈');
        assert(reported.includes('张伟'), `the board's 已反馈 list reads "${reported}"`);
        console.log(`    战时预案通知 ${asked} 人，张伟已反馈`);
        await shot(page, 'cw06-board-reported');

        // the branch ends war-time early, with a reason: the guard's banner is gone
        await page.goto(`${base}/#/pages/index/index`);
        await tap(page, 'tile-wartime');
        const state = page.locator('[data-testid="wartime-row"]', { hasText: reason }).first();
        await state.locator('[data-testid="wartime-end"]').click();
        await state.locator('[data-testid="wartime-end-reason"] input').fill('演练结束');
        await state.locator('[data-testid="wartime-end-confirm"]').click();
        await state.filter({ hasText: '已结束' }).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
        await openAs(page, base, zhang, 'home-volunteer');
        await page.waitForTimeout(1500);
        assert(
          !(await byTestId(page, 'wartime-banner').isVisible()),
          '张伟 still sees the war-time banner after it ended',
        );
      } finally {
        // war-time ends here whatever happened above: later journeys create activities in this area
        const states = await api(base, 'GET', '/admin/wartime?pageSize=100', branch);
        for (const w of states.items.filter((s) => s.active && s.areaName === '平湖派出所'))
          await api(base, 'POST', `/admin/wartime/${w.id}/end`, branch, { reason: '演练结束' });
      }
    },
  },
];
