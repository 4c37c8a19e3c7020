// Every role walks its whole home: each entry on it (read from the rendered home, so a new tile is walked without
// touching this file) opens a page whose title shows, with no error state and nothing 即将开放; an entry of a module
// still being built says so in its own words instead; the tab bar's 活动 · 消息 · 我的 open too. Screenshots of
// the home and of each opened function: test-artifacts/browser/roles/<role>/<nn>-<entry>.png.
import * as support from '../support.mjs';

const {
  assert,
  byTestId,
  confirmModal,
  freshArtifacts,
  shot,
  signInAsFreshVisitor,
  signInAsStaff,
  STEP_TIMEOUT_MS,
  tap,
} = support;

const ROLES = [
  { role: 'community', username: 'pinghu_community' },
  { role: 'station', username: 'pinghu_station' },
  { role: 'branch', username: 'yushan_branch' },
  { role: 'city', username: 'city' },
  { role: 'admin', username: 'admin' },
  { role: 'mall', username: 'mall' },
  { role: 'company', username: 'company', listButtons: ['open-propose'] },
  { role: 'guard', sandbox: 'zhangwei', home: 'home-volunteer', listButtons: ['open-my-activities', 'open-propose'] },
  { role: 'visitor', sandbox: 'visitor', home: 'home-visitor' },
];

const HOME_ROOTS = '[data-testid="home-staff"], [data-testid="home-volunteer"], [data-testid="home-visitor"]';

/** The entries of the home being shown: its tiles, the member card and its buttons, in the order they appear. */
async function homeEntries(page) {
  return page
    .locator(`[data-testid="home"]:visible`)
    .first()
    .evaluate((home, roots) => {
      const root = home.querySelector(roots);
      const els = [
        ...root.querySelectorAll('[data-testid^="tile-"], [data-testid="member-card"], .jh-btn[data-testid]'),
      ];
      return els.map((el) => ({
        testId: el.getAttribute('data-testid'),
        soon: el.classList.contains('jh-tile--soon'),
      }));
    }, HOME_ROOTS);
}

async function waitForHome(page, testId) {
  await page
    .locator(`[data-testid="${testId}"]:visible`)
    .first()
    .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
}

/** The shown page has settled: its loading state gone, its requests answered. */
async function settle(page) {
  await page
    .locator('[data-testid="loading-state"]:visible')
    .first()
    .waitFor({ state: 'detached', timeout: STEP_TIMEOUT_MS })
    .catch(() => {});
  await page.waitForTimeout(700);
}

/** What must hold on every opened function: its title, no error, nothing 即将开放. */
async function assertOpened(page, who, entry) {
  const title = page.locator('[data-testid="title-text"]:visible').last();
  await title.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  const titleText = (await title.innerText()).trim();
  assert(titleText.length > 0, `${who}: ${entry} opened a page without a title`);
  const errors = await page.locator('.jh-state--error:visible').allInnerTexts();
  assert(errors.length === 0, `${who}: ${entry} opened 「${titleText}」 with an error: ${errors.join(' / ')}`);
  const soon = await page.getByText('即将开放').filter({ visible: true }).count();
  assert(soon === 0, `${who}: ${entry} opened 「${titleText}」, which says 即将开放`);
  return titleText;
}

/** Opens one entry of the home, checks it, takes its picture and comes back. */
async function walkEntry(page, ctx, entry) {
  const name = entry.testId.replace(/^tile-/, '');
  const file = `${ctx.folder}/${String(++ctx.n).padStart(2, '0')}-${name}`;
  if (entry.soon) {
    // A module still being built: one honest sentence, closed with 知道了.
    await byTestId(page, entry.testId).click();
    const modal = page.locator('.taro-modal__content, .taro-modal__text').filter({ hasText: '即将开放' }).first();
    await modal.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await shot(page, file);
    await confirmModal(page, '知道了');
    await modal.waitFor({ state: 'hidden', timeout: STEP_TIMEOUT_MS });
    ctx.soon.push(name);
    return;
  }
  const before = page.url();
  await page.locator(`[data-testid="${entry.testId}"]:visible`).first().click();
  await page.waitForFunction((url) => location.href !== url, before, { timeout: STEP_TIMEOUT_MS });
  await settle(page);
  const title = await assertOpened(page, ctx.who, name);
  await shot(page, file);
  ctx.opened.push(`${name}→${title}`);
  await backHome(page, ctx);
}

