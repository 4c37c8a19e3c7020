import http from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type Socket } from 'node:net';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { JwtService } from '@nestjs/jwt';
import type { ActivityInput } from '@jianghuai/shared';
import { loadConfig } from '../config/configuration.js';
import { SIGNUP_SQL } from '../modules/activities/sql.js';
import { ACTOR_SQL } from '../modules/auth/actor-loader.service.js';
import { SERVER_NODE_FLAGS } from '../node-flags.js';
import { freePort, jsonCall } from './bench-http.js';

/**
 * Sign-up under a rush, through the real HTTP API and then as bare SQL (docs/product.md#several-instances: 10k
 * simultaneous sign-ups for one popular activity). Loads MariaDB/MySQL (MYSQL_* as for the
 * server; database `<MYSQL_DATABASE>_signup_bench`, dropped first) with 10,000 approved
 * volunteers, starts the real server (`dist/main.js`, its own process) on a free port, fires BENCH_REQUESTS (default 2,000) sign-ups
 * at once at one activity of 200 places over keep-alive HTTP, then runs the same SQL statements
 * per sign-up straight through mysql2 with the same pool size for another activity of 200 places.
 * Prints the figures and ends with one JSON line. Asserts nothing but overbooked = 0 (exit 1).
 *
 * Both legs are measured warm (BENCH_WARMUP sign-ups on a throw-away activity first). The API leg's
 * load generator opens one connection per request before the burst (BENCH_NEW_CONNECTIONS=1: inside
 * the timed window) and writes prepared requests on raw sockets, so it takes as little of the shared
 * CPU as possible. BENCH_INSTANCES=n runs n server processes sharing the pool size (round-robin).
 */

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
/** Sign-ups run on a throw-away activity before each measured leg, so both legs are measured warm (JIT, pools, caches), as a running server is. */
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const VOLUNTEERS = Math.max(10_000, (REQUESTS + WARMUP) * 2);
const CAPACITY = 200;

const env: NodeJS.ProcessEnv = { ...process.env };
env.MYSQL_HOST ??= '127.0.0.1';
env.MYSQL_DATABASE = `${env.MYSQL_DATABASE ?? 'test'}_signup_bench`;
const config = loadConfig({ ...env, NODE_ENV: 'test', DB_SYNC: 'false' });
if (config.database.type !== 'mysql') throw new Error('unreachable: MYSQL_HOST is set');
const db = config.database;
const mysql = await import('mysql2/promise');
{
  const c = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await c.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  await c.end();
}

