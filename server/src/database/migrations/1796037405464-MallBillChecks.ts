import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per compared WeChat Pay trade bill date, so the mall's daily bill check reports a date once (docs/mall.md#reconciliation). */
export class MallBillChecks1796037405464 implements MigrationInterface {
  name = 'MallBillChecks1796037405464';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`mall_bill_checks\` (\`id\` int NOT NULL AUTO_INCREMENT, \`billDate\` varchar(10) NOT NULL, \`checkedAt\` datetime(3) NOT NULL, \`billRows\` int NOT NULL, \`mismatches\` int NOT NULL, UNIQUE INDEX \`IDX_e97124df7caa8bfbe900c855bd\` (\`billDate\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_e97124df7caa8bfbe900c855bd\` ON \`mall_bill_checks\``);
    await queryRunner.query(`DROP TABLE \`mall_bill_checks\``);
  }
}