/** Back from a page (its back arrow), or from a tab page (the 首页 tab). */
async function backHome(page, ctx) {
  const back = page.locator('[data-testid="title-back"]:visible');
  if (await back.count()) await back.last().click();
  else await page.locator('.weui-tabbar__item').filter({ hasText: '首页' }).first().click();
  await waitForHome(page, ctx.home);
}

/** The activity list offers 我的活动 / 提议活动 only to whom they serve (volunteers; proposals also companies). */
async function assertListButtons(page, ctx) {
  for (const testId of ['open-my-activities', 'open-propose']) {
    const shown = (await page.locator(`[data-testid="${testId}"]:visible`).count()) > 0;
    assert(shown === ctx.listButtons.includes(testId), `${ctx.who}: ${testId} ${shown ? 'shown' : 'missing'} on 活动`);
  }
}

/** The tab bar's other tabs, then back to 首页. */
async function walkTabs(page, ctx) {
  for (const label of ['活动', '消息', '我的']) {
    await page.locator('.weui-tabbar__item').filter({ hasText: label }).first().click();
    await page
      .locator('[data-testid="title-text"]:visible')
      .filter({ hasText: label === '活动' ? /活动/ : label })
      .first()
      .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
    await settle(page);
    const title = await assertOpened(page, ctx.who, `tab ${label}`);
    if (label === '活动') await assertListButtons(page, ctx);
    await shot(page, `${ctx.folder}/${String(++ctx.n).padStart(2, '0')}-tab-${label}`);
    ctx.opened.push(`tab ${label}→${title}`);
  }
  await backHome(page, ctx);
}

async function signIn(page, base, { username, sandbox }) {
  if (username) return signInAsStaff(page, base, username);
  // the demo visitor may have become a volunteer in an earlier journey: a new WeChat user is a visitor for sure
  if (sandbox === 'visitor') return signInAsFreshVisitor(page, base);
  if (page.url().startsWith(base)) await page.evaluate(() => localStorage.removeItem('jh.tokens'));
  await page.goto(`${base}/#/pages/login/index`);
  await page.reload();
  await tap(page, `demo-sandbox-${sandbox}`);
}

export default ROLES.map(({ role, username, sandbox, home = 'home-staff', listButtons = [] }) => ({
  name: `every-role-${role}`,
  title: `(角) ${username ?? sandbox} 走遍首页的每个功能：每页有标题、无错误、无“即将开放”；标签页也都能打开`,
  async run(page, base) {
    const ctx = {
      who: username ?? sandbox,
      home,
      listButtons,
      folder: freshArtifacts(`roles/${role}`),
      n: 0,
      opened: [],
      soon: [],
    };
    await signIn(page, base, { username, sandbox });
    await waitForHome(page, home);
    await settle(page);
    await shot(page, `${ctx.folder}/00-home`);
    const entries = await homeEntries(page);
    assert(
      entries.some((e) => !e.soon && e.testId !== 'tile-inbox'),
      `${ctx.who}'s home has no function`,
    );
    for (const entry of entries) await walkEntry(page, ctx, entry);
    await walkTabs(page, ctx);
    console.log(
      `      ${ctx.who}: ${ctx.opened.join(', ')}${ctx.soon.length ? `; 即将开放: ${ctx.soon.join(', ')}` : ''}`,
    );
  },
}));
