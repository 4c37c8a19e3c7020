import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, type Socket } from 'node:net';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { JwtService } from '@nestjs/jwt';
import type { PoolConnection } from 'mysql2/promise';
import { loadConfig } from '../config/configuration.js';
import { ACTOR_SQL } from '../modules/auth/actor-loader.service.js';
import { SERVER_NODE_FLAGS } from '../node-flags.js';
import { freePort } from './bench-http.js';

/**
 * Redemption rush (docs/mall.md#benchmark--npm-run-benchredeem): many guards redeem the last units of one product at
 * once. Loads a scratch MariaDB/MySQL database (`<MYSQL_DATABASE>_redeem_bench`, dropped before and after) with
 * 10,000 volunteers holding points (multi-row inserts into the app's own tables), starts the real server
 * (`dist/main.js`, its own process) on a free port, and has the mall operator put one product of 100 units on the
 * shelf through the API. Then BENCH_REQUESTS (default 2,000) redemptions by distinct signed-in volunteers go through
 * `POST /api/mall/orders` with BENCH_CONCURRENCY (default 200) requests in flight on keep-alive connections, and the
 * same statements per redemption (the guard's actor query and the order transaction as the server runs it) go
 * straight through mysql2 with the server's pool size and the same number in flight, for a second product of 100.
 * Prints the figures and ends with one JSON line; exits 1 unless each leg sold exactly its stock, nothing was
 * oversold, no balance went below zero and every balance still equals the sum of its ledger entries.
 *
 * Both legs are measured warm: BENCH_WARMUP (default 500) redemptions of a throw-away product first.
 */

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);
const VOLUNTEERS = Math.max(10_000, (REQUESTS + WARMUP) * 2);
const STOCK = 100;
const WARM_STOCK = 50;
const POINTS_EACH = 100;
const PRICE = 10;

const env: NodeJS.ProcessEnv = { ...process.env };
env.MYSQL_HOST ??= '127.0.0.1';
env.MYSQL_DATABASE = `${env.MYSQL_DATABASE ?? 'test'}_redeem_bench`;
const config = loadConfig({ ...env, NODE_ENV: 'test', DB_SYNC: 'false' });
if (config.database.type !== 'mysql') throw new Error('unreachable: MYSQL_HOST is set');
const db = config.database;
const mysql = await import('mysql2/promise');
async function dropDatabase(): Promise<void> {
  const c = await mysql.createConnection({ host: db.host, port: db.port, user: db.user, password: db.password });
  await c.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  await c.end();
}
await dropDatabase();

// ── the real server as its own process (as in production): migrations, demo org tree and staff, sandbox ──
const t0 = performance.now();
const dataDir = mkdtempSync(path.join(tmpdir(), 'jh-bench-redeem-'));
const port = await freePort();
const server = spawn(
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
      MYSQL_POOL_SIZE: String(db.poolSize),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const serverExit = new Promise<number | null>((resolve) => server.on('exit', resolve));
// a run that fails half-way must not leave its server behind
process.once('exit', () => {
  if (server.exitCode === null) server.kill('SIGTERM');
});
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
  const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (up) break;
  if (i > 600) throw new Error('server did not come up in 60 s');
  await new Promise((r) => setTimeout(r, 100));
}
// the raw leg's pool: the server's pool options (dataSourceOptions) and size
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
const rows = async <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
  ((await pool.query(sql, params)) as unknown as [T[]])[0];

