import type { EntityManager } from 'typeorm';

/**
 * Plain SQL on either database with one result shape, for the few hot paths that skip entity
 * hydration (the guard's actor query, the sign-up). Statements must be portable between
 * MySQL/MariaDB and the embedded database.
 */
export interface SqlResult {
  rows: Record<string, unknown>[];
  affected: number;
  insertId: number;
}
export type SqlExec = (sql: string, params: unknown[]) => Promise<SqlResult>;

/** Runs raw SQL through TypeORM on either database, with one result shape. */
export function typeormExec(manager: EntityManager): SqlExec {
  const sqlite = manager.connection.options.type === 'better-sqlite3';
  return async (sql, params) => {
    const args = params.map((p) => (sqlite ? toSqliteParam(p) : p));
    // Outside a transaction on MySQL: straight to the app's own mysql2 pool (same pool, same size),
    // skipping TypeORM's per-statement query-runner bookkeeping on the sign-up hot path.
    const pool =
      !sqlite && !manager.queryRunner ? (manager.connection.driver as unknown as { pool?: MysqlPool }).pool : undefined;
    if (pool) return poolQuery(pool, sql, args);
    let res;
    if (manager.queryRunner) res = await manager.queryRunner.query(sql, args, true);
    else {
      const runner = manager.connection.createQueryRunner();
      try {
        res = await runner.query(sql, args, true);
      } finally {
        await runner.release();
      }
    }
    const raw = res.raw as unknown;
    const insertId = sqlite ? Number(raw ?? 0) : Number((raw as { insertId?: number })?.insertId ?? 0);
    return {
      rows: Array.isArray(res.records) ? (res.records as Record<string, unknown>[]) : [],
      affected: res.affected ?? 0,
      insertId,
    };
  };
}

interface MysqlPool {
  query(sql: string, values: unknown[], cb: (err: Error | null, result: unknown) => void): void;
}

function poolQuery(pool: MysqlPool, sql: string, args: unknown[]): Promise<SqlResult> {
  return new Promise((resolve, reject) =>
    pool.query(sql, args, (err, result) => {
      if (err) return reject(Object.assign(err, { driverError: err }));
      if (Array.isArray(result))
        return resolve({ rows: result as Record<string, unknown>[], affected: 0, insertId: 0 });
      const r = result as { affectedRows?: number; insertId?: number };
      resolve({ rows: [], affected: r.affectedRows ?? 0, insertId: r.insertId ?? 0 });
    }),
  );
}

/** better-sqlite3 binds neither Dates nor booleans; TypeORM stores datetimes as UTC text there. */
function toSqliteParam(p: unknown): unknown {
  if (p instanceof Date) return p.toISOString().replace('T', ' ').slice(0, 23);
  if (typeof p === 'boolean') return p ? 1 : 0;
  return p;
}

/** A datetime column from a raw row: a Date on MySQL, UTC text on the embedded database. */
export function dbDate(v: unknown): Date {
  if (v instanceof Date) return v;
  const s = String(v);
  return new Date(s.includes('T') ? s : `${s.replace(' ', 'T')}Z`);
}

export function dbJson<T>(v: unknown): T {
  return (typeof v === 'string' ? JSON.parse(v) : v) as T;
}

export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** The database gave up on a lock between simultaneous transactions (MariaDB deadlock or lock wait, SQLite busy). */
export function isLockConflict(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string } };
  const code = e?.driverError?.code ?? e?.code;
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}

export interface LockRetryOptions {
  /** Tries in all, the first included (default 3). */
  attempts?: number;
  /** Another failure that means "run again" (e.g. a row another transaction has not committed yet). */
  retryAlso?: (err: unknown) => boolean;
  /** Longest random pause before a retry, times the attempt number, so the transactions that collided part (default 20 ms). */
  maxPauseMs?: number;
}

/**
 * Runs a whole transaction again when it lost a lock race (`isLockConflict`, or `retryAlso`), after a short random
 * pause; the last failure is thrown. `run` must start its own transaction, so a retry begins from nothing.
 */
export async function withRetryOnLockConflict<T>(run: () => Promise<T>, options: LockRetryOptions = {}): Promise<T> {
  const { attempts = 3, retryAlso = () => false, maxPauseMs = 20 } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (attempt >= attempts || !(isLockConflict(err) || retryAlso(err))) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * maxPauseMs * attempt));
    }
  }
}
