import type { MigrationInterface, QueryRunner } from 'typeorm';

export class StageReportsRankings1796049360835 implements MigrationInterface {
  name = 'StageReportsRankings1796049360835';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`report_stages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(50) NOT NULL, \`dueDate\` varchar(10) NOT NULL, \`note\` varchar(500) NULL, \`cityId\` int NOT NULL, \`cityPath\` varchar(255) NOT NULL, \`createdByUserId\` int NOT NULL, \`createdByName\` varchar(100) NOT NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_3207ce720b61c7e163038efea1\` (\`cityPath\`), UNIQUE INDEX \`IDX_1f1a8d36daeb4f7680a3c6975b\` (\`cityId\`, \`name\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stage_narratives\` (\`id\` int NOT NULL AUTO_INCREMENT, \`stageId\` int NOT NULL, \`orgId\` int NOT NULL, \`orgPath\` varchar(255) NOT NULL, \`level\` enum ('city', 'branch', 'station', 'community') NOT NULL, \`text\` varchar(3000) NOT NULL, \`submittedAt\` datetime(3) NOT NULL, \`submittedOn\` varchar(10) NOT NULL, \`submittedByUserId\` int NOT NULL, \`submittedByName\` varchar(100) NOT NULL, \`updatedAt\` datetime(3) NOT NULL, \`updatedOn\` varchar(10) NOT NULL, \`updatedByUserId\` int NOT NULL, \`updatedByName\` varchar(100) NOT NULL, INDEX \`IDX_7b82e699df97befd68982bf155\` (\`stageId\`, \`orgPath\`), UNIQUE INDEX \`IDX_afcc8193340f7ba821e85f3035\` (\`stageId\`, \`orgId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`ranking_publications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`title\` varchar(50) NOT NULL, \`periodStart\` varchar(10) NOT NULL, \`periodEnd\` varchar(10) NOT NULL, \`note\` varchar(500) NULL, \`cityId\` int NOT NULL, \`cityPath\` varchar(255) NOT NULL, \`previousId\` int NULL, \`responseSpeedAvailable\` tinyint NOT NULL, \`publishedByUserId\` int NOT NULL, \`publishedByName\` varchar(100) NOT NULL, \`publishedAt\` datetime(3) NOT NULL, INDEX \`IDX_fba61791b9e6380651cfd9ddc5\` (\`cityPath\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`ranking_entries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`publicationId\` int NOT NULL, \`orgId\` int NOT NULL, \`orgName\` varchar(64) NOT NULL, \`level\` enum ('city', 'branch', 'station', 'community') NOT NULL, \`branchName\` varchar(64) NULL, \`overallValue\` double NULL, \`overallRank\` int NULL, \`overallPrevRank\` int NULL, \`joinRateValue\` double NULL, \`joinRateRank\` int NULL, \`joinRatePrevRank\` int NULL, \`weeklyRuleValue\` double NULL, \`weeklyRuleRank\` int NULL, \`weeklyRulePrevRank\` int NULL, \`tipsValue\` double NULL, \`tipsRank\` int NULL, \`tipsPrevRank\` int NULL, \`responseSpeedValue\` double NULL, \`responseSpeedRank\` int NULL, \`responseSpeedPrevRank\` int NULL, UNIQUE INDEX \`IDX_92107d5aaa50dd76eebc566a33\` (\`publicationId\`, \`orgId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_92107d5aaa50dd76eebc566a33\` ON \`ranking_entries\``);
    await queryRunner.query(`DROP TABLE \`ranking_entries\``);
    await queryRunner.query(`DROP INDEX \`IDX_fba61791b9e6380651cfd9ddc5\` ON \`ranking_publications\``);
    await queryRunner.query(`DROP TABLE \`ranking_publications\``);
    await queryRunner.query(`DROP INDEX \`IDX_afcc8193340f7ba821e85f3035\` ON \`stage_narratives\``);
    await queryRunner.query(`DROP INDEX \`IDX_7b82e699df97befd68982bf155\` ON \`stage_narratives\``);
    await queryRunner.query(`DROP TABLE \`stage_narratives\``);
    await queryRunner.query(`DROP INDEX \`IDX_1f1a8d36daeb4f7680a3c6975b\` ON \`report_stages\``);
    await queryRunner.query(`DROP INDEX \`IDX_3207ce720b61c7e163038efea1\` ON \`report_stages\``);
    await queryRunner.query(`DROP TABLE \`report_stages\``);
  }
}
