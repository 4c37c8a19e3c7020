import { ConfigError } from './config/config-area.js';
import { loadConfig } from './config/configuration.js';
import { parseSmsEndpoint } from './config/sms.config.js';
import { createApp } from './bootstrap.js';
import { logger } from './common/logging/logger.js';
import type { WechatSandbox } from './wechat-sandbox/sandbox-server.js';
import { DEMO_ACCOUNTS } from './database/seed/demo-data.js';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (err instanceof ConfigError) {
    console.error(err.message);
    process.exit(78); // EX_CONFIG
  }
  throw err;
}

// Development: with the sandbox on and no explicit WeChat base URL, run the sandbox beside the API.
// Loaded only then (a dynamic import): a production server never even loads the sandbox's code.
let sandbox: WechatSandbox | null = null;
if (config.wechat.sandbox && !config.wechat.apiBase) {
  const { WechatSandbox: Sandbox } = await import('./wechat-sandbox/sandbox-server.js');
  const sms = { ...config.sms, templateIds: Object.values(config.sms.templateIds) };
  sandbox = new Sandbox({ appId: config.wechat.appId, secret: config.wechat.secret, sms });
  config.wechat.apiBase = await sandbox.listen(config.wechat.sandboxPort);
  // text messages go to the same sandbox unless SMS_ENDPOINT names another
  config.sms.endpoint ??= parseSmsEndpoint(config.wechat.apiBase);
  // WeChat Pay too, with the keys the sandbox generated at start, notifying this server
  if (!config.payments.apiBase) {
    const pay = sandbox.pay.keys;
    Object.assign(config.payments, {
      apiBase: config.wechat.apiBase,
      mchId: pay.mchId,
      appId: pay.appId,
      serial: pay.merchantSerial.toLowerCase(),
      privateKey: pay.merchantPrivateKey,
      apiV3Key: pay.apiV3Key,
      platformSerial: pay.platformSerial.toLowerCase(),
      platformPublicKey: pay.platformPublicKey,
    });
  }
}

const app = await createApp(config);
app.enableShutdownHooks();
await app.listen(config.app.port, config.app.host);
const url = `http://${config.app.host === '0.0.0.0' ? '127.0.0.1' : config.app.host}:${(app.getHttpServer().address() as { port: number }).port}`;
// the sandbox posts WeChat Pay notifications back to this server unless WECHAT_PAY_NOTIFY_URL names another
if (sandbox && !config.payments.notifyUrl) config.payments.notifyUrl = `${url}/api/pay/notify`;
logger.info(
  { url, db: config.database.type, wechatApiBase: config.wechat.apiBase, sandbox: !!sandbox },
  'server listening',
);

if (config.app.env !== 'production') {
  const lines = [
    '',
    '江淮义警 已启动',
    `  小程序（H5）:  ${url}/`,
    `  接口文档:      ${url}/api/docs   (OpenAPI: ${url}/api/docs-json)`,
    `  健康检查:      ${url}/api/health`,
    `  数据库:        ${config.database.type === 'mysql' ? `MySQL ${config.database.host}:${config.database.port}/${config.database.database}` : config.database.file}`,
    sandbox ? `  微信沙箱:      ${config.wechat.apiBase}` : '',
    '',
    '  演示账号（工作人员密码均为 Jhyj@2026；义警在 H5 登录页点选即可）:',
    ...DEMO_ACCOUNTS.map(
      (a) => `    - ${a.displayName}（${a.roleLabel}${a.orgName ? ' · ' + a.orgName : ''}）: ${a.username ?? a.code}`,
    ),
    '',
  ].filter((l) => l !== '' || true);
  process.stdout.write(lines.join('\n') + '\n');
}

const shutdown = async () => {
  await app.close();
  await sandbox?.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
