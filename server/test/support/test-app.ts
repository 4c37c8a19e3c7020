import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { DataSource } from 'typeorm';
import type { LoginResponse } from '@jianghuai/shared';
import { loadConfig, type Config } from '../../src/config/configuration.js';
import { createApp } from '../../src/bootstrap.js';
import { WechatSandbox } from '../../src/wechat-sandbox/sandbox-server.js';
import { OrgUnit } from '../../src/modules/org/org-unit.entity.js';
import { DEMO_PASSWORD } from '../../src/database/seed/demo-data.js';
import { Clock } from '../../src/common/clock/clock.js';
import { clockStartForApp } from './test-clock.js';

/**
 * Builds the real application for an e2e suite on the database chosen by E2E_DB:
 * `sqlite` (default; a fresh file in a temp folder) or `mysql` (a fresh database per jest worker
 * on the MariaDB from MYSQL_HOST…, built by the versioned migrations). The suite's WeChat calls go
 * over HTTP to a sandbox of its own. Demo data is seeded once per suite.
 */
export interface TestContext {
  app: NestFastifyApplication;
  config: Config;
  /** The app's Clock (fixed by E2E_CLOCK_START, see test-clock.ts). */
  clock: Clock;
  dataSource: DataSource;
  sandbox: WechatSandbox;
  http: () => ReturnType<typeof request>;
  org: (code: string) => Promise<OrgUnit>;
  loginStaff: (username: string, password?: string) => Promise<LoginResponse>;
  loginWechat: (name: string) => Promise<LoginResponse>;
  close: () => Promise<void>;
}

export const E2E_DB = (process.env.E2E_DB ?? 'sqlite') as 'sqlite' | 'mysql';
let appSeq = 0;

/**
 * Apps this test file started and has not closed yet. They are closed after the file's own
 * hooks, so a suite that fails half-way (before its afterAll, or inside a test that starts an
 * app of its own) still releases its server, sandbox and database pool, and jest can exit.
 */
const openContexts = new Set<TestContext>();
/** Apps still starting: a test that timed out while its app started leaves one behind. */
const starting = new Set<Promise<unknown>>();
afterAll(async () => {
  await Promise.allSettled([...starting]);
  for (const ctx of [...openContexts].reverse()) await ctx.close().catch(() => undefined);
});

/**
 * `sameDatabaseAs`: a second server instance on another suite app's MySQL database (as two
 * instances behind a load balancer): it neither seeds nor drops that database.
 */
export function createTestApp(
  env: Record<string, string> = {},
  opts: { sameDatabaseAs?: TestContext } = {},
): Promise<TestContext> {
  const started = startTestApp(env, opts);
  starting.add(started);
  void started.finally(() => starting.delete(started)).catch(() => undefined);
  return started;
}

async function startTestApp(env: Record<string, string>, opts: { sameDatabaseAs?: TestContext }): Promise<TestContext> {
  const sandbox = new WechatSandbox({ appId: 'wx-test-appid', secret: 'test-secret' });
  const sandboxUrl = await sandbox.listen(0);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jh-e2e-'));
  const base: Record<string, string> = {
    NODE_ENV: 'test',
    PORT: '0',
    DATA_DIR: dataDir,
    H5_DIR: '',
    WECHAT_APPID: 'wx-test-appid',
    WECHAT_SECRET: 'test-secret',
    WECHAT_SANDBOX: 'true',
    WECHAT_API_BASE: sandboxUrl,
    SEED_DEMO: 'true',
    LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
    PASSWORD_HASH_COST: '10',
    LOG_LEVEL: 'error',
    // text messages go to the same sandbox (Tencent Cloud SMS part) with the development credentials
    SMS_ENDPOINT: sandboxUrl,
    // WeChat Pay v3 goes to the same sandbox with the keys it generated; its notifications are posted
    // in-process to this app (see `sandbox.pay.deliver` below)
    ...sandbox.pay.appEnv(sandboxUrl, 'http://jh-e2e.test/api/pay/notify'),
  };
  const clockStart = clockStartForApp();
  if (clockStart) base.CLOCK_START = clockStart;
  let mysqlDb: string | null = null;
  if (E2E_DB === 'mysql') {
    // One database per app: parallel workers, apps started inside a test, and other runs on the
    // same server never share one.
    const shared = opts.sameDatabaseAs?.config.database;
    mysqlDb =
      shared?.type === 'mysql'
        ? shared.database
        : `${process.env.MYSQL_DATABASE ?? 'test'}_e2e_${process.pid}_${++appSeq}`;
    Object.assign(base, {
      MYSQL_HOST: process.env.MYSQL_HOST ?? '127.0.0.1',
      MYSQL_PORT: process.env.MYSQL_PORT ?? '3306',
      MYSQL_USER: process.env.MYSQL_USER ?? 'root',
      MYSQL_PASSWORD: process.env.MYSQL_PASSWORD ?? '',
      MYSQL_DATABASE: mysqlDb,
      DB_SYNC: 'false',
    });
  }
  const processEnv = { ...process.env };
  for (const k of ['MYSQL_HOST', 'MYSQL_PORT', 'MYSQL_USER', 'MYSQL_PASSWORD', 'MYSQL_DATABASE', 'DB_SYNC'])
    delete processEnv[k];
  if (opts.sameDatabaseAs) base.SEED_DEMO = 'false';
  const config = loadConfig({ ...processEnv, ...base, ...env });
  const ownsDatabase = !opts.sameDatabaseAs;
  if (config.database.type === 'mysql' && ownsDatabase) await dropMysqlDatabase(config);
  let app: NestFastifyApplication | null = null;
  try {
    app = await createApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  } catch (err) {
    // an app that failed to start must not keep its sandbox, pool or files open
    await app?.close().catch(() => undefined);
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  const dataSource = app.get(DataSource);
  const server = app.getHttpServer();
  const appClock = app.get(Clock);
  sandbox.pay.now = () => appClock.nowMs();
  sandbox.pay.retryScale = 0.001; // WeChat Pay's 15 s … 6 h retries in milliseconds
  sandbox.pay.deliver = async (n) =>
    (await request(server).post(new URL(n.url).pathname).set(n.headers).send(n.body)).status;

  const ctx: TestContext = {
    app,
    config,
    clock: app.get(Clock),
    dataSource,
    sandbox,
    http: () => request(server),
    org: (code) => dataSource.getRepository(OrgUnit).findOneByOrFail({ code }),
    loginStaff: async (username, password = DEMO_PASSWORD) => {
      const res = await request(server).post('/api/auth/staff/login').send({ username, password });
      if (res.status !== 200)
        throw new Error(`staff login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as LoginResponse;
    },
    loginWechat: async (name) => {
      const res = await request(server)
        .post('/api/auth/wechat/login')
        .send({ code: `sandbox-${name}` });
      if (res.status !== 200) throw new Error(`wechat login ${name} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as LoginResponse;
    },
    close: async () => {
      if (!openContexts.delete(ctx)) return; // closed already
      await app.close();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
      if (ownsDatabase) await dropMysqlDatabase(config);
    },
  };
  openContexts.add(ctx);
  return ctx;
}

async function dropMysqlDatabase(config: Config): Promise<void> {
  const db = config.database;
  if (db.type !== 'mysql') return;
  const mysql = await import('mysql2/promise');
  const conn = await mysql.createConnection({
    host: db.host,
    port: db.port,
    user: db.user,
    password: db.password,
  });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${db.database}\``);
  } finally {
    await conn.end();
  }
}

export function bearer(token: string): [string, string] {
  return ['Authorization', `Bearer ${token}`];
}
