// `npm start`: install what is missing, build what changed, then run the API on the embedded
// database (or MySQL when MYSQL_HOST is set) with the WeChat sandbox and the H5 app on one origin.
import { buildH5, buildServer, ensureInstalled, freePort, log, portInUse, ROOT, spawnInherit } from './lib.mjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const started = Date.now();
try {
  ensureInstalled();
  buildServer();
  buildH5();
} catch (err) {
  console.error(`启动失败 / start failed: ${err.message}`);
  process.exit(1);
}

let port = process.env.PORT;
if (!port) {
  port = '3000';
  if (await portInUse(3000)) {
    port = String(await freePort());
    log(`port 3000 is taken by another program; using ${port} (set PORT to choose)`);
  }
}
log(`ready to start after ${((Date.now() - started) / 1000).toFixed(1)} s`);
const { SERVER_NODE_FLAGS } = await import(pathToFileURL(path.join(ROOT, 'server/dist/node-flags.js')).href);
const child = spawnInherit(process.execPath, [...SERVER_NODE_FLAGS, path.join(ROOT, 'server/dist/main.js')], {
  env: { PORT: port, H5_DIR: process.env.H5_DIR ?? path.join(ROOT, 'miniprogram/dist/h5') },
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
