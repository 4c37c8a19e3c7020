import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RosterChangedByApplicationRateWindows1795999264138 implements MigrationInterface {
  name = 'RosterChangedByApplicationRateWindows1795999264138';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`application_rate_windows\` (\`rateKey\` varchar(100) NOT NULL, \`windowStart\` bigint NOT NULL, \`hits\` int NOT NULL, PRIMARY KEY (\`rateKey\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`roster_guards\` ADD \`lastChangedById\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`roster_guards\` ADD \`lastImportId\` varchar(36) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`roster_guards\` DROP COLUMN \`lastImportId\``);
    await queryRunner.query(`ALTER TABLE \`roster_guards\` DROP COLUMN \`lastChangedById\``);
    await queryRunner.query(`DROP TABLE \`application_rate_windows\``);
  }
}
