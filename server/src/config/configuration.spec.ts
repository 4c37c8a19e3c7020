import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigService } from '@nestjs/config';
import { ConfigError } from './config-area.js';
import { configModule, loadConfig } from './configuration.js';
import { jobsConfig } from './jobs.config.js';
import { wechatConfig } from './wechat.config.js';
import { DEV_JWT_SECRET } from './jwt.config.js';
import { DEV_PII_HASH_KEY, DEV_PII_KEYS } from './pii.config.js';
import { DEV_SMS } from './sms.config.js';
import { DEV_PAY } from './payments.config.js';

const key = Buffer.alloc(32, 1).toString('base64');
const prodSecrets = {
  NODE_ENV: 'production',
  JWT_SECRET: 'x'.repeat(40),
  PII_KEYS: `k1:${key}`,
  PII_HASH_KEY: key,
  WECHAT_APPID: 'wx123',
  WECHAT_SECRET: 's',
  WECHAT_SANDBOX: 'false',
  MYSQL_HOST: 'db',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe(loadConfig.name, () => {
  it('development works with no settings: embedded database, sandbox on, schema sync on', () => {
    const sut = loadConfig({});
    expect(sut.database.type).toBe('better-sqlite3');
    expect(sut.database.synchronize).toBe(true);
    expect(sut.wechat.sandbox).toBe(true);
  });

  it('MySQL settings switch the database and turn schema sync off (migrations run instead)', () => {
    const sut = loadConfig({ MYSQL_HOST: '127.0.0.1', MYSQL_DATABASE: 'test' });
    expect(sut.database).toMatchObject({
      type: 'mysql',
      host: '127.0.0.1',
      port: 3306,
      user: 'root',
      database: 'test',
      synchronize: false,
    });
  });

  it('production starts with all its secrets', () => {
    expect(problems(prodSecrets)).toEqual([]);
  });

  it.each(['JWT_SECRET', 'PII_KEYS', 'PII_HASH_KEY', 'WECHAT_APPID', 'WECHAT_SECRET'])(
    'production refuses to start without %s',
    (name) => {
      const env: Record<string, string> = { ...prodSecrets };
      delete env[name];
      expect(problems(env).join('\n')).toContain(name);
    },
  );

  it('production refuses the WeChat sandbox, schema sync and the embedded database', () => {
    expect(problems({ ...prodSecrets, WECHAT_SANDBOX: 'true' }).join()).toContain('WECHAT_SANDBOX');
    expect(problems({ ...prodSecrets, DB_SYNC: 'true' }).join()).toContain('DB_SYNC');
    const noMysql: Record<string, string> = { ...prodSecrets };
    delete noMysql.MYSQL_HOST;
    expect(problems(noMysql).join()).toContain('MySQL');
  });

  it('production refuses demo seeding (it would create admin / Jhyj@2026)', () => {
    expect(problems({ ...prodSecrets, SEED_DEMO: 'true' }).join()).toContain('SEED_DEMO');
    expect(loadConfig({ ...prodSecrets }).app.seedDemo).toBe(false);
  });

  it('production refuses the published development keys and secret', () => {
    expect(problems({ ...prodSecrets, PII_KEYS: DEV_PII_KEYS }).join()).toContain('PII_KEYS');
    // hidden among real keys, or as the active one under another id
    expect(
      problems({
        ...prodSecrets,
        PII_KEYS: `k1:${key},old:${DEV_PII_KEYS.split(':')[1]}`,
        PII_ACTIVE_KEY: 'k1',
      }).join(),
    ).toContain('PII_KEYS');
    expect(problems({ ...prodSecrets, PII_HASH_KEY: DEV_PII_HASH_KEY }).join()).toContain('PII_HASH_KEY');
    // the development JWT secret: refused by its length, and by name
    expect(problems({ ...prodSecrets, JWT_SECRET: DEV_JWT_SECRET }).join()).toContain('JWT_SECRET');
    expect(problems({ ...prodSecrets, JWT_SECRET: 'short-secret' }).join()).toContain('at least 32 characters');
    // outside production the fallbacks are what a zero-setup run uses
    expect(problems({ NODE_ENV: 'development' })).toEqual([]);
  });

  it('SMS: on with the sandbox outside production; off in production unless turned on, then only with the real provider', () => {
    const dev = loadConfig({});
    expect(dev.sms).toMatchObject({
      enabled: true,
      endpoint: null,
      secretId: DEV_SMS.secretId,
      dailyLimitPerPhone: 10,
    });
    expect(dev.sms.templateIds).toEqual(DEV_SMS.templateIds);
    expect(loadConfig({ SMS_ENDPOINT: 'http://127.0.0.1:4100' }).sms.endpoint).toEqual({
      protocol: 'http:',
      host: '127.0.0.1:4100',
    });
    expect(loadConfig({ ...prodSecrets }).sms.enabled).toBe(false);
    const real = {
      ...prodSecrets,
      SMS_ENABLED: 'on',
      SMS_ENDPOINT: 'sms.tencentcloudapi.com',
      SMS_SECRET_ID: 'AKIDreal',
      SMS_SECRET_KEY: 'real-key',
      SMS_SDK_APP_ID: '1400123456',
      SMS_SIGN_NAME: '马鞍山义警',
      SMS_TEMPLATE_CALLUP: '2000001',
      SMS_TEMPLATE_EARLY_WARNING: '2000002',
    };
    expect(problems(real)).toEqual([]);
    expect(loadConfig(real).sms.endpoint).toEqual({ protocol: 'https:', host: 'sms.tencentcloudapi.com' });
    expect(loadConfig({ ...real, SMS_TEMPLATE_CALLUP: '2000009' }).sms.templateIds.callup).toBe('2000009');
    // the sandbox, plain HTTP, no endpoint, a development value or a missing one are refused
    expect(problems({ ...real, SMS_ENDPOINT: 'http://127.0.0.1:4100' }).join()).toContain('SMS_ENDPOINT');
    expect(problems({ ...real, SMS_ENDPOINT: 'https://localhost:4100' }).join()).toContain('SMS_ENDPOINT');
    const noEndpoint: Record<string, string> = { ...real };
    delete noEndpoint.SMS_ENDPOINT;
    expect(problems(noEndpoint).join()).toContain('SMS_ENDPOINT');
    expect(problems({ ...real, SMS_SECRET_KEY: DEV_SMS.secretKey }).join()).toContain('SMS_SECRET_KEY');
    const noTemplate: Record<string, string> = { ...real };
    delete noTemplate.SMS_TEMPLATE_EARLY_WARNING;
    expect(problems(noTemplate).join()).toContain('SMS_TEMPLATE_EARLY_WARNING');
    for (const name of ['SMS_SECRET_ID', 'SMS_SDK_APP_ID', 'SMS_SIGN_NAME']) {
      const env: Record<string, string> = { ...real };
      delete env[name];
      expect(problems(env).join()).toContain(name);
    }
    // malformed values are named in any mode
    expect(problems({ SMS_DAILY_LIMIT_PER_PHONE: '0' }).join()).toContain('SMS_DAILY_LIMIT_PER_PHONE');
    expect(problems({ SMS_ENDPOINT: 'ftp://x/y' }).join()).toContain('SMS_ENDPOINT');
  });

  it('WeChat Pay: on with the sandbox outside production; in production only the real host, keys and https notify URL', () => {
    const dev = loadConfig({});
    expect(dev.payments).toMatchObject({
      enabled: true,
      apiBase: '',
      mchId: DEV_PAY.mchId,
      privateKey: '',
      notifyUrl: '',
    });
    expect(loadConfig({ WECHAT_PAY_SERIAL: 'ABC123' }).payments.serial).toBe('abc123');
    expect(problems({ WECHAT_PAY_APIV3_KEY: 'short' }).join()).toContain('WECHAT_PAY_APIV3_KEY');
    expect(problems({ WECHAT_PAY_PRIVATE_KEY: '/no/such/key.pem' }).join()).toContain('WECHAT_PAY_PRIVATE_KEY');
    expect(loadConfig({ ...prodSecrets }).payments).toMatchObject({
      enabled: false,
      apiBase: 'https://api.mch.weixin.qq.com',
    });
    const pem = '-----BEGIN PRIVATE KEY-----\\nMIIB\\n-----END PRIVATE KEY-----';
    const real = {
      ...prodSecrets,
      WECHAT_PAY_ENABLED: 'on',
      WECHAT_PAY_MCHID: '1612345678',
      WECHAT_PAY_SERIAL: '5157F09EFDC096DE15EBE81A47057A7232F1B8E1',
      WECHAT_PAY_PRIVATE_KEY: pem,
      WECHAT_PAY_APIV3_KEY: 'a'.repeat(32),
      WECHAT_PAY_PLATFORM_SERIAL: 'PUB_KEY_ID_0116123456782025010100000000000001',
      WECHAT_PAY_PLATFORM_PUBLIC_KEY: pem.replace(/PRIVATE/g, 'PUBLIC'),
      WECHAT_PAY_NOTIFY_URL: 'https://jhyj.example.cn/api/pay/notify',
    };
    expect(problems(real)).toEqual([]);
    expect(loadConfig(real).payments.privateKey).toContain('\nMIIB\n');
    // the sandbox, plain HTTP, a development key, a missing key or an http notify URL are refused
    expect(problems({ ...real, WECHAT_PAY_API_BASE: 'http://127.0.0.1:4100' }).join()).toContain('WECHAT_PAY_API_BASE');
    expect(problems({ ...real, WECHAT_PAY_API_BASE: 'https://localhost:4100' }).join()).toContain(
      'WECHAT_PAY_API_BASE',
    );
    expect(problems({ ...real, WECHAT_PAY_MCHID: DEV_PAY.mchId }).join()).toContain('WECHAT_PAY_MCHID');
    expect(problems({ ...real, WECHAT_PAY_APIV3_KEY: DEV_PAY.apiV3Key }).join()).toContain('WECHAT_PAY_APIV3_KEY');
    expect(problems({ ...real, WECHAT_PAY_PRIVATE_KEY: '' }).join()).toContain('WECHAT_PAY_PRIVATE_KEY');
    expect(problems({ ...real, WECHAT_PAY_PLATFORM_PUBLIC_KEY: '' }).join()).toContain(
      'WECHAT_PAY_PLATFORM_PUBLIC_KEY',
    );
    expect(problems({ ...real, WECHAT_PAY_NOTIFY_URL: 'http://jhyj.example.cn/api/pay/notify' }).join()).toContain(
      'WECHAT_PAY_NOTIFY_URL',
    );
  });

  it('the OpenAPI UI is off in production unless API_DOCS=on, and then for staff only; open in development', () => {
    expect(loadConfig({ ...prodSecrets }).app.apiDocs).toBe('off');
    expect(loadConfig({ ...prodSecrets, API_DOCS: 'on' }).app.apiDocs).toBe('staff');
    expect(problems({ ...prodSecrets, API_DOCS: 'public' }).join()).toContain('API_DOCS');
    expect(loadConfig({}).app.apiDocs).toBe('public');
    expect(loadConfig({ API_DOCS: 'off' }).app.apiDocs).toBe('off');
    expect(problems({ API_DOCS: 'maybe' }).join()).toContain('API_DOCS');
  });

  it('believes X-Forwarded-For from loopback proxies unless TRUST_PROXY names others, never from anyone', () => {
    expect(loadConfig({}).app.trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5' }).app.trustProxy).toBe('10.0.0.0/8, 192.168.1.5');
    expect(problems({ TRUST_PROXY: 'everyone' }).join()).toContain('TRUST_PROXY');
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.1.2.3' }).app.trustProxy).toBe('loopback, 10.1.2.3');
    expect(problems({ TRUST_PROXY: 'true' }).join()).toContain('TRUST_PROXY');
    expect(problems({ TRUST_PROXY: '*' }).join()).toContain('TRUST_PROXY');
  });

  it('rejects malformed numbers and keys with the variable named', () => {
    expect(problems({ PORT: 'abc' }).join()).toContain('PORT');
    expect(problems({ PII_KEYS: 'k1:short' }).join()).toContain('PII_KEYS');
  });

  it('production refuses a fixed clock; a bad zone or instant is named', () => {
    expect(problems({ ...prodSecrets, CLOCK_START: '2026-01-01T00:00:00Z' }).join()).toContain('CLOCK_START');
    expect(loadConfig({ CLOCK_START: '2026-01-01T00:00:00Z' }).clock.start?.getTime()).toBe(Date.UTC(2026, 0, 1));
    expect(problems({ CLOCK_START: 'soon' }).join()).toContain('CLOCK_START');
    expect(problems({ BUSINESS_TIME_ZONE: 'Mars/Olympus' }).join()).toContain('BUSINESS_TIME_ZONE');
  });

  it('uploads live on local disk under DATA_DIR/uploads; an unknown driver or a bad size limit is named', () => {
    const sut = loadConfig({ DATA_DIR: '/srv/jh' });
    expect(sut.storage).toEqual({
      driver: 'local',
      localDir: '/srv/jh/uploads',
      maxImageBytes: 10 * 1024 * 1024,
      maxFilesPerDay: 100,
    });
    expect(loadConfig({ UPLOAD_MAX_IMAGE_BYTES: '2048', UPLOAD_MAX_FILES_PER_DAY: '3' }).storage).toMatchObject({
      maxImageBytes: 2048,
      maxFilesPerDay: 3,
    });
    expect(problems({ STORAGE_DRIVER: 's3' }).join()).toContain('STORAGE_DRIVER');
    expect(problems({ UPLOAD_MAX_IMAGE_BYTES: '10MB' }).join()).toContain('UPLOAD_MAX_IMAGE_BYTES');
    expect(problems({ UPLOAD_MAX_FILES_PER_DAY: '0' }).join()).toContain('UPLOAD_MAX_FILES_PER_DAY');
  });

  it('reads the urgent-tip SLA: 10 minutes unless set, refused when not a positive number of minutes', () => {
    expect(loadConfig({}).tips).toEqual({
      urgentSlaMinutes: 10,
      grades: { A: 50, B: 20, C: 5 },
      monthlyPointsCap: 100,
    });
    expect(loadConfig({ TIP_URGENT_SLA_MINUTES: '5' }).tips.urgentSlaMinutes).toBe(5);
    expect(problems({ TIP_URGENT_SLA_MINUTES: '0' }).join()).toContain('TIP_URGENT_SLA_MINUTES');
    expect(problems({ TIP_URGENT_SLA_MINUTES: 'ten' }).join()).toContain('TIP_URGENT_SLA_MINUTES');
  });

  it('reads the tip grades and the monthly cap of tip points, refusing a malformed grade table', () => {
    const tips = loadConfig({ TIP_GRADES: 'A:80, B:30,D:0', TIP_MONTHLY_POINTS_CAP: '60' }).tips;
    expect(tips.grades).toEqual({ A: 80, B: 30, D: 0 });
    expect(tips.monthlyPointsCap).toBe(60);
    for (const bad of ['A50', 'a:50', 'A:50,A:20', 'A:-5', 'A:50000', 'AB:5', 'A:5,'])
      expect(problems({ TIP_GRADES: bad }).join()).toContain('TIP_GRADES');
    expect(problems({ TIP_MONTHLY_POINTS_CAP: '-1' }).join()).toContain('TIP_MONTHLY_POINTS_CAP');
  });

  it('lists the problems of every area together in one ConfigError', () => {
    const found = problems({
      PORT: 'abc',
      APPLICANT_MIN_AGE: 'x',
      JOBS_SCHEDULER: 'yes',
      ACTIVITY_QR_SLOT_SECONDS: '1',
      CLOCK_START: 'soon',
    });
    for (const name of ['PORT', 'APPLICANT_MIN_AGE', 'JOBS_SCHEDULER', 'ACTIVITY_QR_SLOT_SECONDS', 'CLOCK_START'])
      expect(found.join('\n')).toContain(name);
    expect(found).toHaveLength(5);
  });

  it('the ConfigModule serves each validated area, the same object, under its registerAs key', async () => {
    const config = loadConfig({ JOBS_SCHEDULER: 'on', WECHAT_API_BASE: 'http://127.0.0.1:1' });
    @Module({ imports: [configModule(config)] })
    class ConfigOnly {}
    const ctx = await NestFactory.createApplicationContext(ConfigOnly, { logger: false });
    try {
      expect(ctx.get(jobsConfig.KEY)).toBe(config.jobs);
      expect(ctx.get(wechatConfig.KEY)).toMatchObject({ apiBase: 'http://127.0.0.1:1' });
      expect(ctx.get(ConfigService).get('jobs.enabled')).toBe(true);
    } finally {
      await ctx.close();
    }
  });
});
