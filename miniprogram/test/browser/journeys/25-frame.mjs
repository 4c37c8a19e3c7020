// The guards' frame: the tab bar 首页 · 活动 · 消息 · 我的 reaches each tab; 我的 shows the volunteer's activity
// figures and points, changes the text size and signs out to the login screen; a non-tab page shows its title and
// its back arrow returns.
import { assert, byTestId, confirmModal, shot, STEP_TIMEOUT_MS, tap } from '../support.mjs';

/** The element of that test id on the page being shown (tab pages stay in the page, hidden). */
const visible = (page, id) => page.locator(`[data-testid="${id}"]:visible`).first();
const waitVisible = (page, id) => visible(page, id).waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

async function openTab(page, label, testId) {
  await page.locator('.weui-tabbar__item').filter({ hasText: label }).first().click();
  await waitVisible(page, testId);
}

const fontSizeOf = (page, id) => visible(page, id).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

export default [
  {
    name: 'guard-frame',
    title: '义警用底部标签到达首页、活动、消息、我的；在“我的”看到统计、调整字体、退出登录；非标签页有标题和返回',
    async run(page, base) {
      await page.goto(`${base}/`);
      await tap(page, 'demo-sandbox-zhangwei');
      await waitVisible(page, 'member-name');
      for (const label of ['首页', '活动', '消息', '我的']) {
        const tab = page.locator('.weui-tabbar__item').filter({ hasText: label }).first();
        assert(await tab.isVisible(), `tab ${label} is not visible`);
      }
      await shot(page, 'f1-home-with-tabs');

      await openTab(page, '活动', 'activity-list');
      await openTab(page, '消息', 'messages');
      await openTab(page, '我的', 'mine-page');
      await waitVisible(page, 'mine-figures');
      const attended = (await visible(page, 'mine-stat-attended').innerText()).trim();
      assert(/^\d+ 次$/.test(attended), `出勤 shows "${attended}"`);
      const points = (await visible(page, 'mine-points').innerText()).trim();
      assert(/^-?\d+$/.test(points), `积分余额 shows "${points}"`);
      assert((await visible(page, 'mine-insurance').innerText()).trim().length > 0, '我的保险 is empty');
      const title = (await visible(page, 'title-text').innerText()).trim();
      assert(title === '我的', `the 我的 tab is titled "${title}"`);
      assert(!(await visible(page, 'title-back').count()), 'a tab page shows a back arrow');
      await shot(page, 'f2-mine');

      // Text size: 特大 makes the text larger, 标准 brings it back.
      const before = await fontSizeOf(page, 'mine-name');
      await tap(page, 'text-size-xlarge');
      await page.waitForFunction((px) => {
        const el = [...document.querySelectorAll('[data-testid="mine-name"]')].find((e) => e.offsetParent);
        return el && parseFloat(getComputedStyle(el).fontSize) > px;
      }, before);
      await shot(page, 'f3-mine-xlarge');
      await tap(page, 'text-size-standard');
      await page.waitForFunction((px) => {
        const el = [...document.querySelectorAll('[data-testid="mine-name"]')].find((e) => e.offsetParent);
        return el && parseFloat(getComputedStyle(el).fontSize) === px;
      }, before);

      // A non-tab page: its title and a big back arrow that returns.
      await tap(page, 'mine-card');
      await waitVisible(page, 'member-card-page');
      // The page's own title (the 我的 page stays below it, hidden, once the switch is over).
      await page
        .locator('[data-testid="title-text"]:visible')
        .filter({ hasText: '我的义警证' })
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await page.waitForFunction(() => !document.querySelector('[data-testid="mine-page"]')?.offsetParent);
      const back = await visible(page, 'title-back').boundingBox();
      assert(back && back.height >= 44 && back.width >= 44, `the back arrow is ${back?.width}×${back?.height}px`);
      await shot(page, 'f4-card-title');
      await visible(page, 'title-back').click();
      await waitVisible(page, 'mine-page');

      // 退出登录 asks first, then lands on the login screen (the demo identities in this build).
      await tap(page, 'mine-sign-out');
      await confirmModal(page, '退出');
      await byTestId(page, 'demo-sandbox-zhangwei').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'f5-signed-out');
    },
  },
];
