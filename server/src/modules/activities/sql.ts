import type { EntityManager } from 'typeorm';

/**
 * The sign-up hot path as plain SQL, shared by the service and the sign-up benchmark (which runs
 * the very same statements straight through mysql2 to measure what the API costs on top).
 * Every statement is portable between MySQL/MariaDB and the embedded database.
 */
export const SIGNUP_SQL = {
  activity:
    'SELECT id, orgUnitId, title, status, startAt, endAt, signupDeadline, capacity, confirmedCount, signupMode, riskLevel, requirements FROM activities WHERE id = ?',
  volunteer: 'SELECT id, userId, status, tier, skills, birthDate FROM volunteers WHERE userId = ?',
  clash:
    "SELECT s.activityId FROM activity_signups s INNER JOIN activities a ON a.id = s.activityId WHERE s.volunteerId = ? AND s.status = 'confirmed' AND s.activityId <> ? AND a.status IN ('published', 'ongoing') AND a.startAt < ? AND a.endAt > ? LIMIT 1",
  insured:
    'SELECT e.id FROM insurance_enrolments e INNER JOIN insurance_policies p ON p.id = e.policyId WHERE e.volunteerId = ? AND p.validFrom <= ? AND p.validTo >= ? LIMIT 1',
  insert:
    "INSERT INTO activity_signups (activityId, volunteerId, userId, status, live, attendance, autoCheckedOut, manualMinutes, pointsAwarded, createdAt, updatedAt) VALUES (?, ?, ?, ?, 1, 'unconfirmed', 0, 0, 0, ?, ?)",
  /** The capacity rule: only this statement hands out a place, and only while one is left. */
  takePlace: "UPDATE activities SET confirmedCount = confirmedCount + 1 WHERE id = ? AND status = 'published' AND confirmedCount < capacity",
  confirm: "UPDATE activity_signups SET status = 'confirmed' WHERE id = ? AND status = 'waitlisted'",
  /**
   * MySQL: the place and the sign-up's status in one autocommit statement, so the hot activity row
   * is locked only while this statement runs — never across a round trip to the application.
   * Changes both rows (affected = 2) or neither.
   */
  takePlaceAndConfirm:
    "UPDATE activities a INNER JOIN activity_signups s ON s.id = ? AND s.activityId = a.id SET a.confirmedCount = a.confirmedCount + 1, s.status = 'confirmed' WHERE a.id = ? AND a.status = 'published' AND a.confirmedCount < a.capacity AND s.status = 'waitlisted'",
  status: 'SELECT status FROM activity_signups WHERE id = ?',
  position: "SELECT COUNT(*) AS n FROM activity_signups WHERE activityId = ? AND status = 'waitlisted' AND id <= ?",
} as const;

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
    const pool = !sqlite && !manager.queryRunner ? (manager.connection.driver as unknown as { pool?: MysqlPool }).pool : undefined;
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
    return { rows: Array.isArray(res.records) ? (res.records as Record<string, unknown>[]) : [], affected: res.affected ?? 0, insertId };
  };
}

interface MysqlPool {
  query(sql: string, values: unknown[], cb: (err: Error | null, result: unknown) => void): void;
}

function poolQuery(pool: MysqlPool, sql: string, args: unknown[]): Promise<SqlResult> {
  return new Promise((resolve, reject) =>
    pool.query(sql, args, (err, result) => {
      if (err) return reject(Object.assign(err, { driverError: err }));
      if (Array.isArray(result)) return resolve({ rows: result as Record<string, unknown>[], affected: 0, insertId: 0 });
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
