import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AlertRequestIds1796040333858 implements MigrationInterface {
  name = 'AlertRequestIds1796040333858';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`alerts\` ADD \`clientRequestId\` varchar(64) NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_8566633e940ffb7f504996e530\` ON \`alerts\` (\`senderUserId\`, \`clientRequestId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_8566633e940ffb7f504996e530\` ON \`alerts\``);
    await queryRunner.query(`ALTER TABLE \`alerts\` DROP COLUMN \`clientRequestId\``);
  }
}
