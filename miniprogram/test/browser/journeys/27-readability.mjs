// Readability for older users, measured: every page a guard or a visitor can reach, opened at the 大 text size,
// has no text under 18 px, no tap target under 44×44 px (60×60 for the big buttons and tiles) and no text under
// 4.5:1 contrast (measureReadability in support.mjs). The guard's pages are read from the app's page list
// (app.config.ts: the main package and the volunteers' sub-packages), so a page added there is measured without
// touching this file.
import * as support from '../support.mjs';
import { staffTokenOf, wechatTokens } from './12-user-fixes.mjs';

const {
  assert,
  byTestId,
  formatViolations,
  freshArtifacts,
  measureReadability,
  shot,
  signInAsFreshVisitor,
  STEP_TIMEOUT_MS,
  tap,
} = support;

/** Pages nobody signed in sees (measured signed out), and pages of the WeChat build only. */
const SIGNED_OUT = ['pages/login/index', 'pages/staff-login/index'];
const NOT_IN_H5 = ['pages/bind-wechat/index'];

/**
 * The guard's pages, from the app's own page list (app.config.ts as built, which Taro keeps in
 * window.__taroAppConfig): every page except those of the staff sub-packages (root admin…) and the sign-in pages.
 */
async function guardPages(page) {
  const config = await page.evaluate(() => window.__taroAppConfig);
  assert(config?.pages?.length, 'the app does not expose its page list (window.__taroAppConfig)');
  const staff = (config.subPackages ?? config.subpackages ?? [])
    .filter((sub) => sub.root.startsWith('admin'))
    .flatMap((sub) => sub.pages.map((p) => `${sub.root}/${p}`));
  return config.pages.filter((p) => !staff.includes(p) && !SIGNED_OUT.includes(p) && !NOT_IN_H5.includes(p));
}

async function api(base, method, path, token, body) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  assert(res.ok, `${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

/**
 * An activity of 张伟's station in twelve days, with 张伟 signed up: the detail and check-in show it.
 * A second one he signed up for is cancelled, so he has an unread message (the badges on 消息 and on his card).
 */
async function activityForZhangWei(base) {
  const station = await staffTokenOf(base, 'pinghu_station');
  const zhang = await wechatTokens(base, 'zhangwei');
  const shown = await signedUpActivity(base, station, zhang, 12);
  const cancelled = await signedUpActivity(base, station, zhang, 13);
  await api(base, 'POST', `/admin/activities/${cancelled}/cancel`, station, { reason: '天气原因取消' });
  return shown;
}

/** An activity at 10:00 (Shanghai) in `inDays` days, far from the days other journeys sign 张伟 up for. */
async function signedUpActivity(base, station, zhang, inDays) {
  const startMs = Date.parse(`${support.shanghaiDate(support.clockNow() + inDays * 86_400_000)}T10:00:00+08:00`);
  const created = await api(base, 'POST', '/admin/activities', station, {
    title: `读屏测试巡逻 ${Date.now() % 100_000}`,
    type: 'street_patrol',
    description: '沿湖巡逻，注意安全',
    location: { address: '平湖小区北门', lat: 31.6705, lng: 118.5065, radiusM: 300 },
    startAt: new Date(startMs).toISOString(),
    endAt: new Date(startMs + 2 * 3_600_000).toISOString(),
    capacity: 10,
    pointsRule: 'per_activity',
    pointsAmount: 10,
    mode: 'daily',
    signupMode: 'instant',
  });
  await api(base, 'POST', `/admin/activities/${created.id}/publish`, station, {});
  await api(base, 'POST', `/activities/${created.id}/signup`, zhang.accessToken, undefined);
  return created.id;
}

/** Pages that need a query to show something real. */
const QUERIES = (ids) => ({
  'pages/activity/detail': `?id=${ids.activity}`,
  'pages/activity/checkin': `?id=${ids.activity}`,
  // the demo shop's first product (seeded on a fresh database)
  'mall/product/index': '?id=1',
});

/** Opens a page by its address (a fresh load, as a link would) and waits until it has finished loading. */
async function openPage(page, base, path) {
  await page.goto(`${base}/#/${path}`);
  await page.reload();
  await page
    .locator('.jh-screen:visible')
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS })
    .catch(() => assert(false, `${path} did not show its page`));
  await page
    .locator('[data-testid="loading-state"]:visible')
    .first()
    .waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS })
    .catch(() => {});
  // The page slides in and its requests settle.
  await page.waitForTimeout(900);
}

/** The 大 text size as the 我的 page stores it (H5: the person's choice, kept in local storage). */
async function chooseLarge(page) {
  await page.evaluate(() => localStorage.setItem('jh.textSize', JSON.stringify({ data: 'large' })));
}

async function assertLarge(page, path) {
  const px = await page
    .locator('.jh-screen:visible')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert(px >= 20, `${path} is not at the 大 text size (root ${px}px)`);
}

