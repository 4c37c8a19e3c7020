import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CallupDeliveries1796048482038 implements MigrationInterface {
  name = 'CallupDeliveries1796048482038';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`callup_deliveries\` (\`id\` int NOT NULL AUTO_INCREMENT, \`callupId\` int NOT NULL, \`recipientId\` int NOT NULL, \`userId\` int NOT NULL, \`volunteerId\` int NOT NULL, \`state\` enum ('queued', 'written', 'done') NOT NULL DEFAULT 'queued', \`push\` enum ('pending', 'sent', 'no_consent', 'failed') NOT NULL DEFAULT 'pending', \`sms\` enum ('pending', 'queued', 'no_phone') NOT NULL DEFAULT 'pending', \`notificationId\` int NULL, \`attempts\` int NOT NULL DEFAULT '0', \`claimToken\` varchar(36) NULL, \`nextAttemptAt\` datetime(3) NULL, \`queuedAt\` datetime(3) NOT NULL, \`writtenAt\` datetime(3) NULL, \`doneAt\` datetime(3) NULL, \`lastError\` varchar(200) NULL, INDEX \`IDX_6ff653f6f09504289b0d84e654\` (\`nextAttemptAt\`), INDEX \`IDX_1b571639fbf9a66f3405e56e84\` (\`callupId\`), UNIQUE INDEX \`IDX_01cd0808963dc9bfb5117aef90\` (\`recipientId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_01cd0808963dc9bfb5117aef90\` ON \`callup_deliveries\``);
    await queryRunner.query(`DROP INDEX \`IDX_1b571639fbf9a66f3405e56e84\` ON \`callup_deliveries\``);
    await queryRunner.query(`DROP INDEX \`IDX_6ff653f6f09504289b0d84e654\` ON \`callup_deliveries\``);
    await queryRunner.query(`DROP TABLE \`callup_deliveries\``);
  }
}
