import { WechatSandbox } from './sandbox-server.js';

/** Runs the WeChat sandbox on its own: `node dist/wechat-sandbox/main.js` (SANDBOX_PORT, WECHAT_APPID, WECHAT_SECRET). */
const sandbox = new WechatSandbox({
  appId: process.env.WECHAT_APPID ?? 'wx-sandbox-appid',
  secret: process.env.WECHAT_SECRET ?? 'sandbox-secret',
});
const url = await sandbox.listen(Number(process.env.SANDBOX_PORT ?? 4100));
console.log(JSON.stringify({ msg: 'wechat sandbox listening', url }));
