import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LEDGER_TRIGGERS } from '../../modules/points/append-only.js';

/** Hand-written (TypeORM does not model triggers): the database refuses to change or delete ledger entries. */
export class PointsLedgerAppendOnly1795915931834 implements MigrationInterface {
  name = 'PointsLedgerAppendOnly1795915931834';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const t of LEDGER_TRIGGERS.mysql) await queryRunner.query(t.create);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of LEDGER_TRIGGERS.mysql) await queryRunner.query(`DROP TRIGGER IF EXISTS ${t.name}`);
  }
}
