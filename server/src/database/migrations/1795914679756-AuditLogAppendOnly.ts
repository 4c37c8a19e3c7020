import type { MigrationInterface, QueryRunner } from 'typeorm';
import { APPEND_ONLY_TRIGGERS } from '../append-only.js';

/** Hand-written (TypeORM does not model triggers): the database itself refuses to change or delete audit rows. */
export class AuditLogAppendOnly1795914679756 implements MigrationInterface {
  name = 'AuditLogAppendOnly1795914679756';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const t of APPEND_ONLY_TRIGGERS.mysql) await queryRunner.query(t.create);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of APPEND_ONLY_TRIGGERS.mysql) await queryRunner.query(`DROP TRIGGER IF EXISTS ${t.name}`);
  }
}
