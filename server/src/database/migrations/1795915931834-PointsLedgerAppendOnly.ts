import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model triggers): the database refuses to change or delete ledger entries.
 * Self-contained: a shipped migration must run the same SQL forever, whatever the live code becomes.
 */
const TRIGGERS = [
  {
    name: 'points_ledger_entries_no_update',
    create: `CREATE TRIGGER points_ledger_entries_no_update BEFORE UPDATE ON points_ledger_entries FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'points_ledger_entries is append-only'`,
  },
  {
    name: 'points_ledger_entries_no_delete',
    create: `CREATE TRIGGER points_ledger_entries_no_delete BEFORE DELETE ON points_ledger_entries FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'points_ledger_entries is append-only'`,
  },
];

export class PointsLedgerAppendOnly1795915931834 implements MigrationInterface {
  name = 'PointsLedgerAppendOnly1795915931834';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) await queryRunner.query(t.create);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${t.name}`);
  }
}
