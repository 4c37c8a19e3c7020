import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Targets1796048180637 implements MigrationInterface {
  name = 'Targets1796048180637';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`targets\` (\`id\` int NOT NULL AUTO_INCREMENT, \`key\` enum ('volunteers_total', 'join_rate_security_company', 'join_rate_self_employed', 'join_rate_property', 'certified_coverage', 'active_team_per_station', 'weekly_patrols') NOT NULL, \`value\` double NOT NULL, \`dueDate\` varchar(10) NULL, \`setByUserId\` int NOT NULL, \`setByName\` varchar(100) NOT NULL, \`setAt\` datetime(3) NOT NULL, \`note\` varchar(200) NULL, INDEX \`IDX_7c876927c1df1d38d27ce1c136\` (\`key\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_7c876927c1df1d38d27ce1c136\` ON \`targets\``);
    await queryRunner.query(`DROP TABLE \`targets\``);
  }
}
