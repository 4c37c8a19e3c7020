import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupervisionInspections1796048544849 implements MigrationInterface {
  name = 'SupervisionInspections1796048544849';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`inspections\` (\`id\` int NOT NULL AUTO_INCREMENT, \`companyId\` int NOT NULL, \`orgPath\` varchar(255) NOT NULL, \`orgUnitId\` int NOT NULL, \`inspectedOn\` varchar(10) NOT NULL, \`inspectors\` text NOT NULL, \`items\` text NOT NULL, \`findings\` varchar(2000) NULL, \`rectifyBy\` varchar(10) NULL, \`photoIds\` text NOT NULL, \`status\` enum ('none', 'open', 'confirmed', 'rectified') NOT NULL, \`recordedByUserId\` int NOT NULL, \`recordedByName\` varchar(64) NOT NULL, \`recordedAt\` datetime(3) NOT NULL, \`rectifiedOn\` varchar(10) NULL, \`rectifyNote\` varchar(500) NULL, \`rectifiedByName\` varchar(64) NULL, \`companyConfirmedAt\` datetime(3) NULL, \`companyNote\` varchar(500) NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_0e46334c98a152dc9cfab94efa\` (\`orgPath\`), INDEX \`IDX_c4f3e9d461966c7bfb2f075464\` (\`companyId\`, \`id\`), INDEX \`IDX_b31cd61dc2014c28cef6490c40\` (\`status\`, \`rectifyBy\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_b31cd61dc2014c28cef6490c40\` ON \`inspections\``);
    await queryRunner.query(`DROP INDEX \`IDX_c4f3e9d461966c7bfb2f075464\` ON \`inspections\``);
    await queryRunner.query(`DROP INDEX \`IDX_0e46334c98a152dc9cfab94efa\` ON \`inspections\``);
    await queryRunner.query(`DROP TABLE \`inspections\``);
  }
}
