// Browser journeys: the H5 build of the mini-program against the real server, in Debian's
// chromium through playwright-core. Starts its own server on a free port with a fresh data
// directory, runs each journey in a fresh browser profile, saves screenshots, and always stops
// the server it started.
//
//   pnpm --filter @jianghuai/miniprogram test:browser      (after build:h5 and the server build)
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), JH_SERVER_MAIN (default
// <repo>/server/dist/main.js), JH_BROWSER_ONLY=<journey-name substring> to run a subset.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const serverMain = resolve(process.env.JH_SERVER_MAIN ?? join(repo, 'server/dist/main.js'));
const h5Dir = join(repo, 'miniprogram/dist/h5');
const artifacts = join(repo, 'miniprogram/test-artifacts/browser');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HEALTH_TIMEOUT_MS = 60_000;
const STEP_TIMEOUT_MS = 15_000;
const STAFF_PASSWORD = 'Jhyj@2026';

const tempDirs = [];
let serverChild = null;
let serverOutput = '';

function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolvePort(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function startServer(port) {
  const env = {
    ...process.env,
    PORT: String(port),
    DATA_DIR: tempDir('jh-browser-data-'),
    H5_DIR: h5Dir,
    WECHAT_SANDBOX: 'true',
    NODE_ENV: 'development',
  };
  // The fresh data directory is the embedded database: never point this run at a shared MySQL.
  delete env.MYSQL_HOST;
  delete env.WECHAT_API_BASE;
  delete env.SANDBOX_PORT;
  const child = spawn(process.execPath, [serverMain], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk) => (serverOutput += chunk));
  child.stderr.on('data', (chunk) => (serverOutput += chunk));
  return child;
}

async function waitForHealth(base, child) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let exited = null;
  child.once('exit', (code, signal) => (exited = { code, signal }));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited early (code ${exited.code}, signal ${exited.signal})`);
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(300);
  }
  throw new Error(`server did not answer GET /api/health with 200 within ${HEALTH_TIMEOUT_MS / 1000} s`);
}

async function stopServer() {
  const child = serverChild;
  serverChild = null;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
  if (timedOut) {
    child.kill('SIGKILL');
    await exited;
  }
}

function cleanup() {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    serverChild?.kill('SIGKILL');
    cleanup();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------
// helpers used by journeys

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`).first();

