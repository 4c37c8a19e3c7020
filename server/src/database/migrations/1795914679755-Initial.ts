import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795914679755 implements MigrationInterface {
  name = 'Initial1795914679755';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`org_units\` (\`id\` int NOT NULL AUTO_INCREMENT, \`code\` varchar(32) NOT NULL, \`name\` varchar(64) NOT NULL, \`level\` enum ('city', 'branch', 'station', 'community') NOT NULL, \`parentId\` int NULL, \`path\` varchar(255) NOT NULL, \`lat\` double NULL, \`lng\` double NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_5382611e999b45b0e98a7859c7\` (\`code\`), INDEX \`IDX_b9877181917509f8c6f25bc2ea\` (\`parentId\`), INDEX \`IDX_de6d94b4fec4ec249f3246420b\` (\`path\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`users\` (\`id\` int NOT NULL AUTO_INCREMENT, \`openid\` varchar(64) NULL, \`displayName\` varchar(64) NOT NULL, \`phoneEnc\` varchar(255) NULL, \`phoneHash\` varchar(64) NULL, \`username\` varchar(64) NULL, \`passwordHash\` varchar(255) NULL, \`orgUnitId\` int NULL, \`roles\` text NOT NULL, \`status\` enum ('active', 'disabled') NOT NULL DEFAULT 'active', \`failedLogins\` int NOT NULL DEFAULT '0', \`lockedUntil\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_9c98f005249412c8333a3b2c59\` (\`openid\`), UNIQUE INDEX \`IDX_a78fbf9a44244abda9841b8dc2\` (\`phoneHash\`), UNIQUE INDEX \`IDX_fe0bb3f6520ee0469504521e71\` (\`username\`), INDEX \`IDX_497156903169d074a77f31c848\` (\`orgUnitId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`refresh_tokens\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`familyId\` varchar(36) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`expiresAt\` datetime(3) NOT NULL, \`rotatedAt\` datetime(3) NULL, \`revokedAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_610102b60fea1455310ccd299d\` (\`userId\`), INDEX \`IDX_40e9a8b923a1b3fb4429a5c624\` (\`familyId\`), UNIQUE INDEX \`IDX_c25bc63d248ca90e8dcc1d92d0\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`audit_logs\` (\`id\` int NOT NULL AUTO_INCREMENT, \`actorId\` int NULL, \`actorName\` varchar(64) NOT NULL, \`actorRoles\` text NOT NULL, \`orgUnitId\` int NULL, \`orgPath\` varchar(255) NOT NULL, \`action\` varchar(64) NOT NULL, \`targetType\` varchar(32) NOT NULL, \`targetId\` varchar(64) NULL, \`before\` text NULL, \`after\` text NULL, \`ip\` varchar(64) NULL, \`requestId\` varchar(64) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_cee5459245f652b75eb2759b4c\` (\`action\`), INDEX \`IDX_ab6932fa8d04d94e07d5a3de1d\` (\`orgPath\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`volunteers\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`memberNo\` varchar(20) NOT NULL, \`status\` enum ('active', 'suspended', 'revoked') NOT NULL DEFAULT 'active', \`stationId\` int NULL, \`tier\` enum ('core', 'backbone', 'basic') NOT NULL DEFAULT 'basic', \`skills\` text NOT NULL, \`birthDate\` varchar(10) NULL, \`serviceMinutes\` int NOT NULL DEFAULT '0', \`lastDutyAt\` datetime(3) NULL, \`joinedAt\` datetime(3) NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_c5b9b4185566de68e8ba4c0fef\` (\`userId\`), UNIQUE INDEX \`IDX_8815c1c0aa7ba9b0f674c68b7b\` (\`memberNo\`), INDEX \`IDX_cc4e94828ba394df9d9c955f22\` (\`stationId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`users\` ADD CONSTRAINT \`FK_497156903169d074a77f31c8480\` FOREIGN KEY (\`orgUnitId\`) REFERENCES \`org_units\`(\`id\`) ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`users\` DROP FOREIGN KEY \`FK_497156903169d074a77f31c8480\``);
    await queryRunner.query(`DROP INDEX \`IDX_cc4e94828ba394df9d9c955f22\` ON \`volunteers\``);
    await queryRunner.query(`DROP INDEX \`IDX_8815c1c0aa7ba9b0f674c68b7b\` ON \`volunteers\``);
    await queryRunner.query(`DROP INDEX \`IDX_c5b9b4185566de68e8ba4c0fef\` ON \`volunteers\``);
    await queryRunner.query(`DROP TABLE \`volunteers\``);
    await queryRunner.query(`DROP INDEX \`IDX_ab6932fa8d04d94e07d5a3de1d\` ON \`audit_logs\``);
    await queryRunner.query(`DROP INDEX \`IDX_cee5459245f652b75eb2759b4c\` ON \`audit_logs\``);
    await queryRunner.query(`DROP TABLE \`audit_logs\``);
    await queryRunner.query(`DROP INDEX \`IDX_c25bc63d248ca90e8dcc1d92d0\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_40e9a8b923a1b3fb4429a5c624\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_610102b60fea1455310ccd299d\` ON \`refresh_tokens\``);
    await queryRunner.query(`DROP TABLE \`refresh_tokens\``);
    await queryRunner.query(`DROP INDEX \`IDX_497156903169d074a77f31c848\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`IDX_fe0bb3f6520ee0469504521e71\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`IDX_a78fbf9a44244abda9841b8dc2\` ON \`users\``);
    await queryRunner.query(`DROP INDEX \`IDX_9c98f005249412c8333a3b2c59\` ON \`users\``);
    await queryRunner.query(`DROP TABLE \`users\``);
    await queryRunner.query(`DROP INDEX \`IDX_de6d94b4fec4ec249f3246420b\` ON \`org_units\``);
    await queryRunner.query(`DROP INDEX \`IDX_b9877181917509f8c6f25bc2ea\` ON \`org_units\``);
    await queryRunner.query(`DROP INDEX \`IDX_5382611e999b45b0e98a7859c7\` ON \`org_units\``);
    await queryRunner.query(`DROP TABLE \`org_units\``);
  }
}
