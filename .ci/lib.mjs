// Shared helpers for `npm start`, `npm test` and CI: find or install the pinned pnpm, install
// dependencies when the lockfile changed, rebuild a package only when its sources changed.
import { spawnSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).packageManager.split(
  '@',
)[1];
const STAMPS = path.join(ROOT, '.build-stamps');

export function log(msg) {
  process.stdout.write(`\x1b[36m[jh]\x1b[0m ${msg}\n`);
}

export function run(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts, env: { ...process.env, ...opts.env } });
  if (res.status !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${res.status ?? res.signal}`);
  }
}

/** The pinned pnpm: the one on PATH if it is the right version, else a private copy under .tools/. */
export function pnpmBin() {
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim() === PNPM_VERSION) return 'pnpm';
  const local = path.join(ROOT, '.tools/node_modules/.bin/pnpm');
  if (!existsSync(local)) {
    log(`installing pnpm ${PNPM_VERSION} into .tools/`);
    run('npm', [
      'install',
      '--prefix',
      path.join(ROOT, '.tools'),
      `pnpm@${PNPM_VERSION}`,
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
    ]);
  }
  return local;
}

function pnpmEnv() {
  // better-sqlite3 compiles from source here; Node's headers ship with Debian's nodejs in /usr/include/node.
  return existsSync('/usr/include/node/node.h') ? { npm_config_nodedir: '/usr' } : {};
}

export function pnpm(args, opts = {}) {
  run(pnpmBin(), args, { ...opts, env: { ...pnpmEnv(), ...opts.env } });
}

/** Installs dependencies when node_modules is missing or the lockfile changed since the last install. */
export function ensureInstalled() {
  const lock = path.join(ROOT, 'pnpm-lock.yaml');
  const key = hashFiles([
    lock,
    path.join(ROOT, 'pnpm-workspace.yaml'),
    ...['', 'shared', 'server', 'miniprogram'].map((p) => path.join(ROOT, p, 'package.json')),
  ]);
  if (existsSync(path.join(ROOT, 'node_modules/.modules.yaml')) && readStamp('install') === key) return false;
  log('installing dependencies (first run takes a few minutes: better-sqlite3 compiles once)');
  pnpm(['install', '--frozen-lockfile', '--reporter=append-only']);
  writeStamp('install', key);
  return true;
}

function walk(p, out) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return;
  }
  if (st.isDirectory()) {
    for (const e of readdirSync(p))
      if (e !== 'node_modules' && e !== 'dist' && !e.startsWith('.')) walk(path.join(p, e), out);
  } else out.push(`${p}:${st.size}:${st.mtimeMs}`);
}

export function hashFiles(paths) {
  const entries = [];
  for (const p of paths) walk(p, entries);
  return createHash('sha256').update(entries.sort().join('\n')).digest('hex');
}

function readStamp(name) {
  try {
    return readFileSync(path.join(STAMPS, name), 'utf8');
  } catch {
    return null;
  }
}

function writeStamp(name, value) {
  mkdirSync(STAMPS, { recursive: true });
  writeFileSync(path.join(STAMPS, name), value);
}

/** Runs `build` unless the inputs are unchanged since the last successful build and `output` exists. */
export function buildIfStale(name, inputs, output, build) {
  const key = hashFiles(inputs.map((p) => path.join(ROOT, p)));
  if (existsSync(path.join(ROOT, output)) && readStamp(`build-${name}`) === key) return false;
  log(`building ${name}`);
  const started = Date.now();
  build();
  writeStamp(`build-${name}`, key);
  log(`built ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

export function buildShared() {
  buildIfStale(
    'shared',
    ['shared/src', 'shared/package.json', 'shared/tsconfig.json', 'tsconfig.base.json'],
    'shared/dist/index.js',
    () => pnpm(['--filter', '@jianghuai/shared', 'run', 'build']),
  );
}

export function buildServer() {
  buildShared();
  buildIfStale(
    'server',
    ['server/src', 'server/package.json', 'server/tsconfig.json', 'server/tsconfig.build.json', 'shared/src'],
    'server/dist/main.js',
    () => pnpm(['--filter', '@jianghuai/server', 'run', 'build']),
  );
}

/**
 * The H5 build for the local demo and the browser journeys: `--mode demo`, which carries the
 * demo-identity login page. A production build (`build:h5`, mode production) never does.
 */
export function buildH5(env = {}) {
  buildShared();
  buildIfStale(
    'h5-demo',
    [
      'miniprogram/src',
      'miniprogram/config',
      'miniprogram/package.json',
      'miniprogram/babel.config.js',
      'miniprogram/tsconfig.json',
      'shared/src',
    ],
    'miniprogram/dist/h5/index.html',
    () => pnpm(['--filter', '@jianghuai/miniprogram', 'run', 'build:h5:demo'], { env }),
  );
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export function portInUse(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(true));
    srv.listen(port, host, () => srv.close(() => resolve(false)));
  });
}

export function spawnInherit(cmd, args, opts = {}) {
  return spawn(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts, env: { ...process.env, ...opts.env } });
}
