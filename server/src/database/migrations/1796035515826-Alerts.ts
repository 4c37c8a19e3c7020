import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Alerts1796035515826 implements MigrationInterface {
  name = 'Alerts1796035515826';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`alerts\` (\`id\` int NOT NULL AUTO_INCREMENT, \`senderUserId\` int NOT NULL, \`senderName\` varchar(64) NOT NULL, \`senderUnitName\` varchar(64) NOT NULL, \`orgPath\` varchar(255) NOT NULL, \`targetKind\` enum ('station', 'community', 'team', 'radius') NOT NULL, \`targetId\` int NULL, \`targetName\` varchar(100) NOT NULL, \`lat\` double NULL, \`lng\` double NULL, \`radiusM\` int NULL, \`level\` enum ('normal', 'urgent') NOT NULL, \`title\` varchar(64) NOT NULL, \`text\` varchar(500) NOT NULL, \`recipientCount\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_de4a397bb0447c999f1a52d582\` (\`orgPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`alert_recipients\` (\`id\` int NOT NULL AUTO_INCREMENT, \`alertId\` int NOT NULL, \`userId\` int NOT NULL, \`volunteerId\` int NOT NULL, \`notificationId\` int NULL, \`readAt\` datetime(3) NULL, INDEX \`IDX_7ab56a4036872952d8f07f2045\` (\`userId\`), UNIQUE INDEX \`IDX_a3f9f0a756c2ed5bdc68c4946f\` (\`alertId\`, \`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bulletins\` (\`id\` int NOT NULL AUTO_INCREMENT, \`senderUserId\` int NOT NULL, \`senderName\` varchar(64) NOT NULL, \`areaId\` int NOT NULL, \`areaName\` varchar(64) NOT NULL, \`orgPath\` varchar(255) NOT NULL, \`title\` varchar(64) NOT NULL, \`text\` varchar(2000) NOT NULL, \`advice\` varchar(2000) NOT NULL, \`imageIds\` text NOT NULL, \`recipientCount\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_f9f54afafcfa3e55c3fe6b32d9\` (\`orgPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`bulletin_recipients\` (\`id\` int NOT NULL AUTO_INCREMENT, \`bulletinId\` int NOT NULL, \`userId\` int NOT NULL, \`unitKind\` enum ('station', 'company') NOT NULL, \`unitId\` int NOT NULL, \`unitName\` varchar(64) NOT NULL, \`readAt\` datetime(3) NULL, INDEX \`IDX_411af9fae6caef0d98905d3ca1\` (\`userId\`), UNIQUE INDEX \`IDX_8d1a7487ab9872b3931f2d5a02\` (\`bulletinId\`, \`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_8d1a7487ab9872b3931f2d5a02\` ON \`bulletin_recipients\``);
    await queryRunner.query(`DROP INDEX \`IDX_411af9fae6caef0d98905d3ca1\` ON \`bulletin_recipients\``);
    await queryRunner.query(`DROP TABLE \`bulletin_recipients\``);
    await queryRunner.query(`DROP INDEX \`IDX_f9f54afafcfa3e55c3fe6b32d9\` ON \`bulletins\``);
    await queryRunner.query(`DROP TABLE \`bulletins\``);
    await queryRunner.query(`DROP INDEX \`IDX_a3f9f0a756c2ed5bdc68c4946f\` ON \`alert_recipients\``);
    await queryRunner.query(`DROP INDEX \`IDX_7ab56a4036872952d8f07f2045\` ON \`alert_recipients\``);
    await queryRunner.query(`DROP TABLE \`alert_recipients\``);
    await queryRunner.query(`DROP INDEX \`IDX_de4a397bb0447c999f1a52d582\` ON \`alerts\``);
    await queryRunner.query(`DROP TABLE \`alerts\``);
  }
}
