// Browser journeys: the H5 build of the mini-program against the real server, in Debian's
// chromium through playwright-core. Starts its own server on a free port with a fresh data
// directory, runs each journey in a fresh browser profile, saves screenshots, and always stops
// the server it started.
//
//   pnpm --filter @jianghuai/miniprogram test:browser      (after build:h5 and the server build)
//
// Environment: CHROMIUM_PATH (default /usr/bin/chromium), JH_SERVER_MAIN (default
// <repo>/server/dist/main.js), JH_H5_DIR (default <repo>/miniprogram/dist/h5),
// JH_BROWSER_ONLY=<journey-name substrings, comma-separated> to run a subset, JH_CLOCK_START=<ISO
// instant> to run the server (CLOCK_START) and every page (Playwright's clock) from that instant,
// e.g. 2026-11-30T23:30:00Z, when Shanghai is already on the next day.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assert, clockNow, setClockOffset, shot, STEP_TIMEOUT_MS, artifacts } from './support.mjs';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const serverMain = resolve(process.env.JH_SERVER_MAIN ?? join(repo, 'server/dist/main.js'));
const h5Dir = resolve(process.env.JH_H5_DIR ?? join(repo, 'miniprogram/dist/h5'));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HEALTH_TIMEOUT_MS = 60_000;

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
    // An urgent tip waits one minute (not ten) before the branch is told, so the escalation journey sees it happen.
    TIP_URGENT_SLA_MINUTES: '1',
  };
  if (process.env.JH_CLOCK_START) env.CLOCK_START = process.env.JH_CLOCK_START;
  else delete env.CLOCK_START;
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
// journeys: every module in journeys/ exports an array of { name, title, run(page, base), askPrivacy? }

/** The privacy answer as the H5 build stores it (logic/privacy.ts: PRIVACY_STORAGE_KEY, PRIVACY_POLICY_VERSION). */
const AGREED_PRIVACY = {
  key: 'jh.privacyConsent',
  value: JSON.stringify({ version: '2026-11-30', answer: 'agree', at: '2026-11-30T00:00:00.000Z' }),
};

/**
 * Runs in the page before the app: Taro's H5 storage wraps each value as { data }. Journeys sign out by clearing the
 * storage; the answer survives that, as it does a sign-out on a phone.
 */
function agreePrivacy({ key, value }) {
  if (!localStorage.getItem(key)) localStorage.setItem(key, JSON.stringify({ data: value }));
  const clear = Storage.prototype.clear;
  Storage.prototype.clear = function clearKeepingPrivacy() {
    const kept = this.getItem(key);
    clear.call(this);
    if (kept) this.setItem(key, kept);
  };
}

async function loadJourneys() {
  const dir = join(here, 'journeys');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.mjs'))
    .sort();
  const all = [];
  for (const f of files) all.push(...(await import(pathToFileURL(join(dir, f)).href)).default);
  return all;
}

async function main() {
  mkdirSync(artifacts, { recursive: true });
  // The folder shows the last run only: no stale FAILED picture from an earlier one.
  for (const name of readdirSync(artifacts)) if (name.endsWith('.png')) rmSync(join(artifacts, name));
  const journeys = await loadJourneys();
  const only = (process.env.JH_BROWSER_ONLY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const selected = journeys.filter((j) => only.length === 0 || only.some((o) => j.name.includes(o)));
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
  // The server's clock (fixed by JH_CLOCK_START, then running on): journeys and pages follow it.
  const health = await (await fetch(`${base}/api/health`)).json();
  if (process.env.JH_CLOCK_START) setClockOffset(Date.parse(health.time) - Date.now());
  console.log(
    `server up at ${base} (pid ${serverChild.pid})${process.env.JH_CLOCK_START ? `, clock at ${health.time}` : ''}`,
  );

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
    if (process.env.JH_CLOCK_START) await context.clock.install({ time: clockNow() });
    // Everyone has already answered the privacy popup with 同意 (the activity journeys read the location), except in
    // a journey about that popup (`askPrivacy: true`).
    if (!journey.askPrivacy) await context.addInitScript(agreePrivacy, AGREED_PRIVACY);
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
      // The journey line that failed, so a timeout says which step it was.
      const at =
        String(error?.stack ?? '')
          .split('\n')
          .find((l) => l.includes('/journeys/'))
          ?.trim() ?? '';
      console.log(
        `  ✗ ${journey.name} ${journey.title}\n      ${String(error?.message ?? error).split('\n')[0]}${at ? `\n      ${at}` : ''}`,
      );
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
