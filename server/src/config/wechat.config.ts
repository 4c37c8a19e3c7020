import { ConfigError, bool, defineConfig, isProduction, secret, type Env } from './config-area.js';
import { envNumbers } from './env-number.js';

/**
 * The WeChat server API: WECHAT_APPID, WECHAT_SECRET, WECHAT_API_BASE. WECHAT_SANDBOX (default on
 * outside production, refused in production) talks to the project's sandbox, which the development
 * server starts beside itself on SANDBOX_PORT when WECHAT_API_BASE is unset.
 */
export const wechatConfig = defineConfig('wechat', (env, problems) => {
  const prod = isProduction(env);
  const { int } = envNumbers(env, problems);
  const sandbox = bool(env.WECHAT_SANDBOX, !prod);
  if (prod && sandbox) problems.push('WECHAT_SANDBOX must be off in production');
  return {
    appId: secret(env, problems, 'WECHAT_APPID', 'wx-sandbox-appid'),
    secret: secret(env, problems, 'WECHAT_SECRET', 'sandbox-secret'),
    /** Set at start to the sandbox's address when the development server runs one. */
    apiBase: env.WECHAT_API_BASE ?? (sandbox ? '' : 'https://api.weixin.qq.com'),
    sandbox,
    sandboxPort: int('SANDBOX_PORT', 0, 0, 65535),
  };
});

export type WechatConfig = ReturnType<typeof wechatConfig>;

/** The stand-alone sandbox (wechat-sandbox/main.ts): WECHAT_APPID, WECHAT_SECRET, SANDBOX_PORT (default 4100). */
export function sandboxServerConfig(env: Env = process.env): { appId: string; secret: string; port: number } {
  const problems: string[] = [];
  const { int } = envNumbers(env, problems);
  const config = {
    appId: env.WECHAT_APPID ?? 'wx-sandbox-appid',
    secret: env.WECHAT_SECRET ?? 'sandbox-secret',
    port: int('SANDBOX_PORT', 4100, 0, 65535),
  };
  if (problems.length) throw new ConfigError(problems);
  return config;
}