// The real server as its own process (as in production): migrations, demo org tree, sandbox.
const t0 = performance.now();
const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1);
const dataDir = mkdtempSync(path.join(tmpdir(), 'jh-bench-signup-'));
async function startServer(
  poolSize: number,
): Promise<{ child: ReturnType<typeof spawn>; port: number; exit: Promise<number | null> }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      fileURLToPath(new URL('../main.js', import.meta.url)),
    ],
    {
      env: {
        ...env,
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        H5_DIR: '',
        DB_SYNC: 'false',
        SEED_DEMO: 'true',
        WECHAT_SANDBOX: 'true',
        LOG_LEVEL: 'error',
        LOGIN_RATE_LIMIT_PER_MINUTE: '100000',
        JOBS_SCHEDULER: 'off',
        MYSQL_POOL_SIZE: String(poolSize),
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (i > 600) throw new Error('server did not come up in 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, port, exit };
}
// one after the other: the first runs the migrations and the demo seed
const servers: Awaited<ReturnType<typeof startServer>>[] = [];
for (let i = 0; i < INSTANCES; i++) servers.push(await startServer(Math.max(1, Math.round(db.poolSize / INSTANCES))));
const { port } = servers[0];
// the raw leg's pool: the server's pool options (dataSourceOptions), the server's total size
const pool = mysql.createPool({
  host: db.host,
  port: db.port,
  user: db.user,
  password: db.password,
  database: db.database,
  connectionLimit: db.poolSize,
  timezone: 'Z',
  charset: 'utf8mb4_unicode_ci',
  trace: false,
});

// ── 10,000 approved volunteers, in multi-row inserts ──
const [[station]] = (await pool.query("SELECT id FROM org_units WHERE code = 'MAS-YS-PH'")) as unknown as [
  { id: number }[],
];
const now = new Date();
for (let i = 0; i < VOLUNTEERS; i += 1000) {
  const n = Math.min(1000, VOLUNTEERS - i);
  const users = Array.from({ length: n }, (_, k) => [`bench-${i + k}`, `义警${i + k}`, '[]', 'active', 0, now, now]);
  await pool.query(
    'INSERT INTO users (openid, displayName, roles, status, failedLogins, createdAt, updatedAt) VALUES ?',
    [users],
  );
}
await pool.query(
  "INSERT INTO volunteers (userId, memberNo, status, stationId, tier, skills, birthDate, serviceMinutes, joinedAt, createdAt) SELECT id, CONCAT('B', LPAD(id, 12, '0')), 'active', ?, 'basic', '[]', '1980-01-01', 0, ?, ? FROM users WHERE openid LIKE 'bench-%'",
  [station.id, now, now],
);
const [people] = (await pool.query(
  "SELECT u.id AS userId, v.id AS volunteerId FROM users u JOIN volunteers v ON v.userId = u.id WHERE u.openid LIKE 'bench-%' ORDER BY u.id",
)) as unknown as [{ userId: number; volunteerId: number }[]];
const jwt = new JwtService({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' } });
const seedSeconds = (performance.now() - t0) / 1000;

// ── the activity, created and published through the API by the station officer ──
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
const call = (method: string, url: string, token: string | null, body?: unknown, toPort = port) =>
  jsonCall(agent, toPort, method, url, token, body);
const login = await call('POST', '/api/auth/staff/login', null, { username: 'pinghu_station', password: 'Jhyj@2026' });
const staffToken = (login.body as { accessToken: string }).accessToken;
async function newActivity(title: string): Promise<number> {
  const start = new Date(Date.now() + 7 * 86_400_000);
  const input: ActivityInput = {
    title,
    type: 'major_event_security',
    description: '压测',
    location: { address: '雨山湖公园', lat: 31.6612, lng: 118.5037, radiusM: 300 },
    startAt: start.toISOString(),
    endAt: new Date(start.getTime() + 4 * 3_600_000).toISOString(),
    capacity: CAPACITY,
    pointsRule: 'per_activity',
    pointsAmount: 20,
    mode: 'daily',
    signupMode: 'instant',
  };
  const created = await call('POST', '/api/admin/activities', staffToken, input);
  const id = (created.body as { id: number }).id;
  const published = await call('POST', `/api/admin/activities/${id}/publish`, staffToken);
  if (published.status !== 200) throw new Error(`publish failed: ${JSON.stringify(published.body)}`);
  return id;
}

/**
 * The load generator. Connections are opened first (as a gateway's keep-alive connections to the
 * API would be), then every request is written at once as prepared bytes, and each answer is read
 * just far enough for its status and length: the generator shares the machine's cores with the
 * server and the database, so it must cost as little as possible.
 */
async function openConnections(ports: number[], n: number): Promise<Socket[]> {
  const sockets: Socket[] = [];
  for (let i = 0; i < n; i += 200) {
    const batch = Array.from({ length: Math.min(200, n - i) }, (_, k) => {
      const socket = connect(ports[(i + k) % ports.length], '127.0.0.1');
      socket.setNoDelay(true);
      return new Promise<Socket>((resolve, reject) =>
        socket.once('connect', () => resolve(socket)).once('error', reject),
      );
    });
    sockets.push(...(await Promise.all(batch)));
  }
  return sockets;
}

function send(socket: Socket, url: string, token: string): Promise<{ status: number; ms: number }> {
  const head = Buffer.from(
    `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 0\r\n\r\n`,
  );
  return new Promise((resolve, reject) => {
    let buf: Buffer = Buffer.alloc(0);
    let started = 0;
    socket.on('data', (chunk: Buffer) => {
      buf = buf.length ? Buffer.concat([buf, chunk]) : chunk;
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const headers = buf.subarray(0, end).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(headers)?.[1] ?? 0);
      if (buf.length < end + 4 + length) return;
      const ms = performance.now() - started;
      socket.destroy();
      resolve({ status: Number(headers.slice(9, 12)), ms });
    });
    socket.once('error', reject);
    started = performance.now();
    socket.write(head); // on a socket still connecting, sent once it connects
  });
}

/** The database's own count of statements received (server-wide: other clients add to it). */
async function statementsRun(): Promise<number> {
  const [[row]] = (await pool.query("SHOW GLOBAL STATUS LIKE 'Questions'")) as unknown as [{ Value: string }[]];
  return Number(row.Value);
}

/**
 * CPU time of this process (the load generator / the raw client), the server process(es) and the
 * database server, from /proc (Linux, database on this machine); figures it cannot read are left out.
 */
async function cpuMeter() {
  const ticks = (pid: number | undefined): number | null => {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(f[11]) + Number(f[12])) * 1000) / 100; // USER_HZ = 100
    } catch {
      return null;
    }
  };
  let dbPid: number | undefined;
  try {
    const [[row]] = (await pool.query('SELECT @@pid_file AS f')) as unknown as [{ f: string }[]];
    dbPid = Number(readFileSync(row.f, 'utf8').trim());
  } catch {
    dbPid = undefined;
  }
  const read = () => {
    const u = process.cpuUsage();
    const srv = servers.map((s) => ticks(s.child.pid));
    return {
      self: (u.user + u.system) / 1000,
      server: srv.some((v) => v === null) ? null : srv.reduce<number>((a, b) => a + (b ?? 0), 0),
      db: ticks(dbPid),
    };
  };
  return {
    read,
    since(before: ReturnType<typeof read>): string {
      const now = read();
      const part = (label: string, a: number | null, b: number | null) =>
        a === null || b === null ? [] : [`${label} ${Math.round(b - a)} ms`];
      return [
        ...part('this process', before.self, now.self),
        ...part('server', before.server, now.server),
        ...part('database', before.db, now.db),
      ].join(', ');
    },
  };
}