async function shot(page, name) {
  // Taro H5 slides pages in (~300 ms): let the transition finish so the picture is the page.
  await page.waitForTimeout(450);
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

async function textOf(page, id) {
  const locator = byTestId(page, id);
  await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  return (await locator.innerText()).trim();
}

/** Taro renders <Input> as a custom element around a real <input>. */
async function fillInput(page, id, value) {
  const input = page.locator(`[data-testid="${id}"] input, input[data-testid="${id}"]`).first();
  await input.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await input.fill(value);
}

async function tap(page, id) {
  const locator = byTestId(page, id);
  await locator.waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
  await locator.click();
}

/** SPEC §12: main text ≥ 18 px, line height ≥ 1.3, main tap targets ≥ 60 px tall. */
async function checkOlderUserSizes(page, { textId, targetIds }) {
  const text = await byTestId(page, textId).evaluate((el) => {
    const style = getComputedStyle(el);
    return { fontSize: parseFloat(style.fontSize), lineHeight: parseFloat(style.lineHeight) };
  });
  assert(text.fontSize >= 18, `main text is ${text.fontSize}px, expected ≥ 18px`);
  assert(
    Number.isNaN(text.lineHeight) || text.lineHeight / text.fontSize >= 1.3,
    `line height ${text.lineHeight}px for ${text.fontSize}px text is under 1.3`,
  );
  for (const id of targetIds) {
    const box = await byTestId(page, id).boundingBox();
    assert(box && box.height >= 60, `tap target ${id} is ${box?.height}px tall, expected ≥ 60px`);
  }
}

async function loginAsStaff(page, base, username, password) {
  await page.goto(`${base}/#/pages/staff-login/index`);
  await fillInput(page, 'staff-username', username);
  await fillInput(page, 'staff-password', password);
  await tap(page, 'staff-login-submit');
}

// ---------------------------------------------------------------------------------------------
// journeys

const journeys = [
  {
    name: 'volunteer-sandbox-login',
    title: '(a) 义警张伟从演示身份列表登录，看到会员卡和功能入口',
    async run(page, base) {
      await page.goto(`${base}/`);
      // No session: the home page sends the person to the demo-identity list.
      await byTestId(page, 'demo-sandbox-zhangwei').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'a1-demo-accounts');
      await tap(page, 'demo-sandbox-zhangwei');

      const name = await textOf(page, 'member-name');
      assert(name === '张伟', `member card shows "${name}", expected 张伟`);
      const memberNo = await textOf(page, 'member-no');
      assert(memberNo.length > 0, 'member card shows no 会员号');
      const station = await textOf(page, 'member-station');
      assert(station.includes('平湖派出所'), `member card station is "${station}", expected 平湖派出所`);
      for (const label of ['活动报名', '签到打卡', '线索上报', '我的积分', '积分商城']) {
        assert(await page.getByText(label, { exact: true }).first().isVisible(), `tile ${label} is not visible`);
      }
      await checkOlderUserSizes(page, { textId: 'member-station', targetIds: ['tile-activities', 'logout'] });
      await shot(page, 'a2-volunteer-home');

      // A feature not built yet says so instead of opening a broken page.
      await tap(page, 'tile-activities');
      await page.getByText('“活动报名”功能即将开放，敬请期待。').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'a3-coming-soon');
    },
  },
  {
    name: 'visitor-apply-entry',
    title: '(a2) 还不是义警的访客看到“申请加入江淮义警”大按钮',
    async run(page, base) {
      await page.goto(`${base}/#/pages/login/index`);
      await tap(page, 'demo-sandbox-visitor');
      await byTestId(page, 'home-visitor').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert(await page.getByText('申请加入江淮义警', { exact: true }).isVisible(), 'no 申请加入江淮义警 entry');
      assert((await page.locator('[data-testid="member-card"]').count()) === 0, 'a visitor is shown a member card');
      await checkOlderUserSizes(page, { textId: 'home-visitor', targetIds: ['tile-apply'] });
      await tap(page, 'tile-apply');
      await page.getByText('“申请加入江淮义警”功能即将开放，敬请期待。').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'a4-visitor-home');
    },
  },
  {
    name: 'station-officer-staff-list',
    title: '(b) 平湖派出所民警用密码登录，进入工作台并打开人员管理',
    async run(page, base) {
      await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const roles = await textOf(page, 'staff-roles');
      assert(roles.includes('派出所民警'), `staff roles show "${roles}", expected 派出所民警`);
      const org = await textOf(page, 'staff-org');
      assert(org.includes('平湖派出所'), `staff org shows "${org}", expected 平湖派出所`);
      await checkOlderUserSizes(page, { textId: 'staff-org', targetIds: ['tile-staff', 'logout'] });
      await shot(page, 'b1-staff-home');

      await tap(page, 'tile-staff');
      await byTestId(page, 'staff-item').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const count = await page.locator('[data-testid="staff-item"]').count();
      assert(count >= 1, 'staff list is empty');
      const listText = await byTestId(page, 'staff-list').innerText();
      assert(listText.includes('平湖派出所'), 'staff list shows nobody from 平湖派出所');
      assert(!listText.includes('雨山派出所'), 'staff list of 平湖派出所 shows 雨山派出所 staff (scope leak)');
      await shot(page, 'b2-staff-list');

      // The audit log opens too: a list or a clear empty state, never a blank page.
      await page.goBack();
      await tap(page, 'tile-audit');
      await page
        .locator('[data-testid="audit-list"], [data-testid="empty-state"]')
        .first()
        .waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'b3-audit-log');
    },
  },
  {
    name: 'wrong-password',
    title: '(c) 密码错误时显示中文错误提示',
    async run(page, base) {
      await loginAsStaff(page, base, 'pinghu_station', 'not-the-password');
      const error = await textOf(page, 'staff-login-error');
      assert(error.includes('用户名或密码错误'), `login error shows "${error}", expected 用户名或密码错误`);
      assert(await byTestId(page, 'staff-login').isVisible(), 'left the login page after a wrong password');
      await shot(page, 'c1-wrong-password');
    },
  },
  {
    name: 'demo-staff-card-prefill',
    title: '(d) 点选演示民警卡片会自动填好账号密码，登录后可退出',
    async run(page, base) {
      await page.goto(`${base}/#/pages/login/index`);
      await tap(page, 'demo-pinghu_station');
      await tap(page, 'staff-login-submit');
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await tap(page, 'logout');
      // Confirm in the modal (Taro H5 renders it as plain DOM).
      await page.getByText('退出', { exact: true }).last().click();
      await byTestId(page, 'sandbox-login').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      await shot(page, 'd1-after-logout');
    },
  },
  {
    name: 'expired-access-token',
    title: '(e) 访问令牌失效时自动续期，页面照常显示；续期令牌也失效时回到登录页',
    async run(page, base) {
      await loginAsStaff(page, base, 'pinghu_station', STAFF_PASSWORD);
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const before = await readTokens(page);
      assert(before?.accessToken && before?.refreshToken, 'no tokens stored after login');

      // A dead access token: the next call gets 401, the client refreshes and retries by itself.
      await writeTokens(page, { ...before, accessToken: 'expired.or.forged' });
      await page.reload();
      await byTestId(page, 'home-staff').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      const after = await readTokens(page);
      assert(after.refreshToken !== before.refreshToken, 'refresh token was not rotated');
      await tap(page, 'tile-staff');
      await byTestId(page, 'staff-item').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });

      // Both tokens dead: the person lands on the login page and the tokens are gone.
      await writeTokens(page, { accessToken: 'expired.or.forged', refreshToken: before.refreshToken });
      await page.goto(`${base}/#/pages/index/index`);
      await page.reload();
      await byTestId(page, 'sandbox-login').waitFor({ state: 'visible', timeout: STEP_TIMEOUT_MS });
      assert((await readTokens(page)) === null, 'tokens were kept after the session ended');
      const notice = await textOf(page, 'sandbox-login-error');
      assert(notice.includes('重新登录'), `login page does not say why: "${notice}"`);
      await shot(page, 'e1-session-ended');
    },
  },
];

