// Readability for older users, measured: every page a guard or a visitor can reach, opened at the 大 text size,
// has no text under 18 px, no tap target under 44×44 px (60×60 for the big buttons and tiles) and no text under
// 4.5:1 contrast (measureReadability in support.mjs). The guard's pages are read from the app's page list
// (app.config.ts: the main package and the volunteers' sub-packages), so a page added there is measured without
// touching this file. The mall's, the warnings' and the casework's pages are opened with a real order, warning and
// bulletin; the staff's new screens (核销, 订单, 发预警, 纠纷 and 重大事项 lists) are measured as the officers and the mall
// operator who use them. Every label-and-value row must have its row style (a page that forgot it runs the label into the
// value).
import * as support from '../support.mjs';
import { staffTokenOf, wechatTokens } from './12-user-fixes.mjs';

const {
  api,
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

/**
 * 张伟's newest order, warning and bulletin, made when he has none: a points item ordered with his points (topped
 * up by the station when short), a normal warning to 平湖派出所's guards and a bulletin of 平湖派出所.
 */
async function mallAndAlertsForZhangWei(base) {
  const zhang = (await wechatTokens(base, 'zhangwei')).accessToken;
  const station = await staffTokenOf(base, 'pinghu_station');
  const orders = await api(base, 'GET', '/me/orders?pageSize=1', zhang);
  const order = orders.items[0]?.id ?? (await orderSomething(base, zhang, station));
  const targets = await api(base, 'GET', '/admin/alerts/targets', station);
  const pinghu = targets.stations.find((s) => s.name.includes('平湖'));
  let alert = (await api(base, 'GET', '/me/alerts?pageSize=1', zhang)).items[0]?.id;
  if (!alert) {
    const body = { title: '读屏测试预警', text: '近期电动车被盗较多，巡逻时请留意车棚。', level: 'normal' };
    await api(base, 'POST', '/admin/alerts', station, { ...body, target: { kind: 'station', id: pinghu.id } });
    alert = (await api(base, 'GET', '/me/alerts?pageSize=1', zhang)).items[0]?.id;
  }
  let bulletin = (await api(base, 'GET', '/me/bulletins?pageSize=1', zhang)).items[0]?.id;
  if (!bulletin) {
    await api(base, 'POST', '/admin/bulletins', station, {
      title: '本周治安状况通报',
      text: '本周辖区发生盗窃案件三起，均已破获。',
      advice: '出门请锁好门窗，电动车停进车棚。',
      areaId: pinghu.id,
    });
    bulletin = (await api(base, 'GET', '/me/bulletins?pageSize=1', zhang)).items[0]?.id;
  }
  assert(order && alert && bulletin, `张伟 has order ${order}, warning ${alert}, bulletin ${bulletin}`);
  return { order, alert, bulletin };
}

/** The cheapest points-only item on the shelf, ordered for 张伟; returns the order id. */
async function orderSomething(base, zhang, station) {
  const shelf = (await api(base, 'GET', '/mall/products?pageSize=50', zhang)).items;
  const item = shelf.filter((p) => !p.cashFen && p.stock > 0).sort((a, b) => a.pointsPrice - b.pointsPrice)[0];
  assert(item, 'the shelf has no points-only item in stock');
  const { balance } = await api(base, 'GET', '/me/points', zhang);
  if (balance < item.pointsPrice) {
    const found = await api(base, 'GET', '/admin/volunteers?q=MAS2026000001', station);
    const volunteerId = found.items[0].id;
    await api(base, 'POST', '/admin/points/adjustments', station, {
      volunteerId,
      amount: item.pointsPrice - balance + 10,
      reason: '读屏测试补充积分',
    });
  }
  const order = await api(base, 'POST', '/mall/orders', zhang, {
    productId: item.id,
    quantity: 1,
    pickupStationId: item.pickupStationIds[0],
    clientRequestId: `read${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
  });
  return order.id;
}

/**
 * A 摸排 call-up of 平湖派出所 that reached 张伟, sent through the API when he has none: his call-up pages show its
 * answer buttons and its feedback form, the officers' board and arrival code show it.
 */
async function callupForZhangWei(base) {
  const zhang = (await wechatTokens(base, 'zhangwei')).accessToken;
  const mine = (await api(base, 'GET', '/callups?pageSize=1', zhang)).items[0]?.id;
  if (mine) return mine;
  const station = await staffTokenOf(base, 'pinghu_station');
  const walk = (nodes) => nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);
  const unit = walk(await api(base, 'GET', '/org-units/tree', station)).find((n) => n.name === '平湖派出所');
  const sent = await api(base, 'POST', '/admin/callups', station, {
    requestId: `read${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    kind: 'verification',
    title: '读屏测试摸排',
    task: '核对辖区重点单位门岗情况。',
    rally: { address: '平湖派出所门口', lat: 31.6612, lng: 118.5037 },
    deadlineAt: new Date(support.clockNow() + 2 * 3_600_000).toISOString(),
    target: { unitId: unit.id },
    items: ['湖东路加油站', '平湖小学'],
  });
  return sent.id;
}

/** Pages that need a query to show something real. */
const QUERIES = (ids) => ({
  'callups/detail/index': `?id=${ids.callup}`,
  'callups/report/index': `?id=${ids.callup}`,
  'callups/qr/index': `?id=${ids.callup}`,
  'pages/activity/detail': `?id=${ids.activity}`,
  'pages/activity/checkin': `?id=${ids.activity}`,
  // the demo shop's first product (seeded on a fresh database)
  'mall/product/index': '?id=1',
  'mall/order/index': `?id=${ids.order}`,
  'alerts/detail/index': `?id=${ids.alert}`,
  'alerts/bulletin/index': `?id=${ids.bulletin}`,
});

/** The staff's new screens, each measured as the account that works on it. */
const STAFF_PAGES = {
  pinghu_station: [
    'admin-mall/verify/index',
    'admin-alerts/list/index',
    'admin-alerts/new/index',
    'admin-alerts/detail/index',
    'admin-alerts/bulletin-new/index',
    'admin-cases/disputes/index',
    'admin-cases/reports/index',
    'admin-cases/report/index',
    'admin-tips/list/index',
    // the volunteer archive with its 积分调整 form
    'admin-applications/volunteer/index',
    'admin-callups/list/index',
    'admin-callups/new/index',
    'admin-callups/board/index',
    'admin-callups/qr/index',
    'admin-callups/plans/index',
    'admin-callups/speed/index',
    // 监督检查: the inspections, the form and one inspection with a finding
    'admin-supervision/inspections/index',
    'admin-supervision/inspection-new/index',
    'admin-supervision/inspection/index',
  ],
  yushan_branch: ['admin-callups/wartime/index', 'admin-callups/draws/index', 'admin-supervision/flags/index'],
  mall: ['admin-mall/orders/index', 'admin-mall/order/index', 'admin-mall/products/index', 'admin-mall/stats/index'],
  company: [
    'cases/reports/index',
    'cases/report/index',
    'cases/report-new/index',
    'admin-supervision/company-inspections/index',
    'admin-supervision/company-inspection/index',
  ],
  // the bureau's view: 数据看板 with its chart and tables, a drill-down list, targets, stages and the ranking
  city: [
    'admin-dashboard/index/index',
    'admin-dashboard/list/index',
    'admin-dashboard/targets/index',
    'admin-dashboard/stages/index',
    'admin-dashboard/ranking/index',
  ],
};

/** The staff pages of one record: the newest warning, 张伟's order and the company's newest report. */
const STAFF_QUERIES = (ids) => ({
  'admin-alerts/detail/index': `?id=${ids.sentAlert}`,
  'admin-mall/order/index': `?id=${ids.order}`,
  'admin-dashboard/list/index': '?kind=weekly',
  'admin-cases/report/index': `?id=${ids.report}`,
  'cases/report/index': `?id=${ids.report}`,
  'admin-applications/volunteer/index': `?id=${ids.volunteer}`,
  'admin-callups/board/index': `?id=${ids.callup}`,
  'admin-callups/qr/index': `?id=${ids.callup}`,
  'admin-supervision/inspection/index': `?id=${ids.inspection}`,
  'admin-supervision/company-inspection/index': `?id=${ids.inspection}`,
});

/** An inspection of the demo company (皖安) by 平湖派出所 with one finding to rectify, recorded through the API. */
async function inspectionOfCompany(base) {
  const station = await staffTokenOf(base, 'pinghu_station');
  const companies = await api(base, 'GET', `/admin/companies?q=${encodeURIComponent('皖安')}&pageSize=1`, station);
  assert(companies.items[0], '平湖派出所的单位列表里没有演示单位皖安');
  const today = support.shanghaiDate();
  const recorded = await api(base, 'POST', '/admin/inspections', station, {
    companyId: companies.items[0].id,
    inspectedOn: today,
    inspectors: ['王警官', '李警官'],
    items: [
      { item: '保安员持证上岗', result: 'problem', note: '两名保安未带保安员证' },
      { item: '值班记录', result: 'ok' },
    ],
    findings: '个别保安未持证上岗。',
    rectifyBy: today,
  });
  return recorded.id;
}

/** The demo company's newest major-event report, filed through the API when it has none. */
async function reportOfCompany(base) {
  const company = await staffTokenOf(base, 'company');
  const mine = await api(base, 'GET', '/company/incident-reports?pageSize=1', company);
  if (mine.items[0]) return mine.items[0].id;
  const filed = await api(base, 'POST', '/company/incident-reports', company, {
    clientRequestId: `read${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`,
    category: 'major',
    subcategory: '人员受伤',
    occurredAt: new Date(support.clockNow() - 20 * 60_000).toISOString(),
    place: '平湖小区北门',
    content: '一名保安在巡逻时摔伤，已送医。',
  });
  return filed.id;
}

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

/**
 * Times and dates broken over two lines ("2026-11-30" on one, "19:30" on the next): each date, time or date and time
 * in a visible text must sit on one line (the app's `jh-time`).
 */
async function wrappedTimes(page) {
  return page.evaluate(() => {
    const found = [];
    const TIME = /\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?|\d{1,2}:\d{2}/g;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !el.checkVisibility({ checkVisibilityCSS: true }) || el.closest('[aria-hidden="true"]')) continue;
      for (const m of (node.textContent ?? '').matchAll(TIME)) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (lines.size > 1) {
          const owner = el.closest('[data-testid]');
          const where = owner ? `[data-testid="${owner.getAttribute('data-testid')}"]` : el.tagName.toLowerCase();
          found.push({ kind: 'time-wrap', where, text: m[0], value: `${lines.size} lines` });
        }
      }
    }
    return found;
  });
}

