import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TipGrades1796027486034 implements MigrationInterface {
  name = 'TipGrades1796027486034';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`tips\` ADD \`grade\` varchar(1) NULL`);
    await queryRunner.query(`ALTER TABLE \`tips\` ADD \`gradePoints\` int NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`tips\` ADD \`gradedAt\` datetime(3) NULL`);
    await queryRunner.query(`ALTER TABLE \`tips\` ADD \`gradeEntryId\` int NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`tips\` DROP COLUMN \`gradeEntryId\``);
    await queryRunner.query(`ALTER TABLE \`tips\` DROP COLUMN \`gradedAt\``);
    await queryRunner.query(`ALTER TABLE \`tips\` DROP COLUMN \`gradePoints\``);
    await queryRunner.query(`ALTER TABLE \`tips\` DROP COLUMN \`grade\``);
  }
}
