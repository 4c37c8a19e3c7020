import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WATCHDOG_MS = 120_000;

/**
 * CI runs jest without --forceExit. A suite that fails half-way, with its app still open, must
 * still let jest end (the test support closes what a file left open), or the whole run would hang.
 */
describe('jest ends by itself after a suite that failed with its app open (e2e)', () => {
  it(
    'exits with a failure, promptly, without --forceExit',
    async () => {
      const { default: jestConfig } = (await import(path.join(serverDir, 'jest.config.js'))) as {
        default: { projects: Record<string, unknown>[] };
      };
      const e2e = jestConfig.projects.find((p) => p.displayName === 'e2e')!;
      const dir = mkdtempSync(path.join(tmpdir(), 'jh-jest-exit-'));
      const configFile = path.join(dir, 'jest.fixture.config.json');
      // the fixture's tests time out (5 s) while their app may still be starting: that is covered too
      writeFileSync(
        configFile,
        JSON.stringify({
          ...e2e,
          displayName: 'fixture',
          rootDir: serverDir,
          testMatch: ['<rootDir>/test/fixtures/*.fixture.ts'],
        }),
      );
      try {
        const started = Date.now();
        const result = await new Promise<{ code: number | null; signal: string | null; output: string }>((resolve) => {
          const child = spawn(
            process.execPath,
            [path.join(serverDir, 'node_modules/jest/bin/jest.js'), '--config', configFile, '--runInBand', '--ci'],
            {
              cwd: serverDir,
              env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules --no-warnings' },
              stdio: ['ignore', 'pipe', 'pipe'],
            },
          );
          let output = '';
          child.stdout.on('data', (c) => (output += c));
          child.stderr.on('data', (c) => (output += c));
          const watchdog = setTimeout(() => child.kill('SIGKILL'), WATCHDOG_MS);
          child.on('close', (code, signal) => {
            clearTimeout(watchdog);
            resolve({ code, signal, output });
          });
        });
        const seconds = (Date.now() - started) / 1000;
        expect([result.signal, result.code]).toEqual([null, 1]); // ended by itself, reporting the failure
        expect(result.output).toContain('never reached');
        expect(result.output).toContain('Exceeded timeout');
        expect(result.output).not.toContain('did not exit');
        expect(seconds).toBeLessThan(WATCHDOG_MS / 1000);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    WATCHDOG_MS + 30_000,
  );
});
