import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ActivityRemindersPushRetriesProposalSlots1795998890111 implements MigrationInterface {
  name = 'ActivityRemindersPushRetriesProposalSlots1795998890111';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`notifications\` ADD \`nextPushAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`activities\` ADD \`proposalSlot\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`activity_signups\` ADD \`reminderSentAt\` datetime(3) NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_ebc5bdbc7b12e3eb52d02872c6\` ON \`notifications\` (\`pushStatus\`, \`nextPushAt\`)`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_1475e3c2866f784a942501328b\` ON \`activities\` (\`proposedByUserId\`, \`proposalSlot\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_1475e3c2866f784a942501328b\` ON \`activities\``);
    await queryRunner.query(`DROP INDEX \`IDX_ebc5bdbc7b12e3eb52d02872c6\` ON \`notifications\``);
    await queryRunner.query(`ALTER TABLE \`activity_signups\` DROP COLUMN \`reminderSentAt\``);
    await queryRunner.query(`ALTER TABLE \`activities\` DROP COLUMN \`proposalSlot\``);
    await queryRunner.query(`ALTER TABLE \`notifications\` DROP COLUMN \`nextPushAt\``);
  }
}
