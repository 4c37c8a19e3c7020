import { sandboxServerConfig } from '../config/wechat.config.js';
import { WechatSandbox } from './sandbox-server.js';

/** Runs the WeChat sandbox on its own: `node dist/wechat-sandbox/main.js` (SANDBOX_PORT, WECHAT_APPID, WECHAT_SECRET). */
const config = sandboxServerConfig();
const sandbox = new WechatSandbox({ appId: config.appId, secret: config.secret });
const url = await sandbox.listen(config.port);
console.log(JSON.stringify({ msg: 'wechat sandbox listening', url }));
