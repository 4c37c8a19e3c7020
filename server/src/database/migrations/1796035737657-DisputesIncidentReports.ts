import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Disputes (dispute_cases, dispute_steps) and major-event reports (incident_reports), docs/disputes.md. */
export class DisputesIncidentReports1796035737657 implements MigrationInterface {
  name = 'DisputesIncidentReports1796035737657';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`dispute_cases\` (\`id\` int NOT NULL AUTO_INCREMENT, \`stationId\` int NOT NULL, \`orgUnitId\` int NOT NULL, \`orgPath\` varchar(255) NOT NULL, \`type\` enum ('neighbour', 'family', 'property', 'labour', 'consumer', 'other') NOT NULL, \`status\` enum ('open', 'proposed', 'resolved', 'escalated') NOT NULL, \`parties\` text NOT NULL, \`address\` varchar(200) NOT NULL, \`lat\` double NULL, \`lng\` double NULL, \`description\` varchar(2000) NOT NULL, \`tipId\` int NULL, \`mediatorVolunteerId\` int NULL, \`mediatorUserId\` int NULL, \`proposedOutcome\` varchar(16) NULL, \`proposedNote\` varchar(1000) NULL, \`outcome\` enum ('resolved', 'escalated') NULL, \`outcomeNote\` varchar(1000) NULL, \`openedOn\` varchar(10) NOT NULL, \`closedOn\` varchar(10) NULL, \`createdByUserId\` int NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_5ab4df41f14ed08d1650d1d6db\` (\`orgPath\`), UNIQUE INDEX \`IDX_c387f463975889539cb5d9361d\` (\`tipId\`), INDEX \`IDX_aa1c18133c2394e02ede62780f\` (\`mediatorUserId\`), INDEX \`IDX_6e57a93d0e630514d90dd98bcf\` (\`stationId\`, \`status\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`dispute_steps\` (\`id\` int NOT NULL AUTO_INCREMENT, \`caseId\` int NOT NULL, \`stepDate\` varchar(10) NOT NULL, \`text\` varchar(1000) NOT NULL, \`authorUserId\` int NOT NULL, \`authorName\` varchar(64) NOT NULL, \`byMediator\` tinyint NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_a0f1c215468ae862768460c65b\` (\`caseId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`incident_reports\` (\`id\` int NOT NULL AUTO_INCREMENT, \`companyId\` int NOT NULL, \`reporterUserId\` int NOT NULL, \`clientRequestId\` varchar(64) NOT NULL, \`stationId\` int NOT NULL, \`orgPath\` varchar(255) NOT NULL, \`category\` enum ('urgent', 'major') NOT NULL, \`subcategory\` varchar(50) NOT NULL, \`occurredAt\` datetime(3) NOT NULL, \`place\` varchar(200) NOT NULL, \`content\` varchar(2000) NOT NULL, \`people\` varchar(500) NULL, \`attachmentIds\` text NOT NULL, \`status\` enum ('received', 'acknowledged', 'disposed') NOT NULL, \`filedAt\` datetime(3) NOT NULL, \`reportDueAt\` datetime(3) NOT NULL, \`late\` tinyint NOT NULL, \`acknowledgeDueAt\` datetime(3) NOT NULL, \`overdueFlaggedAt\` datetime(3) NULL, \`acknowledgedAt\` datetime(3) NULL, \`acknowledgedByUserId\` int NULL, \`acknowledgedByName\` varchar(64) NULL, \`classification\` varchar(100) NULL, \`disposal\` varchar(2000) NULL, \`disposedAt\` datetime(3) NULL, \`updatedAt\` datetime(3) NOT NULL, \`version\` int NOT NULL, INDEX \`IDX_53e0bf9e55707f5a37641c8b30\` (\`orgPath\`), INDEX \`IDX_7a15135996c7789485bb57123a\` (\`status\`, \`acknowledgeDueAt\`), UNIQUE INDEX \`IDX_d9f6b134bda83076574cde41fa\` (\`reporterUserId\`, \`clientRequestId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_d9f6b134bda83076574cde41fa\` ON \`incident_reports\``);
    await queryRunner.query(`DROP INDEX \`IDX_7a15135996c7789485bb57123a\` ON \`incident_reports\``);
    await queryRunner.query(`DROP INDEX \`IDX_53e0bf9e55707f5a37641c8b30\` ON \`incident_reports\``);
    await queryRunner.query(`DROP TABLE \`incident_reports\``);
    await queryRunner.query(`DROP INDEX \`IDX_a0f1c215468ae862768460c65b\` ON \`dispute_steps\``);
    await queryRunner.query(`DROP TABLE \`dispute_steps\``);
    await queryRunner.query(`DROP INDEX \`IDX_6e57a93d0e630514d90dd98bcf\` ON \`dispute_cases\``);
    await queryRunner.query(`DROP INDEX \`IDX_aa1c18133c2394e02ede62780f\` ON \`dispute_cases\``);
    await queryRunner.query(`DROP INDEX \`IDX_c387f463975889539cb5d9361d\` ON \`dispute_cases\``);
    await queryRunner.query(`DROP INDEX \`IDX_5ab4df41f14ed08d1650d1d6db\` ON \`dispute_cases\``);
    await queryRunner.query(`DROP TABLE \`dispute_cases\``);
  }
}
