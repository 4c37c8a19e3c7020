import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { APPEND_ONLY_TRIGGERS, appendOnlyTriggers } from './append-only.js';
import { isDuplicateKey, isLockConflict, withRetryOnLockConflict } from './raw-sql.js';
import { envNumbers } from '../config/env-number.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory())
      return ['migrations', '__tests__', 'node_modules'].includes(name) ? [] : sources(full);
    return /\.tsx?$/.test(name) && !/\.(spec|test)\.tsx?$/.test(name) ? [full] : [];
  });
}

/** Files (relative to `root`, server/src by default) whose text matches `re`, shipped migrations excluded. */
function filesMatching(re: RegExp, root = SRC): string[] {
  return sources(root)
    .filter((f) => re.test(readFileSync(f, 'utf8')))
    .map((f) => path.relative(root, f).split(path.sep).join('/'))
    .sort();
}

describe('one copy of each database/config helper', () => {
  it('isDuplicateKey is defined once, in database/raw-sql.ts', () => {
    expect(filesMatching(/function isDuplicateKey\b/)).toEqual(['database/raw-sql.ts']);
  });

  it('the lock-conflict check is written once, in database/raw-sql.ts', () => {
    expect(filesMatching(/ER_LOCK_DEADLOCK/)).toEqual(['database/raw-sql.ts']);
  });

  it('withRetryOnLockConflict runs again after a lock conflict, and not after any other failure', async () => {
    expect(isLockConflict({ driverError: { code: 'ER_LOCK_WAIT_TIMEOUT' } })).toBe(true);
    expect(isLockConflict({ code: 'ER_DUP_ENTRY' })).toBe(false);
    let calls = 0;
    const flaky = () => (++calls < 3 ? Promise.reject({ code: 'ER_LOCK_DEADLOCK' }) : Promise.resolve('done'));
    await expect(withRetryOnLockConflict(flaky, { attempts: 3, maxPauseMs: 0 })).resolves.toBe('done');
    expect(calls).toBe(3);
    calls = 0;
    await expect(withRetryOnLockConflict(flaky, { attempts: 2, maxPauseMs: 0 })).rejects.toEqual({
      code: 'ER_LOCK_DEADLOCK',
    });
    calls = 0;
    const broken = () => (++calls, Promise.reject(new Error('boom')));
    await expect(withRetryOnLockConflict(broken, { maxPauseMs: 0 })).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });

  it('the append-only trigger SQL is written once, in database/append-only.ts', () => {
    expect(filesMatching(/CREATE TRIGGER/)).toEqual(['database/append-only.ts']);
  });

  it('the environment-number parser is written once, in config/env-number.ts', () => {
    expect(filesMatching(/Number\.isInteger\(n\)/)).toEqual(['config/env-number.ts']);
  });

  it('envNumbers gives the fallback when unset and names a bad variable', () => {
    const problems: string[] = [];
    const { int, num } = envNumbers({ A: '', B: '7', C: '1.5', D: '0.8', E: 'x', F: '99' }, problems);
    expect([int('A', 3, 0, 10), int('B', 3, 0, 10), int('C', 3, 0, 10), num('D', 1, 0, 1)]).toEqual([3, 7, 3, 0.8]);
    expect([num('E', 2, 0, 10), int('F', 4, 0, 10), int('MISSING', 5)]).toEqual([2, 4, 5]);
    expect(problems).toEqual([
      'C must be an integer between 0 and 10, got "1.5"',
      'E must be a number between 0 and 10, got "x"',
      'F must be an integer between 0 and 10, got "99"',
    ]);
  });

  it('business-date arithmetic lives only in shared/src/dates.ts (businessDate, addCalendarDays) and the Clock', () => {
    const dateHelper = /function (shanghaiDate|addDays\w*)\b|toISOString\(\)\.slice\(0, 10\)/;
    const repo = path.resolve(SRC, '../..');
    expect(filesMatching(dateHelper)).toEqual([]);
    expect(filesMatching(dateHelper, path.join(repo, 'miniprogram/src'))).toEqual([]);
    expect(filesMatching(/function (shanghaiDate|addDays\w*)\b/, path.join(repo, 'shared/src'))).toEqual([]);
  });

  it('isDuplicateKey recognises a unique violation on both databases and nothing else', () => {
    expect(isDuplicateKey({ code: 'ER_DUP_ENTRY' })).toBe(true);
    expect(isDuplicateKey({ driverError: { code: 'SQLITE_CONSTRAINT_UNIQUE' } })).toBe(true);
    expect(isDuplicateKey({ driverError: { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' } })).toBe(false);
    expect(isDuplicateKey(new Error('boom'))).toBe(false);
    expect(isDuplicateKey(undefined)).toBe(false);
  });

  it('the shipped migrations keep running the same trigger SQL', () => {
    expect(APPEND_ONLY_TRIGGERS.mysql).toEqual([
      {
        name: 'audit_logs_no_update',
        create:
          "CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only'",
      },
      {
        name: 'audit_logs_no_delete',
        create:
          "CREATE TRIGGER audit_logs_no_delete BEFORE DELETE ON audit_logs FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only'",
      },
    ]);
    expect(appendOnlyTriggers('points_ledger_entries').sqlite[1]).toEqual({
      name: 'points_ledger_entries_no_delete',
      create:
        "CREATE TRIGGER IF NOT EXISTS points_ledger_entries_no_delete BEFORE DELETE ON points_ledger_entries BEGIN SELECT RAISE(ABORT, 'points_ledger_entries is append-only'); END",
    });
  });
});
