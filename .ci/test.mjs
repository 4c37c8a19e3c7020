// `npm test`: every suite of the project, then one summary of what ran, what failed and what was
// skipped and why. Without a reachable MySQL or Chromium those suites are skipped with the reason
// printed; under CI=true nothing may be skipped.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { buildH5, buildServer, ensureInstalled, log, pnpmBin, ROOT } from './lib.mjs';

const CI = ['1', 'true'].includes(String(process.env.CI).toLowerCase());
const only = process.argv.slice(2); // e.g. `npm test -- server-e2e-mysql`
const tmp = mkdtempSync(path.join(tmpdir(), 'jh-test-'));
const results = [];

function exec(cmd, args, { cwd = ROOT, env = {}, timeoutMs } = {}) {
  const started = Date.now();
  const res = spawnSync(cmd, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    ...(timeoutMs ? { timeout: timeoutMs, killSignal: 'SIGKILL' } : {}),
  });
  process.stdout.write(res.stdout ?? '');
  process.stderr.write(res.stderr ?? '');
  const timedOut = res.error?.code === 'ETIMEDOUT';
  if (timedOut)
    console.error(
      `${cmd} ${args.join(' ')}: still running after ${timeoutMs / 60000} minutes, stopped (a handle left open?)`,
    );
  return {
    status: timedOut ? 124 : res.status,
    out: `${res.stdout ?? ''}\n${res.stderr ?? ''}`,
    seconds: (Date.now() - started) / 1000,
  };
}

/**
 * `exec` without blocking: the browser suites wait on pages and timers much of the time, so CI runs the
 * MySQL suite beside the journey runs. Output is printed whole when
 * the command ends, so two runs never interleave their lines.
 */
function execAsync(cmd, args, { cwd = ROOT, env = {}, timeoutMs } = {}) {
  const started = Date.now();
  return new Promise((resolveRun) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    let timedOut = false;
    const watchdog = timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          child.kill('SIGKILL');
        }, timeoutMs)
      : null;
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (status) => {
      if (watchdog) clearTimeout(watchdog);
      process.stdout.write(out);
      process.stderr.write(err);
      if (timedOut)
        console.error(`${cmd} ${args.join(' ')}: still running after ${timeoutMs / 60000} minutes, stopped`);
      resolveRun({ status: timedOut ? 124 : status, out: `${out}\n${err}`, seconds: (Date.now() - started) / 1000 });
    });
  });
}

function record(name, r, passed, failed) {
  const ok = r.status === 0 && failed === 0 && passed > 0;
  results.push({
    name,
    status: ok ? 'passed' : 'failed',
    passed,
    failed: ok ? failed : Math.max(failed, 1),
    seconds: r.seconds,
  });
}

function skip(name, reason) {
  results.push({
    name,
    status: CI ? 'failed' : 'skipped',
    passed: 0,
    failed: CI ? 1 : 0,
    reason: CI ? `not allowed under CI: ${reason}` : reason,
  });
}

function wanted(name) {
  return only.length === 0 || only.some((o) => name.includes(o));
}

// No --forceExit: every suite closes what it opens (test/support/test-app.ts closes the apps of a
// suite that failed half-way), so jest ends by itself. Each test has --testTimeout, and the whole
// run a watchdog, so a handle left open by a future change fails the run instead of hanging CI.
// The test timeout (also every hook's) leaves room for the journeys and the MySQL suite running beside each other on
// two cores: a suite's beforeAll that signs in a dozen people took over 60 s with a third lane beside them.
const JEST_TEST_TIMEOUT_MS = 180_000;
const JEST_RUN_TIMEOUT_MS = 45 * 60_000;
const SOLO_WORKERS = Math.max(1, availableParallelism());
function jest(name, project, env, extraArgs = []) {
  if (!wanted(name)) return;
  // nothing else runs beside these suites: one worker per core (jest would keep one core for itself)
  const run = jestRun(name, project, env, [`--maxWorkers=${SOLO_WORKERS}`, ...extraArgs]);
  run.done(exec(process.execPath, run.args, run.options));
}

/** The same jest run, not blocking: for the MySQL suite, which goes on beside the browser journeys. */
async function jestAsync(name, project, env, extraArgs = []) {
  if (!wanted(name)) return;
  const run = jestRun(name, project, env, extraArgs);
  run.done(await execAsync(process.execPath, run.args, run.options));
}

