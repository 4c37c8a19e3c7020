import { existsSync, readFileSync } from 'node:fs';
import { bool, defineConfig, isProduction, type Env } from './config-area.js';

/** WeChat Pay's API host; the library addresses every request to it and the client rewrites the host. */
export const WECHAT_PAY_PRODUCTION_BASE = 'https://api.mch.weixin.qq.com';

/** The development merchant values; production refuses every one of them. */
export const DEV_PAY = {
  mchId: '1900000001',
  serial: 'sandbox-merchant-serial',
  apiV3Key: 'sandbox-apiv3-key-0123456789abcd',
  platformSerial: 'sandbox-platform-serial',
};

/**
 * WeChat Pay v3 (docs/payments.md): WECHAT_PAY_ENABLED (default on outside production), WECHAT_PAY_API_BASE
 * (unset outside production: the sandbox the development server or the test app starts, which also hands
 * over its generated keys), WECHAT_PAY_MCHID, WECHAT_PAY_APPID (default WECHAT_APPID), WECHAT_PAY_SERIAL (the
 * merchant key's serial), WECHAT_PAY_PRIVATE_KEY (PEM, or the path of a PEM file), WECHAT_PAY_APIV3_KEY (32
 * bytes), WECHAT_PAY_PLATFORM_SERIAL + WECHAT_PAY_PLATFORM_PUBLIC_KEY (WeChat Pay's public key, PEM or path;
 * public-key mode), WECHAT_PAY_NOTIFY_URL (where WeChat Pay posts results; https in production).
 */
export const paymentsConfig = defineConfig('payments', (env, problems) => {
  const prod = isProduction(env);
  const enabled = bool(env.WECHAT_PAY_ENABLED, !prod);
  const required = prod && enabled;
  const value = (name: string, dev: string): string => {
    const v = env[name];
    if (required && (!v || v === dev)) problems.push(`${name} must be set to the real value in production`);
    return v || dev;
  };
  const apiBase = (env.WECHAT_PAY_API_BASE ?? (prod ? WECHAT_PAY_PRODUCTION_BASE : '')).replace(/\/+$/, '');
  if (required && !/^https:\/\//.test(apiBase))
    problems.push('WECHAT_PAY_API_BASE must be WeChat Pay over HTTPS in production');
  if (required && /^https?:\/\/(127\.|localhost\b|\[?::1\]?)/i.test(apiBase))
    problems.push('WECHAT_PAY_API_BASE must not be the sandbox in production');
  const apiV3Key = value('WECHAT_PAY_APIV3_KEY', DEV_PAY.apiV3Key);
  if (Buffer.byteLength(apiV3Key) !== 32) problems.push('WECHAT_PAY_APIV3_KEY must be exactly 32 bytes');
  const notifyUrl = env.WECHAT_PAY_NOTIFY_URL ?? '';
  if (required && !/^https:\/\/[^/]+\//.test(notifyUrl + '/'))
    problems.push('WECHAT_PAY_NOTIFY_URL must be an https:// address in production');
  return {
    enabled,
    /** '' : the sandbox, whose address the development server or the test app sets at start. */
    apiBase,
    mchId: value('WECHAT_PAY_MCHID', DEV_PAY.mchId),
    appId: env.WECHAT_PAY_APPID || env.WECHAT_APPID || 'wx-sandbox-appid',
    serial: value('WECHAT_PAY_SERIAL', DEV_PAY.serial).toLowerCase(),
    privateKey: pem(env, problems, 'WECHAT_PAY_PRIVATE_KEY', required),
    apiV3Key,
    platformSerial: value('WECHAT_PAY_PLATFORM_SERIAL', DEV_PAY.platformSerial).toLowerCase(),
    platformPublicKey: pem(env, problems, 'WECHAT_PAY_PLATFORM_PUBLIC_KEY', required),
    /** Base of the notification addresses: `<notifyUrl>/transaction`, `<notifyUrl>/refund`. '' : the server's own. */
    notifyUrl: notifyUrl.replace(/\/+$/, ''),
  };
});

/** A PEM given inline or as the path of a file; '' outside production when unset (the sandbox hands one over). */
function pem(env: Env, problems: string[], name: string, required: boolean): string {
  const raw = (env[name] ?? '').trim();
  if (!raw) {
    if (required) problems.push(`${name} must be set in production (a PEM or the path of a PEM file)`);
    return '';
  }
  if (raw.startsWith('-----BEGIN')) return raw.replace(/\\n/g, '\n');
  if (!existsSync(raw)) {
    problems.push(`${name} must be a PEM or the path of a PEM file, and "${raw}" does not exist`);
    return '';
  }
  const text = readFileSync(raw, 'utf8');
  if (!text.includes('-----BEGIN')) problems.push(`${name}: the file "${raw}" holds no PEM`);
  return text;
}

export type PaymentsConfig = ReturnType<typeof paymentsConfig>;
