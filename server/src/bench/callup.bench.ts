import http from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { CALLUP_ROUTES, type CreateCallupRequest } from '@jianghuai/shared';
import { loadConfig } from '../config/configuration.js';
import { PiiCipher } from '../common/pii/pii-cipher.js';
import { SERVER_NODE_FLAGS } from '../node-flags.js';
import { WechatSandbox } from '../wechat-sandbox/sandbox-server.js';
import { freePort, jsonCall, sleep } from './bench-http.js';

/**
 * A call-up to 10,000 guards, end to end (docs/benchmarks.md#call-up-fan-out, docs/adr/0008-callup-fanout.md).
 * Loads MariaDB/MySQL (MYSQL_* as for the server; database `<MYSQL_DATABASE>_callup_bench`, dropped first) with
 * BENCH_VOLUNTEERS (default 20,000) active volunteers in multi-row inserts, half of them (each with an openid and a
 * mobile) at 平湖派出所, the rest at another station. The WeChat and SMS sandbox runs in this process, so what
 * arrived is counted where it arrived. One API server (its own process, CALLUP_FANOUT_WORKERS=off: it only answers)
 * and BENCH_WORKERS (default 2) worker processes (the same server with the workers on) share the database. The
 * station officer sends one call-up to the station through POST /api/admin/callups; when half the pushes have
 * arrived the first worker is killed with SIGKILL and started again. Prints the figures and ends with one JSON
 * line. Exit 1 when a recipient was never pushed (a push sent twice is counted and printed: see the ADR).
 */
const VOLUNTEERS = Number(process.env.BENCH_VOLUNTEERS ?? 20_000);
const WORKERS = Math.max(1, Number(process.env.BENCH_WORKERS ?? 2));
const LEASE_SECONDS = Number(process.env.BENCH_LEASE_SECONDS ?? 10);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_SECONDS ?? 1200) * 1000;

const env: NodeJS.ProcessEnv = { ...process.env };
env.MYSQL_HOST ??= '127.0.0.1';
env.MYSQL_DATABASE = `${env.MYSQL_DATABASE ?? 'test'}_callup_bench`;
const config = loadConfig({ ...env, NODE_ENV: 'test', DB_SYNC: 'false' });
if (config.database.type !== 'mysql') throw new Error('unreachable: MYSQL_HOST is set');
const db = config.database;
const mysql = await import('mysql2/promise');
{
  const c = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await c.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  await c.end();
}

const sandbox = new WechatSandbox({ appId: config.wechat.appId, secret: config.wechat.secret });
const sandboxUrl = await sandbox.listen(0);
const dataDir = mkdtempSync(path.join(tmpdir(), 'jh-bench-callup-'));
const t0 = performance.now();