/**
 * Label-and-value rows (InfoRow) drawn without their stylesheet: the label runs into the value ("检查日期2026-12-01")
 * when a page of a sub-package shows rows whose styles it never imported.
 */
async function unstyledRows(page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.jh-info-row')]
      .filter((el) => el.checkVisibility({ checkVisibilityCSS: true }) && getComputedStyle(el).display !== 'flex')
      .map((el) => ({
        kind: 'unstyled-row',
        where: '.jh-info-row',
        text: el.textContent.slice(0, 30),
        value: 'no row style',
      })),
  );
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
    const measured = await measureReadability(page);
    const { unknownBackgrounds, checked: counts } = measured;
    const violations = [...measured.violations, ...(await wrappedTimes(page)), ...(await unstyledRows(page))];
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
      await page.setContent(`<body style="font-size:20px"><p style="width:120px">下单 2026-11-30 19:30</p>
        <p style="width:120px">下单 <span style="white-space:nowrap">2026-11-30 19:30</span></p></body>`);
      const wrapped = (await wrappedTimes(page)).map((v) => v.text);
      assert(wrapped.length === 1 && wrapped[0] === '2026-11-30 19:30', `wrapped times found: ${wrapped.join(', ')}`);
    },
  },
  {
    name: 'readability-guard',
    title: '(读) 义警能打开的每一页在“大”字号下：文字 ≥ 18px，点按目标 ≥ 44×44（主按钮 ≥ 60×60），对比度 ≥ 4.5:1',
    async run(page, base) {
      const ids = {
        activity: await activityForZhangWei(base),
        ...(await mallAndAlertsForZhangWei(base)),
        callup: await callupForZhangWei(base),
      };
      await page.goto(`${base}/#/pages/login/index`);
      await chooseLarge(page);
      await page.reload();
      const pages = await guardPages(page);
      const expected = ['pages/index/index', 'pages/activity/list', 'pages/messages/index', 'pages/mine/index'];
      expected.push('mall/index/index', 'mall/product/index', 'mall/orders/index', 'mall/order/index');
      expected.push('alerts/list/index', 'alerts/detail/index');
      expected.push('callups/list/index', 'callups/detail/index', 'callups/report/index');
      for (const tab of expected) {
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
    name: 'readability-staff',
    title:
      '(读) 民警、商城运营和企业负责人的新页面（核销、订单、发预警、纠纷和重大事项列表、监督检查和数据核查）在“大”字号下同样达标',
    async run(page, base) {
      await page.goto(`${base}/#/pages/login/index`);
      await chooseLarge(page);
      const ids = {
        ...(await mallAndAlertsForZhangWei(base)),
        report: await reportOfCompany(base),
        callup: await callupForZhangWei(base),
        inspection: await inspectionOfCompany(base),
      };
      const station = await staffTokenOf(base, 'pinghu_station');
      ids.sentAlert = (await api(base, 'GET', '/admin/alerts?pageSize=1', station)).items[0].id;
      ids.volunteer = (await api(base, 'GET', '/admin/volunteers?q=MAS2026000001', station)).items[0].id;
      const found = [];
      for (const [username, paths] of Object.entries(STAFF_PAGES)) {
        await support.signInAsStaff(page, base, username);
        found.push(...(await measurePages(page, base, `staff-${username}`, paths, STAFF_QUERIES(ids))));
      }
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
