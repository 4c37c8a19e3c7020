import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StatsCounters1796049130131 implements MigrationInterface {
  name = 'StatsCounters1796049130131';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`stats_counters\` (\`id\` int NOT NULL AUTO_INCREMENT, \`kind\` varchar(24) NOT NULL, \`refId\` int NOT NULL, \`dim\` varchar(40) NOT NULL DEFAULT '', \`day\` varchar(10) NOT NULL DEFAULT '', \`value\` int NOT NULL, INDEX \`IDX_1bf9535a67942fd45e172c4424\` (\`kind\`, \`day\`), UNIQUE INDEX \`IDX_75052c2174e06e47a97e3660b4\` (\`kind\`, \`refId\`, \`dim\`, \`day\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stats_state\` (\`name\` varchar(40) NOT NULL, \`value\` int NOT NULL DEFAULT '0', \`refreshedAt\` datetime(3) NULL, PRIMARY KEY (\`name\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`stats_state\``);
    await queryRunner.query(`DROP INDEX \`IDX_75052c2174e06e47a97e3660b4\` ON \`stats_counters\``);
    await queryRunner.query(`DROP INDEX \`IDX_1bf9535a67942fd45e172c4424\` ON \`stats_counters\``);
    await queryRunner.query(`DROP TABLE \`stats_counters\``);
  }
}
