import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { envNumbers } from './env-number.js';

export type DbConfig =
  | { type: 'better-sqlite3'; file: string; synchronize: boolean }
  | {
      type: 'mysql';
      host: string;
      port: number;
      user: string;
      password: string;
      database: string;
      synchronize: boolean;
      poolSize: number;
      /** MariaDB and MySQL differ in how they report column defaults; detected on connect. */
      flavor: 'mysql' | 'mariadb';
    };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  /**
   * Which proxies' X-Forwarded-For is believed for the client address (the login brake and the
   * rate limit count per address): Fastify's `trustProxy` — `loopback` or proxy addresses/CIDRs.
   */
  trustProxy: string;
  dataDir: string;
  db: DbConfig;
  jwt: { secret: string; accessTtlSeconds: number; refreshTtlDays: number };
  pii: { keys: Record<string, Buffer>; activeKeyId: string; hashKey: Buffer };
  wechat: { appId: string; secret: string; apiBase: string; sandbox: boolean; sandboxPort: number };
  h5Dir: string | null;
  seedDemo: boolean;
  /** The OpenAPI UI and document: off, open to anyone (development only) or to signed-in staff. */
  apiDocs: 'off' | 'public' | 'staff';
  auth: {
    loginRateLimitPerMinute: number;
    /** Failures in a row from one address on one account before it must wait (1 s, 2 s, 4 s …). */
    maxPasswordFailures: number;
    /** The longest such wait. */
    lockMinutes: number;
    /** Distinct failing addresses on one account (15 min) that slow down its unknown addresses. */
    accountBrakeAddresses: number;
    passwordCost: number;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  version: string;
  /** Business dates are computed in this zone; `start` fixes the clock's first reading (tests, demos). */
  clock: { zone: string; start: Date | null };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`配置错误 / invalid configuration:\n - ${problems.join('\n - ')}`);
  }
}

