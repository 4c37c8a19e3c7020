import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SmsMessages1796025748198 implements MigrationInterface {
  name = 'SmsMessages1796025748198';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`sms_messages\` (\`id\` int NOT NULL AUTO_INCREMENT, \`ref\` varchar(64) NOT NULL, \`userId\` int NOT NULL, \`template\` varchar(32) NOT NULL, \`params\` text NOT NULL, \`phoneEnc\` varchar(255) NOT NULL, \`phoneHash\` varchar(64) NOT NULL, \`status\` enum ('pending', 'sent', 'failed', 'skipped_limit') NOT NULL DEFAULT 'pending', \`attempts\` int NOT NULL DEFAULT '0', \`nextAttemptAt\` datetime(3) NULL, \`providerId\` varchar(64) NULL, \`lastError\` varchar(255) NULL, \`createdAt\` datetime(3) NOT NULL, \`sentAt\` datetime(3) NULL, INDEX \`IDX_59b384602b38c230a0d9493947\` (\`phoneHash\`, \`sentAt\`), INDEX \`IDX_c5b464724820f8b4eb75fbaa3f\` (\`status\`, \`nextAttemptAt\`), UNIQUE INDEX \`IDX_1151f3da66376794a60d170338\` (\`ref\`, \`userId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_1151f3da66376794a60d170338\` ON \`sms_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_c5b464724820f8b4eb75fbaa3f\` ON \`sms_messages\``);
    await queryRunner.query(`DROP INDEX \`IDX_59b384602b38c230a0d9493947\` ON \`sms_messages\``);
    await queryRunner.query(`DROP TABLE \`sms_messages\``);
  }
}