interface Server {
  child: ChildProcess;
  port: number;
  exit: Promise<number | null>;
}
async function startServer(role: 'api' | 'worker'): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, fileURLToPath(new URL('../main.js', import.meta.url))], {
    env: {
      ...env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      H5_DIR: '',
      // BENCH_DB_SYNC=1: the servers build the schema from the entities instead of the migrations
      DB_SYNC: process.env.BENCH_DB_SYNC === '1' ? 'true' : 'false',
      SEED_DEMO: role === 'api' ? 'true' : 'false',
      WECHAT_SANDBOX: 'true',
      WECHAT_API_BASE: sandboxUrl,
      SMS_ENDPOINT: sandboxUrl,
      ...sandbox.pay.appEnv(sandboxUrl, 'http://127.0.0.1:9/api/pay/notify'),
      LOG_LEVEL: 'error',
      LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
      JOBS_SCHEDULER: 'off',
      CALLUP_FANOUT_WORKERS: role === 'api' ? 'off' : 'on',
      CALLUP_FANOUT_POLL_MS: '250',
      CALLUP_FANOUT_LEASE_SECONDS: String(LEASE_SECONDS),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`${role} server exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 600) throw new Error(`${role} server did not come up in 60 s`);
    await sleep(100);
  }
  return { child, port, exit };
}

// the API server first: it runs the migrations and the demo seed
const api = await startServer('api');
const pool = mysql.createPool({
  host: db.host,
  port: db.port,
  user: db.user,
  password: db.password,
  database: db.database,
  connectionLimit: 4,
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
});
const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
  (await pool.query(sql, params))[0] as unknown as T[];

// ── the volunteers: half at 平湖派出所 (the call-up's target), half at 雨山派出所 ──
const [target] = await q<{ id: number }>("SELECT id FROM org_units WHERE code = 'MAS-YS-PH'");
const [other] = await q<{ id: number }>("SELECT id FROM org_units WHERE code = 'MAS-YS-YS'");
const pii = new PiiCipher(config.pii);
const now = new Date();
for (let i = 0; i < VOLUNTEERS; i += 1000) {
  const n = Math.min(1000, VOLUNTEERS - i);
  const users = Array.from({ length: n }, (_, k) => [`cbench-${i + k}`, `义警${i + k}`, '[]', 'active', 0, now, now]);
  await pool.query(
    'INSERT INTO users (openid, displayName, roles, status, failedLogins, createdAt, updatedAt) VALUES ?',
    [users],
  );
  const [first] = await q<{ id: number }>('SELECT id FROM users WHERE openid = ?', [`cbench-${i}`]);
  const vols = Array.from({ length: n }, (_, k) => {
    const phone = `13${String(100_000_000 + i + k).slice(-9)}`;
    const station = (i + k) % 2 === 0 ? target.id : other.id;
    return [
      first.id + k,
      `CB${String(i + k).padStart(10, '0')}`,
      'active',
      station,
      'basic',
      '[]',
      '1985-01-01',
      0,
    ].concat([now, now, pii.encrypt(phone), pii.hash('phone', phone)] as never[]);
  });
  await pool.query(
    'INSERT INTO volunteers (userId, memberNo, status, stationId, tier, skills, birthDate, serviceMinutes, joinedAt, createdAt, phoneEnc, phoneHash) VALUES ?',
    [vols],
  );
}
const seedSeconds = (performance.now() - t0) / 1000;

const workers: Server[] = [];
for (let i = 0; i < WORKERS; i++) workers.push(await startServer('worker'));

// ── the call-up, through the API ──
const agent = new http.Agent({ keepAlive: true });
const call = (method: string, url: string, token: string | null, body?: unknown) =>
  jsonCall(agent, api.port, method, url, token, body);
const login = await call('POST', '/api/auth/staff/login', null, { username: 'pinghu_station', password: 'Jhyj@2026' });
const token = (login.body as { accessToken: string }).accessToken;
const request: CreateCallupRequest = {
  requestId: randomUUID(),
  kind: 'ordinary',
  title: '紧急集结：雨山湖公园',
  task: '雨山湖公园东门集合，协助疏导人群',
  rally: { address: '雨山湖公园东门', lat: 31.6612, lng: 118.5037 },
  deadlineAt: new Date(Date.now() + 2 * 3_600_000).toISOString(),
  target: { unitId: target.id },
};
const sentAt = performance.now();
const sentWall = Date.now();
let created = await call('POST', `/api${CALLUP_ROUTES.adminCallups}`, token, request);
let apiMs = performance.now() - sentAt;
/** BENCH_DIRECT=1 (or a server without the route): the call-up's rows written here as its create would. */
const direct = process.env.BENCH_DIRECT === '1' || created.status === 404;
if (direct) created = { status: 0, body: { id: await sendDirect() }, ms: 0 };
if (direct) apiMs = performance.now() - sentAt;
else if (created.status !== 200 && created.status !== 201)
  throw new Error(`POST /admin/callups: ${created.status} ${JSON.stringify(created.body)}`);
const callupId = (created.body as { id: number }).id;

/** The call-up, its recipients and their deliveries in one transaction, in the statements of the fan-out's enqueue. */
async function sendDirect(): Promise<number> {
  const c = await pool.getConnection();
  try {
    await c.beginTransaction();
    const at = new Date();
    const [res] = (await c.query(
      "INSERT INTO callups (orgUnitId, orgPath, unitName, kind, mode, title, task, rallyAddress, rallyLat, rallyLng, rallyRadiusM, deadlineAt, target, targetName, items, status, requestId, createdByUserId, createdByName, createdAt) SELECT id, path, name, 'ordinary', 'immediate', ?, ?, ?, ?, ?, 500, ?, ?, name, '[]', 'open', ?, 1, '王所长', ? FROM org_units WHERE id = ?",
      [
        request.title,
        request.task,
        request.rally.address,
        request.rally.lat,
        request.rally.lng,
        new Date(request.deadlineAt),
        JSON.stringify(request.target),
        request.requestId,
        at,
        target.id,
      ],
    )) as unknown as [{ insertId: number }];
    const id = res.insertId;
    await c.query(
      "INSERT INTO callup_recipients (callupId, volunteerId, userId, stationId, source, status, askedAt, pointsAwarded) SELECT ?, id, userId, stationId, 'direct', 'asked', ?, 0 FROM volunteers WHERE stationId = ? AND status = 'active'",
      [id, at, target.id],
    );
    await c.query(
      'INSERT INTO callup_deliveries (callupId, recipientId, userId, volunteerId, queuedAt, nextAttemptAt) SELECT callupId, id, userId, volunteerId, ?, ? FROM callup_recipients WHERE callupId = ?',
      [at, at, id],
    );
    await c.commit();
    return id;
  } finally {
    c.release();
  }
}
const [{ n: targeted }] = await q<{ n: number }>('SELECT COUNT(*) AS n FROM callup_recipients WHERE callupId = ?', [
  callupId,
]);
const page = `callups/detail/index?id=${callupId}`;
const pushes = () => sandbox.sentMessages.filter((m) => m.page === page);

// ── half-way: the first worker is killed (SIGKILL) and started again ──
while (pushes().length < Number(targeted) / 2 && performance.now() - sentAt < TIMEOUT_MS) await sleep(20);
const killedAt = pushes().length;
workers[0].child.kill('SIGKILL');
await workers[0].exit;
const restartStarted = performance.now();
workers[0] = await startServer('worker');
const restartSeconds = (performance.now() - restartStarted) / 1000;

// ── until every delivery is done (or the time is up) ──
const open = async () =>
  Number(
    (
      await q<{ n: number }>("SELECT COUNT(*) AS n FROM callup_deliveries WHERE callupId = ? AND state <> 'done'", [
        callupId,
      ])
    )[0].n,
  );
while ((await open()) > 0 && performance.now() - sentAt < TIMEOUT_MS) await sleep(200);
const textsDone = async () =>
  Number(
    (
      await q<{ n: number }>("SELECT COUNT(*) AS n FROM sms_messages WHERE ref = ? AND status = 'pending'", [
        `callup:${callupId}`,
      ])
    )[0].n,
  );
const smsWaitUntil = performance.now() + Number(process.env.BENCH_SMS_WAIT_SECONDS ?? 60) * 1000;
while ((await textsDone()) > 0 && performance.now() < smsWaitUntil) await sleep(200);
await sleep(1000); // anything still in flight lands

const got = pushes();
const distinct = new Set(got.map((m) => m.touser)).size;
const lastPushMs = Math.max(...got.map((m) => Date.parse(m.sentAt))) - sentWall;
const texts = sandbox.sms.sentMessages.filter((m) => m.params[0] === request.title.slice(0, 20));
const textsDistinct = new Set(texts.map((m) => m.phone)).size;
const [{ n: inApp }] = await q<{ n: number }>('SELECT COUNT(*) AS n FROM notifications WHERE page = ?', [page]);
const outcomes = await q<{ push: string; sms: string; n: number }>(
  'SELECT push, sms, COUNT(*) AS n FROM callup_deliveries WHERE callupId = ? GROUP BY push, sms',
  [callupId],
);
const smsOutbox = await q<{ status: string; n: number }>(
  'SELECT status, COUNT(*) AS n FROM sms_messages WHERE ref = ? GROUP BY status',
  [`callup:${callupId}`],
);

const round = (n: number, d = 0) => Math.round(n * 10 ** d) / 10 ** d;
const summary = {
  targeted: Number(targeted),
  apiMs: round(apiMs),
  delivered: distinct,
  lost: Number(targeted) - distinct,
  duplicates: got.length - distinct,
  msgsPerSec: round(distinct / (lastPushMs / 1000), 1),
  lastDeliveredMs: round(lastPushMs),
};
const [[{ version }]] = (await pool.query('SELECT VERSION() AS version')) as unknown as [{ version: string }[]];
console.log(
  `database: ${version} at ${db.host}:${db.port}/${db.database}; ${VOLUNTEERS} volunteers seeded in ${seedSeconds.toFixed(1)} s; 1 API process (workers off), ${WORKERS} worker process(es), lease ${LEASE_SECONDS} s`,
);
console.log(
  direct
    ? `call-up ${callupId} written directly (BENCH_DIRECT) in ${summary.apiMs} ms for ${targeted} recipients`
    : `call-up ${callupId}: POST /admin/callups answered ${created.status} in ${summary.apiMs} ms for ${targeted} recipients`,
);
console.log(
  `pushes at the sandbox: ${got.length} for ${distinct} recipients (lost ${summary.lost}, twice ${summary.duplicates}); the last ${summary.lastDeliveredMs} ms after sending → ${summary.msgsPerSec}/s`,
);
console.log(`worker 1 killed (SIGKILL) after ${killedAt} pushes, back up in ${restartSeconds.toFixed(1)} s`);
console.log(
  `in-app messages: ${inApp}; delivery outcomes: ${outcomes.map((o) => `${o.push}/${o.sms} ${o.n}`).join(', ')}`,
);
console.log(
  `texts at the sandbox: ${texts.length} to ${textsDistinct} numbers (twice ${texts.length - textsDistinct}); outbox: ${smsOutbox.map((o) => `${o.status} ${o.n}`).join(', ')}`,
);
await pool.end();
agent.destroy();
for (const srv of [api, ...workers]) srv.child.kill('SIGTERM');
await Promise.all([api, ...workers].map((srv) => srv.exit));
await sandbox.close();
console.log(JSON.stringify(summary));
process.exit(summary.lost === 0 ? 0 : 1);
