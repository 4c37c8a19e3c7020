import type { QueryRunner } from 'typeorm';
import { APPEND_ONLY_TRIGGERS } from './append-only.js';
import { LEDGER_TRIGGERS } from '../modules/points/append-only.js';
import { AuditLogAppendOnly1795914679756 } from './migrations/1795914679756-AuditLogAppendOnly.js';
import { PointsLedgerAppendOnly1795915931834 } from './migrations/1795915931834-PointsLedgerAppendOnly.js';

/** Every statement a migration sends, up then down. */
async function sqlOf(migration: {
  up(r: QueryRunner): Promise<void>;
  down(r: QueryRunner): Promise<void>;
}): Promise<string[]> {
  const sent: string[] = [];
  const runner = { query: async (sql: string) => void sent.push(sql) } as unknown as QueryRunner;
  await migration.up(runner);
  await migration.down(runner);
  return sent;
}

const expected = (triggers: { name: string; create: string }[]) => [
  ...triggers.map((t) => t.create),
  ...triggers.map((t) => `DROP TRIGGER IF EXISTS ${t.name}`),
];

// The shipped trigger migrations carry their own SQL (they import no live code); these copies must
// stay what the embedded database's start-up triggers describe: a change to either needs a new migration.
describe('append-only trigger migrations', () => {
  it('the audit-log migration runs the audit triggers of database/append-only', async () => {
    expect(await sqlOf(new AuditLogAppendOnly1795914679756())).toEqual(expected(APPEND_ONLY_TRIGGERS.mysql));
  });

  it('the points-ledger migration runs the ledger triggers of the points module', async () => {
    expect(await sqlOf(new PointsLedgerAppendOnly1795915931834())).toEqual(expected(LEDGER_TRIGGERS.mysql));
  });
});
