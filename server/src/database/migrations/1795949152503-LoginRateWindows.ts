import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginRateWindows1795949152503 implements MigrationInterface {
  name = 'LoginRateWindows1795949152503';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`login_rate_windows\` (\`rateKey\` varchar(100) NOT NULL, \`windowStart\` bigint NOT NULL, \`hits\` int NOT NULL, PRIMARY KEY (\`rateKey\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`login_rate_windows\``);
  }
}
