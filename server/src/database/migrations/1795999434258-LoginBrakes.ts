import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginBrakes1795999434258 implements MigrationInterface {
  name = 'LoginBrakes1795999434258';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`login_brakes\` (\`route\` varchar(32) NOT NULL, \`account\` varchar(64) NOT NULL, \`address\` varchar(64) NOT NULL, \`failures\` int NOT NULL, \`lastFailureAt\` bigint NOT NULL, \`nextAllowedAt\` bigint NOT NULL, \`lastSuccessAt\` bigint NOT NULL, PRIMARY KEY (\`route\`, \`account\`, \`address\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`login_brakes\``);
  }
}
