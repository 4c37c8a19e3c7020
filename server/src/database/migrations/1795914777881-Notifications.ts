import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1795914777881 implements MigrationInterface {
  name = 'Notifications1795914777881';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`notifications\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`template\` varchar(48) NOT NULL, \`title\` varchar(64) NOT NULL, \`body\` varchar(500) NOT NULL, \`page\` varchar(255) NULL, \`data\` text NOT NULL, \`pushStatus\` enum ('pending', 'sent', 'failed', 'no_consent', 'no_openid') NOT NULL DEFAULT 'pending', \`pushAttempts\` int NOT NULL DEFAULT '0', \`readAt\` datetime(3) NULL, \`createdAt\` datetime(3) NOT NULL, INDEX \`IDX_1522e4df81368fd2f83d90fc9a\` (\`userId\`, \`id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`subscribe_consents\` (\`id\` int NOT NULL AUTO_INCREMENT, \`userId\` int NOT NULL, \`template\` varchar(48) NOT NULL, \`remaining\` int NOT NULL DEFAULT '0', \`updatedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_56ef61b98a5e8923a6cd0c33f0\` (\`userId\`, \`template\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_56ef61b98a5e8923a6cd0c33f0\` ON \`subscribe_consents\``);
    await queryRunner.query(`DROP TABLE \`subscribe_consents\``);
    await queryRunner.query(`DROP INDEX \`IDX_1522e4df81368fd2f83d90fc9a\` ON \`notifications\``);
    await queryRunner.query(`DROP TABLE \`notifications\``);
  }
}
