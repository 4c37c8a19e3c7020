/**
 * V8 flags the API server runs with, wherever it is started (`npm start`, `pnpm start` in server/,
 * the sign-up benchmark). A 32 MB young generation (Node 20 default: 16 MB) halves the scavenges
 * of a busy server, whose request objects die young; on the sign-up rush it took the server from
 * ≈ 10 % to ≈ 5 % of its CPU in GC (docs/benchmarks.md). Keep server/package.json `start` in step.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=32'];