function jestRun(name, project, env, extraArgs) {
  log(`running ${name}`);
  const out = path.join(tmp, `${name}.json`);
  // jest itself (not through pnpm), so that the watchdog stops jest and not only a wrapper
  const jestBin = path.join(ROOT, 'server/node_modules/jest/bin/jest.js');
  const args = [
    jestBin,
    '--selectProjects',
    project,
    '--json',
    `--outputFile=${out}`,
    `--testTimeout=${JEST_TEST_TIMEOUT_MS}`,
    ...extraArgs,
  ];
  const options = {
    cwd: path.join(ROOT, 'server'),
    env: { NODE_OPTIONS: '--experimental-vm-modules --no-warnings', ...env },
    timeoutMs: JEST_RUN_TIMEOUT_MS,
  };
  const done = (r) => {
    const j = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : { numPassedTests: 0, numFailedTests: 0 };
    record(name, r, j.numPassedTests, j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0));
    if (j.numPendingTests) results.at(-1).note = `${j.numPendingTests} tests marked skip`;
  };
  return { args, options, done };
}

async function mysqlReachable() {
  const { createRequire } = await import('node:module');
  const require = createRequire(path.join(ROOT, 'server/package.json'));
  const mysql = require('mysql2/promise');
  try {
    const conn = await mysql.createConnection({
      host: process.env.MYSQL_HOST ?? '127.0.0.1',
      port: Number(process.env.MYSQL_PORT ?? 3306),
      user: process.env.MYSQL_USER ?? 'root',
      password: process.env.MYSQL_PASSWORD ?? '',
      connectTimeout: 3000,
    });
    await conn.query('SELECT 1');
    await conn.end();
    return null;
  } catch (err) {
    return `MySQL not reachable at ${process.env.MYSQL_HOST ?? '127.0.0.1'}:${process.env.MYSQL_PORT ?? 3306} (${err.code ?? err.message}); set MYSQL_HOST/MYSQL_PORT/MYSQL_USER/MYSQL_PASSWORD`;
  }
}

// Business dates (docs/product.md#business-dates): the date-sensitive suites run once more at two fixed instants of today's
// UTC date, 15:30 UTC (23:30 in Shanghai, one calendar date everywhere) and 23:30 UTC (07:30 on the
// next day in Shanghai while the UTC date is still today): the server through CLOCK_START, the
// e2e tests through E2E_CLOCK_START, the browser pages through Playwright's clock (JH_CLOCK_START).
// The run's calendar date in UTC (not a business date): it only picks the two fixed instants.
const utcToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(new Date());
const FIXED_INSTANTS = [
  ['1530', `${utcToday}T15:30:00.000Z`],
  ['2330', `${utcToday}T23:30:00.000Z`],
];
const DATE_SENSITIVE_E2E =
  '/(jobs|jobs-schedule|volunteers|activities|activities-checkin|activities-hardening|points|points-lots|applications|applications-security|insurance|notifications-delivery|business-dates|attendance-messages|files|sms|tips|tips-grading|disputes|incident-reports|tips-places|mall-pickup|mall-payments|tips-hostile|dashboard|callups-board|reports|inspections)\\.e2e-spec\\.ts$';
// The activity journey waits for its start in real time (~3 min): at 23:30 only, where the dates differ.
const DATE_SENSITIVE_JOURNEYS = {
  1530: [
    'enrolment-extras-exemption-recheck',
    'applications-apply-review-approve',
    'activities-extras-insurance-and-points',
    'activities-extras-volunteer-proposal',
    'user-fixes-apply-form',
    'activity-list-fixes',
    'activity-days-filter-navigate',
    'insurance-enrol-chosen',
    'mall-staff',
    'reports-late-acknowledged',
    'reports-dispute-mediated',
    'stage-report',
  ],
  2330: [
    'enrolment-extras-exemption-recheck',
    'applications-apply-review-approve',
    'activities-extras-insurance-and-points',
    'activities-extras-volunteer-proposal',
    'user-fixes-apply-form',
    'activity-list-fixes',
    'activity-days-filter-navigate',
    'insurance-enrol-chosen',
    'mall-staff',
    'reports-late-acknowledged',
    'reports-dispute-mediated',
    'stage-report',
    'activities-publish-signup-checkin-confirm-points',
  ],
};

function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
  return candidates.find((p) => existsSync(p)) ?? null;
}

const started = Date.now();
try {
  ensureInstalled();
  buildServer();
} catch (err) {
  console.error(err.message);
  process.exit(1);
}