// ── 10,000 active volunteers, each credited POINTS_EACH points (account + ledger entry), in multi-row inserts ──
const [station] = await rows<{ id: number; path: string }>("SELECT id, path FROM org_units WHERE code = 'MAS-YS-PH'");
const seededAt = new Date();
for (let i = 0; i < VOLUNTEERS; i += 1000) {
  const n = Math.min(1000, VOLUNTEERS - i);
  const users = Array.from({ length: n }, (_, k) => [
    `bench-${i + k}`,
    `义警${i + k}`,
    '[]',
    'active',
    0,
    seededAt,
    seededAt,
  ]);
  await pool.query(
    'INSERT INTO users (openid, displayName, roles, status, failedLogins, createdAt, updatedAt) VALUES ?',
    [users],
  );
}
await pool.query(
  "INSERT INTO volunteers (userId, memberNo, status, stationId, tier, skills, birthDate, serviceMinutes, joinedAt, createdAt) SELECT id, CONCAT('R', LPAD(id, 12, '0')), 'active', ?, 'basic', '[]', '1980-01-01', 0, ?, ? FROM users WHERE openid LIKE 'bench-%'",
  [station.id, seededAt, seededAt],
);
const people = await rows<{ userId: number; volunteerId: number }>(
  "SELECT u.id AS userId, v.id AS volunteerId FROM users u JOIN volunteers v ON v.userId = u.id WHERE u.openid LIKE 'bench-%' ORDER BY u.id",
);
for (let i = 0; i < people.length; i += 1000) {
  const batch = people.slice(i, i + 1000);
  await pool.query('INSERT INTO points_accounts (userId, balance, earned, spent, updatedAt) VALUES ?', [
    batch.map((p) => [p.userId, POINTS_EACH, POINTS_EACH, 0, seededAt]),
  ]);
  await pool.query(
    'INSERT INTO points_ledger_entries (userId, volunteerId, type, amount, balanceAfter, sourceType, sourceId, description, idempotencyKey, awardingOrgId, awardingOrgPath, createdAt) VALUES ?',
    [
      batch.map((p) => [
        p.userId,
        p.volunteerId,
        'commendation',
        POINTS_EACH,
        POINTS_EACH,
        'bench',
        String(p.userId),
        '压测积分',
        `bench:credit:${p.userId}`,
        station.id,
        station.path,
        seededAt,
      ]),
    ],
  );
}
// each credit is a lot of the station's points, spent oldest first (docs/points.md#lots)
await pool.query(
  "INSERT INTO points_lots (userId, entryId, awardingOrgId, awardingOrgPath, amount, remaining, version, createdAt) SELECT userId, id, awardingOrgId, awardingOrgPath, amount, amount, 0, createdAt FROM points_ledger_entries WHERE idempotencyKey LIKE 'bench:credit:%'",
);
const jwt = new JwtService({ secret: config.jwt.secret, signOptions: { algorithm: 'HS256' } });
const seedSeconds = (performance.now() - t0) / 1000;

// ── the products, made and shelved through the API by the city's mall operator ──
async function call(method: string, url: string, token: string | null, body?: unknown) {
  const res = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const login = await call('POST', '/api/auth/staff/login', null, { username: 'mall', password: 'Jhyj@2026' });
const operatorToken = login.body.accessToken as string;
async function newProduct(name: string, stock: number): Promise<number> {
  const made = await call('POST', '/api/admin/mall/products', operatorToken, {
    name,
    category: '生活用品',
    pointsPrice: PRICE,
    stock,
    perPersonLimit: 1,
  });
  if (made.status !== 200) throw new Error(`product not created: ${JSON.stringify(made.body)}`);
  const id = made.body.id as number;
  const shelved = await call('POST', `/api/admin/mall/products/${id}/shelf`, operatorToken, { onShelf: true });
  if (shelved.status !== 200) throw new Error(`product not shelved: ${JSON.stringify(shelved.body)}`);
  return id;
}

/**
 * The load generator: CONCURRENCY keep-alive connections, opened before the burst (as a gateway's would be), each
 * writing its next prepared request as soon as the previous answer is in, and reading each answer just far enough
 * for its status and length: it shares the machine's cores with the server and the database, so it must cost little.
 */
class Connection {
  private buf: Buffer = Buffer.alloc(0);
  private done: ((status: number) => void) | null = null;

  constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => this.read(chunk));
  }

  static async open(): Promise<Connection> {
    const socket = connect(port, '127.0.0.1');
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    return new Connection(socket);
  }

  request(bytes: Buffer): Promise<number> {
    return new Promise((resolve) => {
      this.done = resolve;
      this.socket.write(bytes);
    });
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buf.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buf.length < end + 4 + length) return;
    this.buf = this.buf.subarray(end + 4 + length);
    const done = this.done;
    this.done = null;
    done?.(Number(head.slice(9, 12)));
  }
}