async function outcome(activityId: number) {
  const [rows] = (await pool.query(
    'SELECT status, COUNT(*) AS n FROM activity_signups WHERE activityId = ? GROUP BY status',
    [activityId],
  )) as unknown as [{ status: string; n: number }[]];
  const [[a]] = (await pool.query('SELECT capacity, confirmedCount FROM activities WHERE id = ?', [
    activityId,
  ])) as unknown as [{ capacity: number; confirmedCount: number }[]];
  const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  const confirmed = count('confirmed');
  return {
    confirmed,
    waitlisted: count('waitlisted'),
    overbooked: Math.max(0, confirmed - a.capacity, a.confirmedCount - a.capacity, confirmed - a.confirmedCount),
  };
}

// ── phase 1: the API ──
const ports = servers.map((srv) => srv.port);
/** A login per volunteer (`sid`), as real tokens carry: the guard checks it has not ended. */
const sidOf = (p: { userId: number }) => `bench-login-${p.userId}`;
const tokenFor = (p: { userId: number }) =>
  jwt.sign({ sub: p.userId, typ: 'access', sid: sidOf(p) }, { expiresIn: 3600 });
if (WARMUP > 0) {
  const warm = await newActivity('预热（接口）');
  const warmTokens = people.slice(2 * REQUESTS, 2 * REQUESTS + WARMUP).map(tokenFor);
  const warmSockets = await openConnections(ports, WARMUP);
  await Promise.all(warmSockets.map((socket, i) => send(socket, `/api/activities/${warm}/signup`, warmTokens[i])));
}
const apiActivity = await newActivity('压测活动（接口）');
const tokens = people.slice(0, REQUESTS).map(tokenFor);
/** BENCH_NEW_CONNECTIONS=1: connect inside the timed window (each request pays its TCP set-up). */
const NEW_CONNECTIONS = process.env.BENCH_NEW_CONNECTIONS === '1';
const sockets = NEW_CONNECTIONS ? [] : await openConnections(ports, REQUESTS);
const cpu = await cpuMeter();
const q0 = await statementsRun();
const c0 = cpu.read();
const apiStart = performance.now();
const results = await Promise.all(
  tokens.map((token, i) =>
    send(
      NEW_CONNECTIONS ? connect(ports[i % ports.length], '127.0.0.1') : sockets[i],
      `/api/activities/${apiActivity}/signup`,
      token,
    ),
  ),
);
const apiSeconds = (performance.now() - apiStart) / 1000;
const apiCpu = cpu.since(c0);
const apiStatements = (await statementsRun()) - q0;
const failed = results.filter((r) => r.status !== 201);
const latencies = results.map((r) => r.ms).sort((a, b) => a - b);
const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
const api = await outcome(apiActivity);

