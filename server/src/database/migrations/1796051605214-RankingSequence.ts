import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RankingSequence1796051605214 implements MigrationInterface {
  name = 'RankingSequence1796051605214';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`ranking_publications\` ADD \`seq\` int NOT NULL DEFAULT '0'`);
    // publications made before numbering follow one another in id order
    await queryRunner.query(`UPDATE \`ranking_publications\` SET \`seq\` = \`id\``);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_7efe018410c21144f4bab0e907\` ON \`ranking_publications\` (\`cityId\`, \`title\`)`);
    await queryRunner.query(`CREATE UNIQUE INDEX \`IDX_54a8eca1fafd4baccbc44ee5b3\` ON \`ranking_publications\` (\`cityId\`, \`seq\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_54a8eca1fafd4baccbc44ee5b3\` ON \`ranking_publications\``);
    await queryRunner.query(`DROP INDEX \`IDX_7efe018410c21144f4bab0e907\` ON \`ranking_publications\``);
    await queryRunner.query(`ALTER TABLE \`ranking_publications\` DROP COLUMN \`seq\``);
  }
}
