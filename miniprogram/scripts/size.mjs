// Prints the size of the weapp main package (dist/weapp minus the sub-package folders named in
// app.json) and fails when it is over the budget. WeChat's hard limit is 2 MB; we keep 1.5 MB.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, dirname, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUDGET_BYTES = 1.5 * 1024 * 1024;
const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'weapp');

if (!existsSync(join(root, 'app.json'))) {
  console.error(`size: ${root}/app.json not found; run \`pnpm build:weapp\` first`);
  process.exit(2);
}

const appJson = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/+$/, ''));

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let main = 0;
const subs = Object.fromEntries(subRoots.map((r) => [r, 0]));
for (const file of walk(root)) {
  const rel = relative(root, file).split(sep).join('/');
  const bytes = statSync(file).size;
  const sub = subRoots.find((r) => rel === r || rel.startsWith(`${r}/`));
  if (sub) subs[sub] += bytes;
  else main += bytes;
}

const kb = (n) => (n / 1024).toFixed(1);
for (const [name, bytes] of Object.entries(subs)) console.log(`sub-package ${name}: ${kb(bytes)} KB`);
console.log(`weapp main package: ${kb(main)} KB (budget ${kb(BUDGET_BYTES)} KB)`);
if (main > BUDGET_BYTES) {
  console.error('size: main package is over budget');
  process.exit(1);
}