/** The development fallbacks are published in this repository: production refuses them. */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me';
export const DEV_PII_KEYS = `dev1:${Buffer.alloc(32, 7).toString('base64')}`;
export const DEV_PII_HASH_KEY = Buffer.alloc(32, 9).toString('base64');

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function bool(v: string | undefined, fallback: boolean): boolean {
  if (v === undefined || v === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(v.toLowerCase());
}

/**
 * Reads and validates the environment once at boot. Development gets working defaults;
 * production refuses to start without its secrets, with the WeChat sandbox, or with schema sync.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const problems: string[] = [];
  const nodeEnv = (env.NODE_ENV ?? 'development') as AppConfig['env'];
  if (!['development', 'production', 'test'].includes(nodeEnv))
    problems.push(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  const prod = nodeEnv === 'production';

  const { int } = envNumbers(env, problems);
  const secret = (name: string, devFallback: () => string): string => {
    const v = env[name];
    if (v) return v;
    if (prod) problems.push(`${name} is required in production`);
    return devFallback();
  };

  const dataDir = path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, '.data'));
  const mysqlHost = env.MYSQL_HOST;
  const syncDefault = !mysqlHost;
  const synchronize = bool(env.DB_SYNC, syncDefault);
  const db: DbConfig = mysqlHost
    ? {
        type: 'mysql',
        host: mysqlHost,
        port: int('MYSQL_PORT', 3306, 1, 65535),
        user: env.MYSQL_USER ?? 'root',
        password: env.MYSQL_PASSWORD ?? '',
        database: env.MYSQL_DATABASE ?? 'jianghuai',
        synchronize,
        poolSize: int('MYSQL_POOL_SIZE', 10, 1, 500),
        flavor: env.MYSQL_FLAVOR === 'mariadb' ? 'mariadb' : 'mysql',
      }
    : { type: 'better-sqlite3', file: path.join(dataDir, 'jianghuai.sqlite'), synchronize };

  const jwtSecret = secret('JWT_SECRET', () => DEV_JWT_SECRET);
  if (prod && jwtSecret.length < 32) problems.push('JWT_SECRET must be at least 32 characters in production');

  // PII_KEYS = "k1:<base64 32 bytes>,k2:<base64 32 bytes>"; the active one encrypts, all decrypt.
  const keys: Record<string, Buffer> = {};
  const rawKeys = secret('PII_KEYS', () => DEV_PII_KEYS);
  for (const part of rawKeys
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [id, b64] = part.split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!id || !/^[A-Za-z0-9_-]{1,16}$/.test(id) || key.length !== 32) {
      problems.push('PII_KEYS entries must look like "<keyId>:<base64 of 32 bytes>"');
      continue;
    }
    keys[id] = key;
  }
  const activeKeyId = env.PII_ACTIVE_KEY ?? Object.keys(keys).at(-1) ?? '';
  if (!keys[activeKeyId]) problems.push(`PII_ACTIVE_KEY "${activeKeyId}" is not among PII_KEYS`);
  const hashKey = Buffer.from(
    secret('PII_HASH_KEY', () => DEV_PII_HASH_KEY),
    'base64',
  );
  if (hashKey.length < 16) problems.push('PII_HASH_KEY must be base64 of at least 16 bytes');
  if (prod) {
    // The development keys are in this repository: data encrypted or hashed with them is readable by anyone.
    const devKeys = new Set([...DEV_PII_KEYS.split(',').map((k) => k.split(':')[1]), DEV_PII_HASH_KEY]);
    if (Object.values(keys).some((k) => devKeys.has(k.toString('base64'))))
      problems.push('PII_KEYS must not contain the published development key in production');
    if (devKeys.has(hashKey.toString('base64')))
      problems.push('PII_HASH_KEY must not be the published development key in production');
    if (jwtSecret === DEV_JWT_SECRET)
      problems.push('JWT_SECRET must not be the published development secret in production');
  }

  const sandbox = bool(env.WECHAT_SANDBOX, !prod);
  if (prod && sandbox) problems.push('WECHAT_SANDBOX must be off in production');
  if (prod && synchronize) problems.push('DB_SYNC (schema synchronisation) must be off in production; run migrations');
  if (prod && db.type !== 'mysql') problems.push('production requires MySQL (set MYSQL_HOST)');
  const appId = secret('WECHAT_APPID', () => 'wx-sandbox-appid');
  const wxSecret = secret('WECHAT_SECRET', () => 'sandbox-secret');
  const apiBase = env.WECHAT_API_BASE ?? (sandbox ? '' : 'https://api.weixin.qq.com');

  const trustProxyRaw = (env.TRUST_PROXY ?? '').trim();
  const trustProxy = trustProxyRaw === '' ? 'loopback' : trustProxyRaw;
  // never `true`: that would believe any client's X-Forwarded-For and let it choose its own address
  const proxyToken = /^(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?)$/;
  if (!trustProxy.split(',').every((t) => proxyToken.test(t.trim())))
    problems.push('TRUST_PROXY must be loopback or proxy addresses / CIDRs, comma-separated (never true)');

  const seedDemo = bool(env.SEED_DEMO, !prod && nodeEnv !== 'test');
  // Demo seeding creates staff accounts with a published password (admin / Jhyj@2026).
  if (prod && seedDemo)
    problems.push('SEED_DEMO must be off in production (it creates accounts with a published password)');
  const apiDocsRaw = (env.API_DOCS ?? '').toLowerCase();
  if (!['', 'on', 'off', 'staff', 'public'].includes(apiDocsRaw))
    problems.push(`API_DOCS must be on, off, staff or public, got "${env.API_DOCS}"`);
  if (prod && apiDocsRaw === 'public')
    problems.push('API_DOCS=public is refused in production (API_DOCS=on serves the docs to signed-in staff)');
  const apiDocs: AppConfig['apiDocs'] =
    apiDocsRaw === 'off'
      ? 'off'
      : apiDocsRaw === 'staff'
        ? 'staff'
        : apiDocsRaw === 'public'
          ? 'public'
          : apiDocsRaw === 'on'
            ? prod
              ? 'staff'
              : 'public'
            : prod
              ? 'off'
              : 'public';

  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info')) as AppConfig['logLevel'];
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    problems.push('LOG_LEVEL must be debug, info, warn or error');

  const zone = env.BUSINESS_TIME_ZONE || 'Asia/Shanghai';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    problems.push(`BUSINESS_TIME_ZONE "${zone}" is not an IANA time zone`);
  }
  let clockStart: Date | null = null;
  if (env.CLOCK_START) {
    clockStart = new Date(env.CLOCK_START);
    if (Number.isNaN(clockStart.getTime()))
      problems.push(`CLOCK_START must be an ISO instant, got "${env.CLOCK_START}"`);
    if (prod) problems.push('CLOCK_START (a fixed clock for tests and demos) is refused in production');
  }

  const config: AppConfig = {
    env: nodeEnv,
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST ?? (prod ? '0.0.0.0' : '127.0.0.1'),
    trustProxy,
    dataDir,
    db,
    jwt: {
      secret: jwtSecret,
      accessTtlSeconds: int('JWT_ACCESS_TTL_SECONDS', 900, 30, 86400),
      refreshTtlDays: int('REFRESH_TTL_DAYS', 30, 1, 365),
    },
    pii: { keys, activeKeyId, hashKey },
    wechat: { appId, secret: wxSecret, apiBase, sandbox, sandboxPort: int('SANDBOX_PORT', 0, 0, 65535) },
    h5Dir: env.H5_DIR === '' ? null : path.resolve(env.H5_DIR ?? path.join(REPO_ROOT, 'miniprogram/dist/h5')),
    seedDemo,
    apiDocs,
    auth: {
      loginRateLimitPerMinute: int('LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 100000),
      maxPasswordFailures: int('PASSWORD_MAX_FAILURES', 5, 1, 100),
      lockMinutes: int('PASSWORD_LOCK_MINUTES', 15, 1, 1440),
      accountBrakeAddresses: int('LOGIN_ACCOUNT_BRAKE_ADDRESSES', 10, 2, 100000),
      // scrypt cost N = 2^passwordCost; 15 ≈ 50-100 ms on these machines
      passwordCost: int('PASSWORD_HASH_COST', prod ? 15 : nodeEnv === 'test' ? 12 : 15, 10, 20),
    },
    logLevel,
    version: env.npm_package_version ?? '0.1.0',
    clock: { zone, start: clockStart },
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}

/** Nest injection token for the validated config object. */
export const APP_CONFIG = Symbol('APP_CONFIG');