if (wanted('shared-unit')) {
  log('running shared-unit');
  const r = exec(process.execPath, ['--test', 'shared/dist/']);
  record('shared-unit', r, Number(/# pass (\d+)/.exec(r.out)?.[1] ?? 0), Number(/# fail (\d+)/.exec(r.out)?.[1] ?? 0));
}
jest('server-unit', 'unit', {});
// The migration suite proves MySQL migrations == entities; the embedded database has no migrations.
jest('server-e2e-embedded', 'e2e', { E2E_DB: 'sqlite' }, [
  '--testPathIgnorePatterns',
  '(migrations|two-instances)\\.e2e-spec',
]);
for (const [label, at] of FIXED_INSTANTS)
  jest(`server-e2e-dates-${label}`, 'e2e', { E2E_DB: 'sqlite', E2E_CLOCK_START: at }, [
    '--testPathPatterns',
    DATE_SENSITIVE_E2E,
  ]);
const mysqlWhy = wanted('server-e2e-mysql') ? await mysqlReachable() : null;
if (mysqlWhy) skip('server-e2e-mysql', mysqlWhy);
if (wanted('miniprogram-unit')) {
  log('running miniprogram-unit');
  const out = path.join(tmp, 'vitest.json');
  const r = exec(pnpmBin(), ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}`], {
    cwd: path.join(ROOT, 'miniprogram'),
  });
  const j = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : { numPassedTests: 0, numFailedTests: 0 };
  record('miniprogram-unit', r, j.numPassedTests, j.numFailedTests);
}
// Two lanes at once (the journeys wait on pages and timers much of the time): the main journey run, then the journeys
// at the two fixed instants, in one; the MySQL suite in the other (the longer of the two alone). Each browser run has
// its own server, data folder and screenshot folder.
const mysqlSuite = () =>
  wanted('server-e2e-mysql') && !mysqlWhy ? jestAsync('server-e2e-mysql', 'e2e', { E2E_DB: 'mysql' }) : null;
const BROWSER_RUNS = ['browser', ...FIXED_INSTANTS.map(([label]) => `browser-dates-${label}`)];
const chromium = chromiumPath();
let browserReady = false;
if (BROWSER_RUNS.some(wanted)) {
  if (!chromium)
    skip('browser', 'Chromium not found (apt-get install chromium fonts-wqy-microhei, or set CHROMIUM_PATH)');
  else {
    try {
      buildH5();
      browserReady = true;
    } catch (err) {
      results.push({ name: 'browser', status: 'failed', passed: 0, failed: 1, reason: err.message });
    }
  }
}
const browserRun = async (name, env) => {
  if (!browserReady || !wanted(name)) return;
  log(`running ${name}`);
  const r = await execAsync(process.execPath, [path.join(ROOT, 'miniprogram/test/browser/run.mjs')], {
    env: { CHROMIUM_PATH: chromium, ...env },
  });
  const m = /^browser: (\d+) passed, (\d+) failed/m.exec(r.out);
  record(name, r, Number(m?.[1] ?? 0), Number(m?.[2] ?? 0));
};
await Promise.all([
  (async () => {
    await browserRun('browser', { JH_CLOCK_START: '' });
    for (const [label, at] of FIXED_INSTANTS)
      await browserRun(`browser-dates-${label}`, {
        JH_CLOCK_START: at,
        JH_BROWSER_ONLY: DATE_SENSITIVE_JOURNEYS[label].join(','),
        JH_ARTIFACTS_DIR: path.join(ROOT, `miniprogram/test-artifacts/browser-dates-${label}`),
      });
  })(),
  mysqlSuite(),
]);

const total = results.reduce(
  (a, r) => ({
    passed: a.passed + r.passed,
    failed: a.failed + r.failed,
    skipped: a.skipped + (r.status === 'skipped' ? 1 : 0),
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log('\n──────── 测试汇总 / test summary ────────');
for (const r of results) {
  const detail =
    r.status === 'skipped' || r.reason
      ? `  (${r.reason})`
      : `  ${r.passed} passed, ${r.failed} failed, ${r.seconds.toFixed(1)} s${r.note ? ` — ${r.note}` : ''}`;
  console.log(
    `${r.status === 'passed' ? '✔' : r.status === 'skipped' ? '○' : '✘'} ${r.name.padEnd(22)} ${r.status}${detail}`,
  );
}
console.log(`time: ${((Date.now() - started) / 1000).toFixed(0)} s${CI ? ' (CI=true: no suite may be skipped)' : ''}`);
console.log(`total: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(results.some((r) => r.status === 'failed') || results.length === 0 ? 1 : 0);