/** A login per volunteer (`sid`), as real tokens carry: the guard checks it has not ended. */
const sidOf = (p: { userId: number }) => `bench-login-${p.userId}`;
const tokenFor = (p: { userId: number }) =>
  jwt.sign({ sub: p.userId, typ: 'access', sid: sidOf(p) }, { expiresIn: 3600 });
const requestIdOf = (p: { userId: number }, productId: number) => `bench-${productId}-${p.userId}`;
function orderRequest(p: { userId: number }, productId: number): Buffer {
  const body = JSON.stringify({ productId, quantity: 1, clientRequestId: requestIdOf(p, productId) });
  return Buffer.from(
    `POST /api/mall/orders HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${tokenFor(p)}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Runs `work` over `items` with `limit` in flight; each worker takes the next item when its last one is done. */
async function bounded<T, R>(items: T[], limit: number, work: (item: T, worker: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i], worker);
      }
    }),
  );
  return out;
}

async function apiBurst(people: { userId: number }[], productId: number) {
  const requests = people.map((p) => orderRequest(p, productId));
  const connections = await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, requests.length) }, Connection.open),
  );
  const started = performance.now();
  const results = await bounded(requests, CONCURRENCY, async (bytes, worker) => {
    const at = performance.now();
    const status = await connections[worker].request(bytes);
    return { status, ms: performance.now() - at };
  });
  const seconds = (performance.now() - started) / 1000;
  for (const c of connections) c.close();
  return { results, seconds };
}

// ── the same statements per redemption, straight through mysql2 ──
/**
 * The order transaction statement for statement as MallOrdersService.place, MallStock.take and
 * PointsLedgerService.post run it (docs/mall.md#how-the-rush-holds): the reads before it (a product sold out as read
 * is refused there), then the order, the stock, the holding, and the points debit with its lots taken oldest first.
 * Entity reads are `SELECT *` (TypeORM names every column of the entity: the same row). Compare the per-leg statement
 * counts the run prints.
 */
const SQL = {
  orderByRequest: 'SELECT * FROM mall_orders WHERE userId = ? AND clientRequestId = ? LIMIT 1',
  product: 'SELECT * FROM mall_products WHERE id = ? LIMIT 1',
  volunteer: 'SELECT * FROM volunteers WHERE userId = ? LIMIT 1',
  insertOrder:
    'INSERT INTO mall_orders (userId, clientRequestId, productId, productName, quantity, pointsTotal, cashFenTotal, status, pickupStationId, orgPath, createdAt, cancelledAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
  takeStock: 'UPDATE mall_products SET stock = stock - ? WHERE id = ? AND stock >= ? AND onShelf = ?',
  holding: 'INSERT IGNORE INTO mall_holdings (id, userId, productId, held) VALUES (DEFAULT, ?, ?, ?) RETURNING id',
  hold: 'UPDATE mall_holdings SET held = held + ? WHERE userId = ? AND productId = ? AND held + ? <= ?',
  entryByKey: 'SELECT * FROM points_ledger_entries WHERE idempotencyKey = ? LIMIT 1',
  accountExists:
    'SELECT 1 AS row_exists FROM (SELECT 1 AS dummy_column) dummy_table WHERE EXISTS (SELECT 1 FROM points_accounts WHERE userId = ?) LIMIT 1',
  claimAccount: 'UPDATE points_accounts SET version = version + 1 WHERE userId = ?',
  account: 'SELECT * FROM points_accounts WHERE userId = ? LIMIT 1',
  insertEntry:
    'INSERT INTO points_ledger_entries (id, userId, volunteerId, type, amount, balanceAfter, sourceType, sourceId, description, idempotencyKey, awardingOrgId, awardingOrgPath, reversalOfId, reason, createdByUserId, createdAt) VALUES (DEFAULT, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id',
  claimLots: 'UPDATE points_lots SET version = version + 1 WHERE userId = ? AND remaining > 0',
  lots: 'SELECT * FROM points_lots WHERE userId = ? AND remaining > 0 ORDER BY id ASC',
  takeLot: 'UPDATE points_lots SET remaining = remaining - ? WHERE id = ? AND remaining >= ?',
  lotUses: 'INSERT INTO points_lot_uses (lotId, entryId, amount, restoredByEntryId, createdAt) VALUES ?',
  saveAccount:
    'UPDATE points_accounts SET balance = ?, earned = ?, spent = ?, debt = ?, updatedAt = ? WHERE userId = ? AND version = ?',
} as const;

type Affected = [{ affectedRows: number }];
interface ProductRow {
  id: number;
  name: string;
  pointsPrice: number;
  cashFen: number;
  stock: number;
  perPersonLimit: number | null;
  orgPath: string;
}
interface Person {
  userId: number;
  volunteerId: number;
}

/** One redemption as the server makes it: the actor, the reads before the transaction, then the transaction. */
async function rawRedeem(p: Person, productId: number): Promise<number> {
  const requestId = requestIdOf(p, productId);
  await pool.query(ACTOR_SQL, [sidOf(p), p.userId]);
  await pool.query(SQL.orderByRequest, [p.userId, requestId]);
  const [product] = await rows<ProductRow>(SQL.product, [productId]);
  if (product.stock < 1) return 409; // sold out as read: refused before the volunteer read and any transaction
  await pool.query(SQL.volunteer, [p.userId]);
  const c = await pool.getConnection();
  try {
    await c.query('START TRANSACTION');
    let ok: boolean;
    try {
      ok = await rawOrder(c, p, product, requestId);
    } catch {
      // what the server answers an unexpected database error with (a deadlock, say); counted as a failure
      await c.query('ROLLBACK');
      return 500;
    }
    await c.query(ok ? 'COMMIT' : 'ROLLBACK');
    return ok ? 200 : 409;
  } finally {
    c.release();
  }
}

/** The order row, the stock, the holding, then the points: false (roll back) at the first refusal. */
async function rawOrder(c: PoolConnection, p: Person, product: ProductRow, requestId: string): Promise<boolean> {
  const [[order]] = (await c.query(SQL.insertOrder, [
    p.userId,
    requestId,
    product.id,
    product.name,
    1,
    product.pointsPrice,
    product.cashFen,
    'paid',
    null,
    product.orgPath,
    new Date(),
    null,
  ])) as unknown as [{ id: number }[]];
  const [taken] = (await c.query(SQL.takeStock, [1, product.id, 1, true])) as unknown as Affected;
  if (!taken.affectedRows) {
    await c.query(SQL.product, [product.id]); // out of stock or off the shelf: which one, for the message
    return false;
  }
  await c.query(SQL.holding, [p.userId, product.id, 0]);
  const [held] = (await c.query(SQL.hold, [1, p.userId, product.id, 1, product.perPersonLimit])) as unknown as Affected;
  if (!held.affectedRows) return false;
  return rawDebit(c, p, order.id, product);
}

interface AccountRow {
  balance: number;
  earned: number;
  spent: number;
  debt: number;
  version: number;
}

/** PointsLedgerService.post of the redemption: claim the account, append the entry, take lots oldest first, save. */
async function rawDebit(c: PoolConnection, p: Person, orderId: number, product: ProductRow): Promise<boolean> {
  const key = `mall:order:${orderId}`;
  await c.query(SQL.entryByKey, [key]);
  await c.query(SQL.accountExists, [p.userId]);
  const now = new Date();
  await c.query(SQL.claimAccount, [p.userId]);
  const [[a]] = (await c.query(SQL.account, [p.userId])) as unknown as [AccountRow[]];
  const amount = -product.pointsPrice;
  if (a.balance + amount < 0) return false;
  const balance = a.balance + amount;
  const [[entry]] = (await c.query(SQL.insertEntry, [
    p.userId,
    p.volunteerId,
    'redemption',
    amount,
    balance,
    'mall_order',
    String(orderId),
    `兑换 ${product.name} ×1`,
    key,
    null,
    null,
    null,
    null,
    null,
    now,
  ])) as unknown as [{ id: number }[]];
  await c.query(SQL.claimLots, [p.userId]);
  const [lots] = (await c.query(SQL.lots, [p.userId])) as unknown as [{ id: number; remaining: number }[]];
  const takes: { id: number; amount: number }[] = [];
  let left = -amount;
  for (const lot of lots) {
    if (left <= 0) break;
    const take = Math.min(left, lot.remaining);
    if (take > 0) takes.push({ id: lot.id, amount: take });
    left -= take;
  }
  for (const t of takes) {
    const [res] = (await c.query(SQL.takeLot, [t.amount, t.id, t.amount])) as unknown as Affected;
    if (!res.affectedRows) return false;
  }
  if (takes.length) await c.query(SQL.lotUses, [takes.map((t) => [t.id, entry.id, t.amount, null, now])]);
  const [saved] = (await c.query(SQL.saveAccount, [
    balance,
    a.earned,
    a.spent - amount,
    a.debt,
    now,
    p.userId,
    a.version,
  ])) as unknown as Affected;
  return saved.affectedRows > 0;
}

async function rawBurst(people: Person[], productId: number) {
  const started = performance.now();
  const results = await bounded(people, CONCURRENCY, async (p) => {
    const at = performance.now();
    const status = await rawRedeem(p, productId);
    return { status, ms: performance.now() - at };
  });
  return { results, seconds: (performance.now() - started) / 1000 };
}

/** The database's own count of statements received (server-wide: other clients add to it). */
async function statementsRun(): Promise<number> {
  const [row] = await rows<{ Value: string }>("SHOW GLOBAL STATUS LIKE 'Questions'");
  return Number(row.Value);
}

/** CPU time (ms) of this process, the server and the database server, from /proc; null where it cannot read. */
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
    const [row] = await rows<{ f: string }>('SELECT @@pid_file AS f');
    dbPid = Number(readFileSync(row.f, 'utf8').trim());
  } catch {
    dbPid = undefined;
  }
  const read = () => {
    const u = process.cpuUsage();
    return { self: (u.user + u.system) / 1000, server: ticks(server.pid), db: ticks(dbPid) };
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

/** What a leg sold: orders, units taken from stock, and whether anything was sold beyond the stock. */
async function outcome(productId: number, initial: number) {
  const [o] = await rows<{ n: number; units: number | null }>(
    "SELECT COUNT(*) AS n, SUM(quantity) AS units FROM mall_orders WHERE productId = ? AND status IN ('paid', 'pending_payment')",
    [productId],
  );
  const [p] = await rows<{ stock: number }>('SELECT stock FROM mall_products WHERE id = ?', [productId]);
  const units = Number(o.units ?? 0);
  return {
    orders: Number(o.n),
    stockLeft: p.stock,
    oversold: Math.max(0, units - initial, -p.stock, units + p.stock - initial),
  };
}

/**
 * Balances below zero; balances that no longer equal the sum of their ledger entries (a lost or double debit); and,
 * for the seeded volunteers (all of whose points came in lots), balances that differ from what their lots still hold.
 */
async function balances() {
  const [neg] = await rows<{ n: number }>('SELECT COUNT(*) AS n FROM points_accounts WHERE balance < 0');
  const [drift] = await rows<{ n: number }>(
    'SELECT COUNT(*) AS n FROM points_accounts a WHERE a.balance <> (SELECT COALESCE(SUM(e.amount), 0) FROM points_ledger_entries e WHERE e.userId = a.userId)',
  );
  const [lots] = await rows<{ n: number }>(
    "SELECT COUNT(*) AS n FROM points_accounts a JOIN users u ON u.id = a.userId WHERE u.openid LIKE 'bench-%' AND a.balance <> (SELECT COALESCE(SUM(l.remaining), 0) FROM points_lots l WHERE l.userId = a.userId)",
  );
  return { negative: Number(neg.n), drift: Number(drift.n) + Number(lots.n) };
}

const apiPeople = people.slice(0, REQUESTS);
const rawPeople = people.slice(REQUESTS, 2 * REQUESTS);
const warmApiPeople = people.slice(2 * REQUESTS, 2 * REQUESTS + WARMUP);
const warmRawPeople = people.slice(2 * REQUESTS + WARMUP, 2 * REQUESTS + 2 * WARMUP);
const apiProduct = await newProduct('压测保温杯（接口）', STOCK);
const rawProduct = await newProduct('压测保温杯（直连 SQL）', STOCK);
const cpu = await cpuMeter();

// ── phase 1: the API ──
if (WARMUP > 0) await apiBurst(warmApiPeople, await newProduct('预热（接口）', WARM_STOCK));
const q0 = await statementsRun();
const c0 = cpu.read();
const api = await apiBurst(apiPeople, apiProduct);
const apiCpu = cpu.since(c0);
const apiStatements = (await statementsRun()) - q0;
const apiOutcome = await outcome(apiProduct, STOCK);

// ── phase 2: the same statements through mysql2, same pool size, same number in flight ──
if (WARMUP > 0) await rawBurst(warmRawPeople, await newProduct('预热（直连 SQL）', WARM_STOCK));
const q1 = await statementsRun();
const c1 = cpu.read();
const raw = await rawBurst(rawPeople, rawProduct);
const rawCpu = cpu.since(c1);
const rawStatements = (await statementsRun()) - q1;
const rawOutcome = await outcome(rawProduct, STOCK);
const money = await balances();

const statusCounts = (rs: { status: number }[]) =>
  Object.entries(rs.reduce<Record<number, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}))
    .map(([s, n]) => `${s} × ${n}`)
    .join(', ');
const latencies = api.results.map((r) => r.ms).sort((a, b) => a - b);
const pct = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const apiRps = REQUESTS / api.seconds;
const rawRps = REQUESTS / raw.seconds;
const summary = {
  orders: apiOutcome.orders,
  oversold: apiOutcome.oversold + rawOutcome.oversold,
  negativeBalances: money.negative,
  apiRps: round(apiRps),
  rawRps: round(rawRps),
  ratio: round(apiRps / rawRps, 2),
  p50Ms: round(pct(0.5)),
  p99Ms: round(pct(0.99)),
};
const unexpected = [...api.results, ...raw.results].filter((r) => r.status !== 200 && r.status !== 409).length;
const [{ version }] = await rows<{ version: string }>('SELECT VERSION() AS version');
console.log(
  `database: ${version} at ${db.host}:${db.port}/${db.database}, pool ${db.poolSize}; ${people.length} volunteers with ${POINTS_EACH} points seeded in ${seedSeconds.toFixed(1)} s; ${CONCURRENCY} in flight; warm-up ${WARMUP} redemptions per leg`,
);
console.log(
  `API:  ${REQUESTS} redemptions of ${STOCK} units in ${api.seconds.toFixed(2)} s → ${summary.apiRps} req/s, p50 ${summary.p50Ms} ms, p99 ${summary.p99Ms} ms; answers ${statusCounts(api.results)}`,
);
console.log(`      orders ${apiOutcome.orders}, stock left ${apiOutcome.stockLeft}, oversold ${apiOutcome.oversold}`);
console.log(
  `SQL:  the same statements for ${REQUESTS} redemptions in ${raw.seconds.toFixed(2)} s → ${summary.rawRps} tx/s; outcomes ${statusCounts(raw.results)}; orders ${rawOutcome.orders}, stock left ${rawOutcome.stockLeft}, oversold ${rawOutcome.oversold}`,
);
console.log(
  `points: balances below zero ${money.negative}, balances ≠ sum of their entries or of their lots ${money.drift}`,
);
console.log(`CPU:  API leg ${apiCpu}; SQL leg ${rawCpu}`);
console.log(
  `statements executed by the database (server-wide counter): API leg ${apiStatements}, SQL leg ${rawStatements}`,
);
console.log(`ratio API / SQL: ${summary.ratio} (target ≥ 0.5)`);
await pool.end();
server.kill('SIGTERM');
await serverExit;
await dropDatabase();
rmSync(dataDir, { recursive: true, force: true });
console.log(JSON.stringify(summary));
const ok =
  summary.orders === STOCK &&
  rawOutcome.orders === STOCK &&
  summary.oversold === 0 &&
  money.negative === 0 &&
  money.drift === 0 &&
  unexpected === 0;
process.exit(ok ? 0 : 1);