// ── phase 2: the same statements per sign-up, straight through mysql2, same pool size ──
const rawActivity = await newActivity('压测活动（直连 SQL）');
const rawPeople = people.slice(REQUESTS, REQUESTS * 2);
async function rawSignUp(activityId: number, p: { userId: number; volunteerId: number }): Promise<void> {
  // what the auth guard reads for every request (ActorLoader.loadActor: one joined query)
  await pool.query(ACTOR_SQL, [sidOf(p), p.userId]);
  // the sign-up itself, statement for statement as SignupService runs it
  const [[a]] = (await pool.query(SIGNUP_SQL.activity, [activityId])) as unknown as [{ startAt: Date; endAt: Date }[]];
  await pool.query(SIGNUP_SQL.volunteer, [p.userId]);
  await pool.query(SIGNUP_SQL.clash, [p.volunteerId, activityId, a.endAt, a.startAt]);
  const at = new Date();
  const [ins] = (await pool.query(SIGNUP_SQL.insert, [
    activityId,
    p.volunteerId,
    p.userId,
    'waitlisted',
    at,
    at,
  ])) as unknown as [{ insertId: number }];
  const id = ins.insertId;
  const [take] = (await pool.query(SIGNUP_SQL.takePlaceAndConfirm, [id, activityId])) as unknown as [
    { affectedRows: number },
  ];
  const confirmed = take.affectedRows > 0;
  if (!confirmed) await pool.query(SIGNUP_SQL.status, [id]);
  if (!confirmed) await pool.query(SIGNUP_SQL.position, [activityId, id]);
}
if (WARMUP > 0) {
  const warm = await newActivity('预热（直连 SQL）');
  await Promise.all(people.slice(2 * REQUESTS + WARMUP, 2 * REQUESTS + 2 * WARMUP).map((p) => rawSignUp(warm, p)));
}
const q1 = await statementsRun();
const c1 = cpu.read();
const rawStart = performance.now();
await Promise.all(rawPeople.map((p) => rawSignUp(rawActivity, p)));
const rawSeconds = (performance.now() - rawStart) / 1000;
const rawCpu = cpu.since(c1);
const rawStatements = (await statementsRun()) - q1;
const raw = await outcome(rawActivity);

const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const summary = {
  confirmed: api.confirmed,
  waitlisted: api.waitlisted,
  overbooked: api.overbooked + raw.overbooked,
  apiRps: round(REQUESTS / apiSeconds),
  rawRps: round(REQUESTS / rawSeconds),
  ratio: round(REQUESTS / apiSeconds / (REQUESTS / rawSeconds), 2),
  p50Ms: round(pct(0.5)),
  p99Ms: round(pct(0.99)),
};
const [[{ version }]] = (await pool.query('SELECT VERSION() AS version')) as unknown as [{ version: string }[]];
console.log(
  `database: ${version} at ${db.host}:${db.port}/${db.database}, pool ${db.poolSize}; ${people.length} volunteers seeded in ${seedSeconds.toFixed(1)} s; ${INSTANCES} server process(es), warm-up ${WARMUP} sign-ups per leg; connections opened ${NEW_CONNECTIONS ? 'inside the timed window' : 'before the burst'}`,
);
console.log(
  `API:  ${REQUESTS} simultaneous sign-ups for ${CAPACITY} places in ${apiSeconds.toFixed(2)} s → ${summary.apiRps} req/s, p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms; non-201 answers: ${failed.length}`,
);
console.log(`      confirmed ${api.confirmed}, waitlisted ${api.waitlisted}, overbooked ${api.overbooked}`);
console.log(
  `SQL:  the same statements for ${REQUESTS} sign-ups in ${rawSeconds.toFixed(2)} s → ${summary.rawRps} tx/s; confirmed ${raw.confirmed}, waitlisted ${raw.waitlisted}, overbooked ${raw.overbooked}`,
);
console.log(`CPU:  API leg ${apiCpu}; SQL leg ${rawCpu}`);
console.log(
  `statements executed by the database (server-wide counter): API leg ${apiStatements}, SQL leg ${rawStatements}`,
);
console.log(`ratio API / SQL: ${summary.ratio} (target ≥ 0.5)`);
await pool.end();
agent.destroy();
for (const srv of servers) srv.child.kill('SIGTERM');
await Promise.all(servers.map((srv) => srv.exit));
console.log(JSON.stringify(summary));
process.exit(summary.overbooked === 0 && failed.length === 0 ? 0 : 1);