/** Taro H5 keeps storage in localStorage as JSON `{ data }`. */
async function readTokens(page) {
  return page.evaluate(() => {
    const raw = localStorage.getItem('jh.tokens');
    return raw ? JSON.parse(raw).data ?? null : null;
  });
}

async function writeTokens(page, tokens) {
  await page.evaluate((t) => localStorage.setItem('jh.tokens', JSON.stringify({ data: t })), tokens);
}

// ---------------------------------------------------------------------------------------------

async function main() {
  mkdirSync(artifacts, { recursive: true });
  // The folder shows the last run only: no stale FAILED picture from an earlier one.
  for (const name of readdirSync(artifacts)) if (name.endsWith('.png')) rmSync(join(artifacts, name));
  const selected = journeys.filter((j) => !process.env.JH_BROWSER_ONLY || j.name.includes(process.env.JH_BROWSER_ONLY));
  let passed = 0;
  let failed = 0;

  const missing = [
    [serverMain, 'server build (pnpm --filter @jianghuai/server build)'],
    [join(h5Dir, 'index.html'), 'H5 build (pnpm --filter @jianghuai/miniprogram build:h5)'],
    [chromiumPath, 'chromium (apt-get install -y chromium fonts-wqy-microhei)'],
  ].filter(([path]) => !existsSync(path));
  if (missing.length) {
    for (const [path, what] of missing) console.error(`missing ${what}: ${path}`);
    console.log(`browser: 0 passed, ${selected.length} failed`);
    return 1;
  }

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  serverChild = startServer(port);
  try {
    await waitForHealth(base, serverChild);
  } catch (error) {
    console.error(`server did not start: ${error.message}\n--- server output ---\n${serverOutput}\n---`);
    await stopServer();
    console.log(`browser: 0 passed, ${selected.length} failed`);
    return 1;
  }
  console.log(`server up at ${base} (pid ${serverChild.pid})`);

  for (const journey of selected) {
    const context = await chromium.launchPersistentContext(tempDir('jh-browser-profile-'), {
      executablePath: chromiumPath,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    const started = Date.now();
    try {
      await journey.run(page, base);
      assert(pageErrors.length === 0, `uncaught errors in the page: ${pageErrors.join(' | ')}`);
      passed++;
      console.log(`  ✓ ${journey.name} ${journey.title} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(`  ✗ ${journey.name} ${journey.title}\n      ${String(error?.message ?? error).split('\n')[0]}`);
      await shot(page, `${journey.name}-FAILED`).catch(() => {});
    } finally {
      await context.close().catch(() => {});
    }
  }
  if (failed) console.error(`--- server output (last 4000 chars) ---\n${serverOutput.slice(-4000)}\n---`);
  console.log(`screenshots: ${artifacts}`);
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(error);
  console.log('browser: 0 passed, 1 failed');
} finally {
  await stopServer();
  cleanup();
}
process.exit(exitCode);
