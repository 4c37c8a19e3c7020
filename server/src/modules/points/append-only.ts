import type { DataSource } from 'typeorm';

/**
 * The ledger is append-only in the database itself: triggers refuse UPDATE and DELETE. MySQL
 * gets them from a hand-written migration; the embedded database (schema by sync) at start-up.
 */
const TABLE = 'points_ledger_entries';
export const LEDGER_TRIGGERS = {
  mysql: (['UPDATE', 'DELETE'] as const).map((op) => ({
    name: `${TABLE}_no_${op.toLowerCase()}`,
    create: `CREATE TRIGGER ${TABLE}_no_${op.toLowerCase()} BEFORE ${op} ON ${TABLE} FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = '${TABLE} is append-only'`,
  })),
  sqlite: (['UPDATE', 'DELETE'] as const).map((op) => ({
    name: `${TABLE}_no_${op.toLowerCase()}`,
    create: `CREATE TRIGGER IF NOT EXISTS ${TABLE}_no_${op.toLowerCase()} BEFORE ${op} ON ${TABLE} BEGIN SELECT RAISE(ABORT, '${TABLE} is append-only'); END`,
  })),
};

export async function ensureEmbeddedLedgerTriggers(ds: DataSource): Promise<void> {
  if (ds.options.type !== 'better-sqlite3') return;
  for (const t of LEDGER_TRIGGERS.sqlite) await ds.query(t.create);
}
