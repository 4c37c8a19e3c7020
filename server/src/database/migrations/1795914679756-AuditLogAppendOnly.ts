import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hand-written (TypeORM does not model triggers): the database itself refuses to change or delete audit rows.
 * Self-contained: a shipped migration must run the same SQL forever, whatever the live code becomes.
 */
const TRIGGERS = [
  {
    name: 'audit_logs_no_update',
    create: `CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only'`,
  },
  {
    name: 'audit_logs_no_delete',
    create: `CREATE TRIGGER audit_logs_no_delete BEFORE DELETE ON audit_logs FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_logs is append-only'`,
  },
];

export class AuditLogAppendOnly1795914679756 implements MigrationInterface {
  name = 'AuditLogAppendOnly1795914679756';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) await queryRunner.query(t.create);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const t of TRIGGERS) await queryRunner.query(`DROP TRIGGER IF EXISTS ${t.name}`);
  }
}
