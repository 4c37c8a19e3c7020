// Runs the pinned pnpm (installing it privately if needed): `node .ci/pnpm.mjs <args>`.
import { pnpm } from './lib.mjs';

try {
  pnpm(process.argv.slice(2));
} catch (err) {
  console.error(err.message);
  process.exit(1);
}
