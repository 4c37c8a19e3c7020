import path from 'node:path';
import { REPO_ROOT, bool, dataDirOf, defineConfig, nodeEnvOf, type Env, type NodeEnv } from './config-area.js';
import { envNumbers } from './env-number.js';

export type ApiDocs = 'off' | 'public' | 'staff';
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The HTTP server itself: NODE_ENV, PORT, HOST, TRUST_PROXY, DATA_DIR, H5_DIR, SEED_DEMO, API_DOCS, LOG_LEVEL. */
export const appConfig = defineConfig('app', (env, problems) => {
  const nodeEnv = nodeEnvOf(env);
  if (!['development', 'production', 'test'].includes(nodeEnv))
    problems.push(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  const prod = nodeEnv === 'production';
  const { int } = envNumbers(env, problems);

  const seedDemo = bool(env.SEED_DEMO, !prod && nodeEnv !== 'test');
  // Demo seeding creates staff accounts with a published password (admin / Jhyj@2026).
  if (prod && seedDemo)
    problems.push('SEED_DEMO must be off in production (it creates accounts with a published password)');

  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel))
    problems.push('LOG_LEVEL must be debug, info, warn or error');

  return {
    env: nodeEnv as NodeEnv,
    port: int('PORT', 3000, 0, 65535),
    host: env.HOST ?? (prod ? '0.0.0.0' : '127.0.0.1'),
    /**
     * Which proxies' X-Forwarded-For is believed for the client address (the login brake and the
     * rate limit count per address): Fastify's `trustProxy` — `loopback` or proxy addresses/CIDRs.
     */
    trustProxy: trustProxyOf(env, problems),
    dataDir: dataDirOf(env),
    h5Dir: env.H5_DIR === '' ? null : path.resolve(env.H5_DIR ?? path.join(REPO_ROOT, 'miniprogram/dist/h5')),
    seedDemo,
    /** The OpenAPI UI and document: off, open to anyone (development only) or to signed-in staff. */
    apiDocs: apiDocsOf(env, problems, prod),
    logLevel,
    version: env.npm_package_version ?? '0.1.0',
  };
});

export type AppConfig = ReturnType<typeof appConfig>;

function trustProxyOf(env: Env, problems: string[]): string {
  const raw = (env.TRUST_PROXY ?? '').trim();
  const trustProxy = raw === '' ? 'loopback' : raw;
  // never `true`: that would believe any client's X-Forwarded-For and let it choose its own address
  const proxyToken = /^(loopback|linklocal|uniquelocal|[0-9A-Fa-f.:]+(\/\d{1,3})?)$/;
  if (!trustProxy.split(',').every((t) => proxyToken.test(t.trim())))
    problems.push('TRUST_PROXY must be loopback or proxy addresses / CIDRs, comma-separated (never true)');
  return trustProxy;
}

/** Off in production unless API_DOCS=on, and then for signed-in staff only; open in development. */
function apiDocsOf(env: Env, problems: string[], prod: boolean): ApiDocs {
  const raw = (env.API_DOCS ?? '').toLowerCase();
  if (!['', 'on', 'off', 'staff', 'public'].includes(raw))
    problems.push(`API_DOCS must be on, off, staff or public, got "${env.API_DOCS}"`);
  if (prod && raw === 'public')
    problems.push('API_DOCS=public is refused in production (API_DOCS=on serves the docs to signed-in staff)');
  if (raw === 'off' || raw === 'staff' || raw === 'public') return raw;
  if (raw === 'on') return prod ? 'staff' : 'public';
  return prod ? 'off' : 'public';
}