/** Measures each page; returns every violation with its page, and logs the figures. */
async function measurePages(page, base, label, paths, queries = {}) {
  const found = [];
  let unknown = 0;
  const checked = { texts: 0, targets: 0 };
  const folder = freshArtifacts(`readability/${label}`);
  for (const path of paths) {
    await openPage(page, base, `${path}${queries[path] ?? ''}`);
    await assertLarge(page, path);
    const { violations, unknownBackgrounds, checked: counts } = await measureReadability(page);
    assert(counts.texts > 0, `${path}: no text measured, the page is blank`);
    checked.texts += counts.texts;
    checked.targets += counts.targets;
    unknown += unknownBackgrounds.length;
    for (const v of unknownBackgrounds) console.log(`      ${path}: text over ${v.value} at ${v.where} "${v.text}"`);
    await shot(page, `${folder}/${path.replace(/\//g, '_')}`);
    if (violations.length) console.log(formatViolations(path, violations));
    found.push(...violations.map((v) => ({ ...v, path })));
  }
  console.log(
    `      readability (${label}): ${paths.length} pages, ${checked.texts} texts and ${checked.targets} tap targets, ` +
      `${found.length} violations, ${unknown} texts over images`,
  );
  return found;
}

const pagesOf = (found) => [...new Set(found.map((v) => v.path))].join(', ');
const report = (found) =>
  [...new Set(found.map((v) => v.path))]
    .map((p) =>
      formatViolations(
        p,
        found.filter((v) => v.path === p),
      ),
    )
    .join('\n');

/** A page with one of each problem the measurement must find, and what it must leave alone. */
const SAMPLE = `<!doctype html><html><body style="margin:0;background:#f2f4f7;font-size:20px">
  <p id="ok" style="color:#101828">足够大的正文</p>
  <p style="font-size:14px">太小的字</p>
  <p style="color:#98a2b3">浅灰色的字</p>
  <div style="opacity:0.4"><p style="color:#101828">半透明的字</p></div>
  <div style="background:linear-gradient(#fff,#000)"><p>渐变上的字</p></div>
  <div style="background:linear-gradient(#fff,#000)"><p style="background:#fff">渐变上白底的字</p></div>
  <button style="width:30px;height:30px;font-size:20px">小</button>
  <button class="jh-btn" style="width:300px;height:50px;font-size:20px">主要按钮</button>
  <a href="#x" style="display:block;height:48px;width:200px">够大的链接</a>
  <p style="display:none;font-size:10px">隐藏的字</p>
  <p aria-hidden="true" style="font-size:10px">装饰</p>
</body></html>`;

export default [
  {
    name: 'readability-measure',
    title: '(读) 测量本身：小字、低对比度、半透明、过小的按钮和主按钮都被找出；渐变上的字单独列出；隐藏和装饰元素不计',
    async run(page) {
      await page.setContent(SAMPLE);
      const { violations, unknownBackgrounds, checked } = await measureReadability(page);
      const found = violations.map((v) => `${v.kind}:${v.text}`).sort();
      const expected = [
        'contrast:半透明的字',
        'contrast:浅灰色的字',
        'primary-size:主要按钮',
        'target-size:小',
        'text-size:太小的字',
      ];
      assert(
        JSON.stringify(found) === JSON.stringify(expected),
        `found ${found.join(', ')}; expected ${expected.join(', ')}`,
      );
      const unknown = unknownBackgrounds.map((v) => v.text);
      assert(unknown.length === 1 && unknown[0] === '渐变上的字', `over images: ${unknown.join(', ')}`);
      assert(checked.targets === 3, `${checked.targets} tap targets measured, expected 3`);
    },
  },
  {
    name: 'readability-guard',
    title: '(读) 义警能打开的每一页在“大”字号下：文字 ≥ 18px，点按目标 ≥ 44×44（主按钮 ≥ 60×60），对比度 ≥ 4.5:1',
    async run(page, base) {
      const ids = { activity: await activityForZhangWei(base) };
      await page.goto(`${base}/#/pages/login/index`);
      await chooseLarge(page);
      await page.reload();
      const pages = await guardPages(page);
      for (const tab of ['pages/index/index', 'pages/activity/list', 'pages/messages/index', 'pages/mine/index']) {
        assert(pages.includes(tab), `the app's page list lacks ${tab}: ${pages.join(', ')}`);
      }
      const signedOut = await measurePages(page, base, 'signed-out', ['pages/login/index', 'pages/staff-login/index']);
      await page.goto(`${base}/#/pages/login/index`);
      await tap(page, 'demo-sandbox-zhangwei');
      await byTestId(page, 'home-volunteer').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      // The unread count on the 消息 tab is measured too.
      await page.locator('.weui-tabbar .weui-badge:visible').first().waitFor({ timeout: STEP_TIMEOUT_MS });
      const found = [...signedOut, ...(await measurePages(page, base, 'guard', pages, QUERIES(ids)))];
      assert(found.length === 0, `${found.length} readability violations on ${pagesOf(found)}:\n${report(found)}`);
    },
  },
  {
    name: 'readability-visitor',
    title: '(读) 新用户的首页、申请表和各标签页在“大”字号下同样达标',
    async run(page, base) {
      await page.goto(`${base}/#/pages/login/index`);
      await chooseLarge(page);
      await page.reload();
      await signInAsFreshVisitor(page, base);
      const paths = ['pages/index/index', 'pages/apply/index', 'pages/activity/list', 'pages/messages/index'];
      const found = await measurePages(page, base, 'visitor', [...paths, 'pages/mine/index']);
      assert(found.length === 0, `${found.length} readability violations on ${pagesOf(found)}:\n${report(found)}`);
    },
  },
];
