// Staff homes: each role signs in, sees the functions its permissions open, and every built tile opens its page
// without an error; the mall operator's home holds the shop's work; a wide window keeps one column.
import { assert, byTestId, shot, signInAsStaff, STEP_TIMEOUT_MS } from '../support.mjs';

const HOMES = [
  { username: 'pinghu_community', must: ['review', 'activity-admin', 'attendance'] },
  {
    username: 'pinghu_station',
    must: [
      'review',
      'activity-admin',
      'attendance',
      'points-issued',
      'weekly-rule',
      'teams',
      'station-mall-verify',
      'reports',
    ],
  },
  { username: 'yushan_branch', must: ['approval', 'activity-admin', 'points-issued', 'weekly-rule', 'reports'] },
  { username: 'city', must: ['review', 'approval', 'activity-admin', 'points-issued', 'weekly-rule', 'reports'] },
  { username: 'admin', must: ['staff', 'audit', 'jobs'] },
  { username: 'mall', must: ['products', 'orders', 'mall-stats', 'mall-verify'] },
  { username: 'company', must: ['guards', 'propose'] },
];

/** The keys of the home's built tiles (those not marked 即将开放). */
async function builtTiles(page) {
  return page
    .locator('[data-testid="home-staff"] .jh-tiles [data-testid^="tile-"]:not(.jh-tile--soon)')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid').slice('tile-'.length)));
}

/** Opens one tile, waits for its page to finish loading, and fails on a visible error state. */
async function openTile(page, username, key) {
  const before = page.url();
  await byTestId(page, `tile-${key}`).click();
  await page.waitForFunction((url) => location.href !== url, before, { timeout: STEP_TIMEOUT_MS });
  await page
    .locator('[data-testid="loading-state"]:visible')
    .first()
    .waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS })
    .catch(() => {});
  await page.waitForTimeout(800);
  const errors = await page.locator('.jh-state--error:visible').allInnerTexts();
  await shot(page, `h-${username}-${key}`);
  assert(errors.length === 0, `${username}: the ${key} tile opened a page with an error: ${errors.join(' / ')}`);
  await page.goBack();
  await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

const roleJourneys = HOMES.map(({ username, must }) => ({
  name: `staff-home-${username}`,
  title: `(h) ${username} 的首页只显示其权限允许的功能，每个功能都能打开`,
  async run(page, base) {
    await signInAsStaff(page, base, username);
    await shot(page, `h-${username}-home`);
    const keys = await builtTiles(page);
    for (const key of must) assert(keys.includes(key), `${username} lacks the ${key} tile (has ${keys.join(', ')})`);
    for (const key of keys) await openTile(page, username, key);
  },
}));

export default [
  ...roleJourneys,
  {
    name: 'staff-home-desktop-column',
    title: '(h) 桌面浏览器宽窗口：工作人员页面是居中的一栏，文字为正常大小',
    async run(page, base) {
      await page.setViewportSize({ width: 1366, height: 800 });
      await signInAsStaff(page, base, 'pinghu_station');
      const box = await page.locator('.jh-screen').first().boundingBox();
      assert(box && box.width <= 724, `the column is ${box?.width} px wide, expected at most 720`);
      assert(box.x > 200, `the column starts at x=${box.x}, expected centred`);
      const label = await page
        .locator('.jh-tile__label')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      assert(label >= 18 && label <= 24, `a tile label is ${label} px in a wide window, expected normal size`);
      const icon = await page.locator('.jh-tile__icon').count();
      assert(icon > 0, 'the tiles show no icons');
      await shot(page, 'h-desktop-station-home');
      await byTestId(page, 'tile-activity-admin').click();
      await byTestId(page, 'admin-activities').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const list = await page.locator('.jh-screen:visible').last().boundingBox();
      assert(list && list.width <= 724, `the activity list is ${list?.width} px wide in a wide window`);
      await shot(page, 'h-desktop-activities');
    },
  },
];
