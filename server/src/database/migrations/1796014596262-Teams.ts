import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Teams1796014596262 implements MigrationInterface {
  name = 'Teams1796014596262';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`teams\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(50) NOT NULL, \`kind\` enum ('area_patrol', 'safety_inspection', 'emergency_response', 'publicity', 'mediation', 'other') NOT NULL, \`stationId\` int NOT NULL, \`stationPath\` varchar(255) NOT NULL, \`communityId\` int NULL, \`areaText\` varchar(200) NULL, \`leaderVolunteerId\` int NULL, \`duties\` varchar(2000) NULL, \`rules\` varchar(2000) NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, INDEX \`IDX_7f60e9ce84f9babd002454a74b\` (\`stationId\`), INDEX \`IDX_d5852b5da28e74b489a2224a5b\` (\`stationPath\`), INDEX \`IDX_071f4889390f23c367635e6258\` (\`leaderVolunteerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`team_members\` (\`teamId\` int NOT NULL, \`volunteerId\` int NOT NULL, \`joinedAt\` datetime(3) NOT NULL, INDEX \`IDX_6a2d6c04455606407ba19ecddd\` (\`volunteerId\`), PRIMARY KEY (\`teamId\`, \`volunteerId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`activities\` ADD \`teamId\` int NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_cbff2ab27556262d750ddcf282\` ON \`activities\` (\`teamId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_cbff2ab27556262d750ddcf282\` ON \`activities\``);
    await queryRunner.query(`ALTER TABLE \`activities\` DROP COLUMN \`teamId\``);
    await queryRunner.query(`DROP INDEX \`IDX_6a2d6c04455606407ba19ecddd\` ON \`team_members\``);
    await queryRunner.query(`DROP TABLE \`team_members\``);
    await queryRunner.query(`DROP INDEX \`IDX_071f4889390f23c367635e6258\` ON \`teams\``);
    await queryRunner.query(`DROP INDEX \`IDX_d5852b5da28e74b489a2224a5b\` ON \`teams\``);
    await queryRunner.query(`DROP INDEX \`IDX_7f60e9ce84f9babd002454a74b\` ON \`teams\``);
    await queryRunner.query(`DROP TABLE \`teams\``);
  }
}
