import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Tips1796026954926 implements MigrationInterface {
  name = 'Tips1796026954926';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`tips\` (\`id\` int NOT NULL AUTO_INCREMENT, \`submitterUserId\` int NOT NULL, \`volunteerId\` int NOT NULL, \`clientRequestId\` varchar(64) NOT NULL, \`orgUnitId\` int NOT NULL, \`orgPath\` varchar(255) NOT NULL, \`category\` enum ('public_order_hazard', 'suspicious_person', 'suspicious_item', 'key_person', 'stability', 'dispute', 'fire_hazard', 'traffic_hazard', 'telecom_fraud', 'other') NOT NULL, \`text\` varchar(2000) NOT NULL, \`occurredAt\` datetime(3) NOT NULL, \`address\` varchar(200) NULL, \`lat\` double NULL, \`lng\` double NULL, \`urgency\` enum ('normal', 'urgent') NOT NULL, \`status\` enum ('submitted', 'accepted', 'assigned', 'in_progress', 'closed', 'rejected', 'duplicate') NOT NULL, \`assignedOrgUnitId\` int NULL, \`assignedOrgPath\` varchar(255) NULL, \`assignedUserId\` int NULL, \`result\` varchar(1000) NULL, \`rejectReason\` varchar(500) NULL, \`duplicateOfId\` int NULL, \`acceptedAt\` datetime(3) NULL, \`closedAt\` datetime(3) NULL, \`escalatedAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_932d058586be381bfc6e2cf709\` (\`orgPath\`), INDEX \`IDX_12e10674a18b6c4ef5983378ee\` (\`assignedOrgPath\`), INDEX \`IDX_6853fef6974eb3549baeaab0a6\` (\`status\`, \`urgency\`, \`createdAt\`), UNIQUE INDEX \`IDX_6977da9748ea58e7d05f6d0daf\` (\`submitterUserId\`, \`clientRequestId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`tip_photos\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tipId\` int NOT NULL, \`fileId\` varchar(32) NOT NULL, \`position\` int NOT NULL, UNIQUE INDEX \`IDX_c655404cd240e975b8e5b61bd9\` (\`tipId\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`tip_messages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tipId\` int NOT NULL, \`fromStaff\` tinyint NOT NULL, \`internal\` tinyint NOT NULL DEFAULT 0, \`authorUserId\` int NOT NULL, \`text\` varchar(1000) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_2cb979a187ea6ae89b65ddde9c\` (\`tipId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`tip_events\` (\`id\` int NOT NULL AUTO_INCREMENT, \`tipId\` int NOT NULL, \`action\` varchar(32) NOT NULL, \`fromStatus\` varchar(16) NULL, \`toStatus\` varchar(16) NOT NULL, \`actorUserId\` int NULL, \`actorName\` varchar(64) NOT NULL, \`detail\` text NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_80abf6ae64423eaa124246c975\` (\`tipId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_80abf6ae64423eaa124246c975\` ON \`tip_events\``);
    await queryRunner.query(`DROP TABLE \`tip_events\``);
    await queryRunner.query(`DROP INDEX \`IDX_2cb979a187ea6ae89b65ddde9c\` ON \`tip_messages\``);
    await queryRunner.query(`DROP TABLE \`tip_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_c655404cd240e975b8e5b61bd9\` ON \`tip_photos\``);
    await queryRunner.query(`DROP TABLE \`tip_photos\``);
    await queryRunner.query(`DROP INDEX \`IDX_6977da9748ea58e7d05f6d0daf\` ON \`tips\``);
    await queryRunner.query(`DROP INDEX \`IDX_6853fef6974eb3549baeaab0a6\` ON \`tips\``);
    await queryRunner.query(`DROP INDEX \`IDX_12e10674a18b6c4ef5983378ee\` ON \`tips\``);
    await queryRunner.query(`DROP INDEX \`IDX_932d058586be381bfc6e2cf709\` ON \`tips\``);
    await queryRunner.query(`DROP TABLE \`tips\``);
  }
}
