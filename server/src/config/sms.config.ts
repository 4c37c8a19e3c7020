import { bool, defineConfig, isProduction, type Env } from './config-area.js';
import { envNumbers } from './env-number.js';

/** The text messages the product sends, each a template registered (and approved) with the provider. */
export const SMS_TEMPLATE_KEYS = ['callup', 'early_warning'] as const;
export type SmsTemplate = (typeof SMS_TEMPLATE_KEYS)[number];

/** What the sandbox and development use; production refuses every one of them. */
export const DEV_SMS = {
  secretId: 'sandbox-sms-secret-id',
  secretKey: 'sandbox-sms-secret-key',
  sdkAppId: '1400000000',
  signName: '江淮义警',
  templateIds: { callup: '100001', early_warning: '100002' } as Record<SmsTemplate, string>,
};

/** Where the SDK sends: `http://127.0.0.1:4100` → protocol and host; a bare host name is HTTPS. */
export interface SmsEndpoint {
  protocol: 'http:' | 'https:';
  host: string;
}

export function parseSmsEndpoint(raw: string): SmsEndpoint | null {
  const m = /^(?:(https?):\/\/)?([A-Za-z0-9.-]+(?::\d{1,5})?)\/?$/.exec(raw.trim());
  if (!m) return null;
  return { protocol: m[1] === 'http' ? 'http:' : 'https:', host: m[2] };
}

function isLoopback(host: string): boolean {
  return /^(127\.|localhost\b|\[?::1\]?)/i.test(host);
}

/**
 * Text messages through Tencent Cloud SMS: SMS_ENABLED (default on outside production, where it talks
 * to the sandbox), SMS_ENDPOINT (unset outside production: the sandbox the development server starts;
 * production: the provider's host, e.g. sms.tencentcloudapi.com, never plain HTTP or a loopback
 * address), SMS_SECRET_ID, SMS_SECRET_KEY, SMS_SDK_APP_ID, SMS_SIGN_NAME, SMS_REGION,
 * SMS_TEMPLATE_<KEY> (e.g. SMS_TEMPLATE_CALLUP), SMS_DAILY_LIMIT_PER_PHONE, SMS_TIMEOUT_SECONDS.
 * Production with SMS on refuses a missing value and every development value.
 */
export const smsConfig = defineConfig('sms', (env, problems) => {
  const prod = isProduction(env);
  const enabled = bool(env.SMS_ENABLED, !prod);
  const { int } = envNumbers(env, problems);
  const value = (name: string, dev: string): string => {
    const v = env[name];
    if (prod && enabled && (!v || v === dev)) problems.push(`${name} must be set to the real value in production`);
    return v || dev;
  };
  const rawEndpoint = env.SMS_ENDPOINT ?? '';
  const endpoint = rawEndpoint ? parseSmsEndpoint(rawEndpoint) : null;
  if (rawEndpoint && !endpoint)
    problems.push(`SMS_ENDPOINT must be a host (with http:// or https://), got "${rawEndpoint}"`);
  if (prod && enabled) checkProductionEndpoint(env, endpoint, problems);
  return {
    enabled,
    /** null: the sandbox, whose address the development server sets at start. */
    endpoint,
    secretId: value('SMS_SECRET_ID', DEV_SMS.secretId),
    secretKey: value('SMS_SECRET_KEY', DEV_SMS.secretKey),
    sdkAppId: value('SMS_SDK_APP_ID', DEV_SMS.sdkAppId),
    signName: value('SMS_SIGN_NAME', DEV_SMS.signName),
    region: env.SMS_REGION || 'ap-guangzhou',
    templateIds: Object.fromEntries(
      SMS_TEMPLATE_KEYS.map((key) => [key, value(`SMS_TEMPLATE_${key.toUpperCase()}`, DEV_SMS.templateIds[key])]),
    ) as Record<SmsTemplate, string>,
    dailyLimitPerPhone: int('SMS_DAILY_LIMIT_PER_PHONE', 10, 1, 1000),
    timeoutSeconds: int('SMS_TIMEOUT_SECONDS', 10, 1, 120),
  };
});

function checkProductionEndpoint(env: Env, endpoint: SmsEndpoint | null, problems: string[]): void {
  if (!env.SMS_ENDPOINT) problems.push('SMS_ENDPOINT is required in production when SMS_ENABLED is on');
  else if (endpoint && (endpoint.protocol === 'http:' || isLoopback(endpoint.host)))
    problems.push('SMS_ENDPOINT must be the provider over HTTPS in production, not the sandbox');
}

export type SmsConfig = ReturnType<typeof smsConfig>;
