import type { DataSource } from 'typeorm';

/**
 * Append-only tables: triggers that refuse UPDATE and DELETE, so not even a bug or a hand-run
 * query can rewrite history. MySQL gets them through a migration; the embedded database, whose
 * schema comes from synchronisation, gets them at start-up (`ensureEmbeddedAppendOnly`).
 */
export interface AppendOnlyTriggers {
  mysql: { name: string; create: string }[];
  sqlite: { name: string; create: string }[];
}

/** The two triggers (no UPDATE, no DELETE) that make `table` append-only, in each database's dialect. */
export function appendOnlyTriggers(table: string): AppendOnlyTriggers {
  const ops = ['UPDATE', 'DELETE'] as const;
  const name = (op: (typeof ops)[number]) => `${table}_no_${op.toLowerCase()}`;
  return {
    mysql: ops.map((op) => ({
      name: name(op),
      create: `CREATE TRIGGER ${name(op)} BEFORE ${op} ON ${table} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${table} is append-only'`,
    })),
    sqlite: ops.map((op) => ({
      name: name(op),
      create: `CREATE TRIGGER IF NOT EXISTS ${name(op)} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END`,
    })),
  };
}

/** The audit log's triggers (created on MySQL by the AuditLogAppendOnly migration). */
export const APPEND_ONLY_TRIGGERS = appendOnlyTriggers('audit_logs');

/** Creates the triggers of `table` on the embedded database; a no-op on MySQL (migrations do it there). */
export async function ensureEmbeddedAppendOnly(ds: DataSource, table: string): Promise<void> {
  if (ds.options.type !== 'better-sqlite3') return;
  for (const t of appendOnlyTriggers(table).sqlite) await ds.query(t.create);
}
