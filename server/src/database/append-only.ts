import type { DataSource } from 'typeorm';

/**
 * Append-only tables: triggers that refuse UPDATE and DELETE, so not even a bug or a hand-run
 * query can rewrite history. MySQL gets them through a migration; the embedded database, whose
 * schema comes from synchronisation, gets them at start-up.
 */
const TABLES = ['audit_logs'];

export const APPEND_ONLY_TRIGGERS = {
  mysql: TABLES.flatMap((t) =>
    (['UPDATE', 'DELETE'] as const).map((op) => ({
      name: `${t}_no_${op.toLowerCase()}`,
      create: `CREATE TRIGGER ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${t} is append-only'`,
    })),
  ),
  sqlite: TABLES.flatMap((t) =>
    (['UPDATE', 'DELETE'] as const).map((op) => ({
      name: `${t}_no_${op.toLowerCase()}`,
      create: `CREATE TRIGGER IF NOT EXISTS ${t}_no_${op.toLowerCase()} BEFORE ${op} ON ${t} BEGIN SELECT RAISE(ABORT, '${t} is append-only'); END`,
    })),
  ),
};

export async function ensureEmbeddedTriggers(ds: DataSource): Promise<void> {
  if (ds.options.type !== 'better-sqlite3') return;
  for (const t of APPEND_ONLY_TRIGGERS.sqlite) await ds.query(t.create);
}
